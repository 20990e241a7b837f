/**
 * Lamport's happens-before relation over a recorded run, and the clock condition a Lamport clock must satisfy:
 * if e → e' then L(e) < L(e'). Edges: program order within a process, and send → receive of the same message;
 * the relation is their transitive closure.
 */
import type { ClockEvent } from './messages.ts';

export class HappensBefore {
  private readonly reach = new Map<string, Set<string>>();

  constructor(readonly events: readonly ClockEvent[]) {
    const next = new Map<string, string[]>(events.map((e) => [e.id, []]));
    const lastOf = new Map<string, string>();
    const sendOf = new Map<string, string>();
    for (const e of events) {
      const previous = lastOf.get(e.process);
      if (previous) next.get(previous)!.push(e.id);
      lastOf.set(e.process, e.id);
      if (e.kind === 'send' && e.message) sendOf.set(e.message, e.id);
    }
    for (const e of events) {
      if (e.kind !== 'receive') continue;
      const send = e.message ? sendOf.get(e.message) : undefined;
      if (!send) throw new Error(`event ${e.id} receives message ${String(e.message)}, which no event sent`);
      next.get(send)!.push(e.id);
    }
    for (const e of events) this.reach.set(e.id, reachableFrom(e.id, next));
  }

  /** a → b */
  before(a: string, b: string): boolean {
    return this.reach.get(a)?.has(b) ?? false;
  }

  concurrent(a: string, b: string): boolean {
    return a !== b && !this.before(a, b) && !this.before(b, a);
  }
}

function reachableFrom(start: string, next: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...(next.get(start) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return seen;
}

/** Every pair e → e' whose timestamps do not satisfy L(e) < L(e'), as readable lines. */
export function clockConditionViolations(events: readonly ClockEvent[]): string[] {
  const hb = new HappensBefore(events);
  const violations: string[] = [];
  for (const a of events) {
    for (const b of events) {
      if (hb.before(a.id, b.id) && !(a.timestamp < b.timestamp)) {
        violations.push(`${a.id} → ${b.id}, but L(${a.id}) = ${a.timestamp} is not less than L(${b.id}) = ${b.timestamp}`);
      }
    }
  }
  return violations;
}
