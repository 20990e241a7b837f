/**
 * A seeded run of processes that do local work and exchange messages over a network that delays and reorders
 * them. Each process has its own clock (from `createClock`); every event is recorded with the clock's value.
 */
import { seededRandom } from '../../localcloud/core/random.ts';
import type { LamportClock } from '../contract.ts';

export interface ClockEvent {
  id: string;
  process: string;
  kind: 'local' | 'send' | 'receive';
  /** The message a send created or a receive consumed. */
  message?: string;
  timestamp: number;
}

export interface MessageRunOptions {
  processes: number;
  events: number;
  seed: number;
  createClock: () => LamportClock;
}

interface InFlight {
  message: string;
  to: number;
  timestamp: number;
}

export function simulateMessages({ processes, events, seed, createClock }: MessageRunOptions): ClockEvent[] {
  if (!Number.isInteger(processes) || processes < 2) throw new Error(`simulateMessages: processes must be an integer of at least 2, got ${processes}`);
  if (!Number.isInteger(events) || events < 1) throw new Error(`simulateMessages: events must be a positive integer, got ${events}`);
  const random = seededRandom(seed);
  const clocks = Array.from({ length: processes }, createClock);
  const names = clocks.map((_, i) => `P${i + 1}`);
  const counts = names.map(() => 0);
  const inFlight: InFlight[] = [];
  const recorded: ClockEvent[] = [];
  let messages = 0;

  const record = (p: number, kind: ClockEvent['kind'], timestamp: number, message?: string) =>
    recorded.push({ id: `${names[p]}.${++counts[p]!}`, process: names[p]!, kind, timestamp, ...(message ? { message } : {}) });

  const deliver = (index: number) => {
    const [m] = inFlight.splice(index, 1);
    record(m!.to, 'receive', clocks[m!.to]!.receive(m!.timestamp), m!.message);
  };

  for (let i = 0; i < events; i++) {
    const roll = random.next();
    // Any in-flight message may arrive next: the network delays and reorders.
    if (inFlight.length > 0 && roll < 0.4) {
      deliver(random.int(inFlight.length));
      continue;
    }
    const p = random.int(processes);
    if (roll < 0.7) {
      const to = (p + 1 + random.int(processes - 1)) % processes;
      const message = `m${++messages}`;
      const timestamp = clocks[p]!.send();
      record(p, 'send', timestamp, message);
      inFlight.push({ message, to, timestamp });
    } else {
      record(p, 'local', clocks[p]!.tick());
    }
  }
  while (inFlight.length > 0) deliver(0);
  return recorded;
}
