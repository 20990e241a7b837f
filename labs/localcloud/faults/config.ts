/**
 * The fault configuration model: a list of rules, each matching service, operation and resource by glob
 * (`*` matches any run of characters; omitted means "any"), and the faults it injects.
 * Used by the API (`/_localcloud/faults`), the CLI flag `--faults file.json` and `startLocalCloud({ faults })`.
 */

export type FaultErrorKind = 'throttle' | 'internal' | 'unavailable';

export interface FaultRule {
  service?: string;
  operation?: string;
  /** Queue URL/ARN/name, topic ARN, function name, … (matched against the whole string and its last segment). */
  resource?: string;
  /** Added latency before the request is handled, plus uniform jitter in [0, jitterMs]. */
  latencyMs?: number;
  jitterMs?: number;
  /** Probability of answering with an error the SDK retries. */
  errorRate?: number;
  error?: FaultErrorKind;
  /** Probability of closing the connection without an answer. */
  dropRate?: number;
  /** Standard queues: probability that a received message is also left behind to be delivered again. */
  duplicateRate?: number;
  /** Standard queues: probability that a receive first moves the oldest visible message to the back. */
  reorderRate?: number;
}

export interface FaultConfig {
  /** Seed of the fault dice; defaults to the cloud's seed. */
  seed?: number;
  rules: FaultRule[];
}

const rateFields = ['errorRate', 'dropRate', 'duplicateRate', 'reorderRate'] as const;
const msFields = ['latencyMs', 'jitterMs'] as const;
const globFields = ['service', 'operation', 'resource'] as const;
const errorKinds: FaultErrorKind[] = ['throttle', 'internal', 'unavailable'];
const knownRuleFields = new Set<string>([...rateFields, ...msFields, ...globFields, 'error']);

export class FaultConfigError extends Error {}

/** Checks an untrusted value (JSON from the API or a file) and returns a clean config, or throws with what is wrong. */
export function parseFaultConfig(value: unknown): FaultConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FaultConfigError('fault config must be a JSON object with "rules"');
  const { seed, rules } = value as { seed?: unknown; rules?: unknown };
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed))) throw new FaultConfigError('"seed" must be an integer');
  if (!Array.isArray(rules)) throw new FaultConfigError('"rules" must be an array');
  const clean = rules.map((rule, i): FaultRule => {
    const where = `rules[${i}]`;
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) throw new FaultConfigError(`${where} must be an object`);
    const r = rule as Record<string, unknown>;
    for (const key of Object.keys(r)) if (!knownRuleFields.has(key)) throw new FaultConfigError(`${where}.${key} is not a fault setting`);
    for (const key of globFields) if (r[key] !== undefined && typeof r[key] !== 'string') throw new FaultConfigError(`${where}.${key} must be a string`);
    for (const key of rateFields) {
      const v = r[key];
      if (v !== undefined && (typeof v !== 'number' || !(v >= 0 && v <= 1))) throw new FaultConfigError(`${where}.${key} must be a number from 0 to 1`);
    }
    for (const key of msFields) {
      const v = r[key];
      if (v !== undefined && (typeof v !== 'number' || !(v >= 0 && v <= 60_000))) throw new FaultConfigError(`${where}.${key} must be milliseconds from 0 to 60000`);
    }
    if (r.error !== undefined && !errorKinds.includes(r.error as FaultErrorKind)) {
      throw new FaultConfigError(`${where}.error must be one of ${errorKinds.join(', ')}`);
    }
    return r as FaultRule;
  });
  return seed === undefined ? { rules: clean } : { seed, rules: clean };
}

const globCache = new Map<string, RegExp>();

/** `*` matches any run of characters; everything else is literal. */
export function globMatches(pattern: string | undefined, value: string | undefined): boolean {
  if (pattern === undefined || pattern === '*') return true;
  if (value === undefined) return false;
  let regex = globCache.get(pattern);
  if (!regex) {
    regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    globCache.set(pattern, regex);
  }
  const lastSegment = value.slice(Math.max(value.lastIndexOf('/'), value.lastIndexOf(':')) + 1);
  return regex.test(value) || regex.test(lastSegment);
}
