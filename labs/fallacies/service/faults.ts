/**
 * The fault plan: for every `POST /orders` the network decides what goes wrong, either from an explicit
 * script (deterministic tests) or drawn from seeded random rates (reproducible practice runs).
 */
import { seededRandom } from '../../localcloud/core/random.ts';

export const faultKinds = [
  'ok',
  'drop-request', // the request never reaches the service: the connection closes, nothing is recorded
  'drop-response', // the service records the order, then the connection closes before the answer arrives
  'delay', // the request is held back longer than a sensible client timeout, then processed
  'duplicate', // the network delivers the same request twice: the service processes both copies
  'unavailable', // 503 Service Unavailable, nothing recorded
  'throttle', // 429 Too Many Requests with Retry-After, nothing recorded
] as const;

export type Fault = (typeof faultKinds)[number];
export type FaultRates = Partial<Record<Exclude<Fault, 'ok'>, number>>;

/** Used when a seed is given without rates: roughly one request in three goes wrong. */
export const defaultFaultRates: FaultRates = {
  'drop-request': 0.06,
  'drop-response': 0.08,
  delay: 0.04,
  duplicate: 0.06,
  unavailable: 0.05,
  throttle: 0.03,
};

export interface FaultPlan {
  next(): Fault;
}

export function isFault(value: string): value is Fault {
  return (faultKinds as readonly string[]).includes(value);
}

export function parseFault(value: string): Fault {
  if (!isFault(value)) throw new Error(`Unknown fault "${value}"; expected one of: ${faultKinds.join(', ')}`);
  return value;
}

/** Plays the script in order, then behaves. */
export function scriptedFaults(script: readonly Fault[]): FaultPlan {
  script.forEach((fault) => parseFault(fault));
  let position = 0;
  return { next: () => script[position++] ?? 'ok' };
}

export function validateRates(rates: FaultRates): void {
  let total = 0;
  for (const [fault, rate] of Object.entries(rates)) {
    if (!isFault(fault) || fault === 'ok') throw new Error(`Unknown fault rate "${fault}"; expected one of: ${faultKinds.slice(1).join(', ')}`);
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw new Error(`Fault rate for "${fault}" must be a number between 0 and 1, got ${rate}`);
    total += rate;
  }
  if (total > 1) throw new Error(`Fault rates add up to ${total.toFixed(3)}, more than 1`);
}

/** One draw per request from a seeded generator: the same seed and rates give the same faults. */
export function randomFaults(seed: number, rates: FaultRates = defaultFaultRates): FaultPlan {
  validateRates(rates);
  const random = seededRandom(seed);
  const table = Object.entries(rates) as [Exclude<Fault, 'ok'>, number][];
  return {
    next() {
      let draw = random.next();
      for (const [fault, rate] of table) {
        if (draw < rate) return fault;
        draw -= rate;
      }
      return 'ok';
    },
  };
}
