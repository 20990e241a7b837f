/**
 * Reads an election history and names every safety violation:
 * - two workers granted the same term (fencing token) — two leaders at once;
 * - writes of two workers accepted in the same term — split brain reached the resource;
 * - a write accepted with a token lower than one accepted before — a stale leader changed the resource.
 * Liveness (did anyone lead at all?) is for the tests to check; the checker only looks at safety.
 */
import type { History, Recorded } from './history.ts';

export interface CheckResult {
  ok: boolean;
  violations: string[];
}

export function checkElection(events: readonly Recorded[]): CheckResult {
  const violations: string[] = [];

  const holderOfTerm = new Map<number, string>();
  for (const e of events) {
    if (e.kind !== 'acquire') continue;
    const holder = holderOfTerm.get(e.token);
    if (holder !== undefined && holder !== e.worker) {
      violations.push(`at ${e.at} ms: ${e.worker} was granted term ${e.token}, which ${holder} already held`);
    }
    holderOfTerm.set(e.token, e.worker);
  }

  let current: { token: number; worker: string } | undefined;
  for (const e of events) {
    if (e.kind !== 'write-accepted') continue;
    if (current && e.token < current.token) {
      violations.push(`at ${e.at} ms: write of ${e.worker} with stale token ${e.token} accepted after token ${current.token} of ${current.worker}`);
      continue;
    }
    if (current && e.token === current.token && e.worker !== current.worker) {
      violations.push(`at ${e.at} ms: writes of ${current.worker} and ${e.worker} both accepted in term ${e.token}`);
    }
    current = { token: e.token, worker: e.worker };
  }
  return { ok: violations.length === 0, violations };
}

/** The violations, then the history they come from (cut to `maxEvents`), for a failing test's message. */
export function explainCheck(check: CheckResult, history: History, maxEvents = 60): string {
  const lines = history.describe().split('\n');
  const shown = lines.length > maxEvents ? [...lines.slice(0, maxEvents), `… ${lines.length - maxEvents} more events`] : lines;
  return [`${check.violations.length} violation(s):`, ...check.violations.slice(0, 10), 'history:', ...shown].join('\n');
}
