/** The harness's own tests: the checkers must catch what they claim to catch, and the faults must replay by seed. */
import { describe, expect, it } from 'vitest';
import { checkElection } from './checker.ts';
import { validateElectionOptions, type ElectionOptions } from './election.ts';
import { FaultInjector, seededPlan } from './faults.ts';
import { clockConditionViolations, HappensBefore } from './happens-before.ts';
import { History, type HistoryEvent } from './history.ts';
import type { ClockEvent } from './messages.ts';
import { ProtectedStorage } from './storage.ts';

const historyOf = (...events: HistoryEvent[]) => {
  const history = new History();
  events.forEach((e) => history.record(e));
  return history.events;
};
const acquire = (worker: string, token: number): HistoryEvent => ({ kind: 'acquire', worker, token, expiresAt: 0 });
const accepted = (worker: string, token: number): HistoryEvent => ({ kind: 'write-accepted', worker, token, value: `${worker}:${token}` });

describe('checkElection', () => {
  it('accepts a clean handover from one term to the next', () => {
    const result = checkElection(historyOf(acquire('a', 1), accepted('a', 1), acquire('b', 2), accepted('b', 2), { kind: 'write-refused', worker: 'a', token: 1, highest: 2 }));
    expect(result).toEqual({ ok: true, violations: [] });
  });

  it('names two workers granted the same term', () => {
    const result = checkElection(historyOf(acquire('a', 1), acquire('b', 1)));
    expect(result.violations).toEqual([expect.stringContaining('b was granted term 1, which a already held')]);
  });

  it('names writes of two workers accepted in the same term', () => {
    const result = checkElection(historyOf(accepted('a', 3), accepted('b', 3)));
    expect(result.violations).toEqual([expect.stringContaining('writes of a and b both accepted in term 3')]);
  });

  it('names a write accepted with a stale token', () => {
    const result = checkElection(historyOf(accepted('a', 1), accepted('b', 2), accepted('a', 1)));
    expect(result.violations).toEqual([expect.stringContaining('stale token 1 accepted after token 2 of b')]);
  });
});

describe('ProtectedStorage', () => {
  it('with fencing refuses a lower token and records both outcomes', () => {
    const history = new History();
    const storage = new ProtectedStorage(history, true);
    expect([storage.write('b', 2, 'x'), storage.write('a', 1, 'y'), storage.write('b', 2, 'z')]).toEqual(['accepted', 'refused', 'accepted']);
    expect(history.events.map((e) => e.kind)).toEqual(['write-accepted', 'write-refused', 'write-accepted']);
  });

  it('without fencing accepts every token', () => {
    const storage = new ProtectedStorage(new History(), false);
    expect([storage.write('b', 2, 'x'), storage.write('a', 1, 'y')]).toEqual(['accepted', 'accepted']);
  });

  it('rejects a missing token with a clear error', () => {
    const storage = new ProtectedStorage(new History(), true);
    expect(() => storage.write('a', undefined as unknown as number, 'x')).toThrow('write by a: fencing token must be a non-negative integer, got undefined');
  });
});

describe('faults', () => {
  it('draws the same plan from the same seed and pauses longer than the lease', () => {
    expect(seededPlan(7, 200, ['pause', 'crash', 'delay'])).toEqual(seededPlan(7, 200, ['pause', 'crash', 'delay']));
    for (const seed of [1, 2, 3, 4, 5]) expect(seededPlan(seed, 200, ['pause']).pause!.ms).toBeGreaterThan(200);
  });

  it('pauses only the first worker to reach the planned write, once', () => {
    const faults = new FaultInjector({ seed: 1, pause: { onWrite: 2, ms: 500 } });
    expect(faults.pauseBeforeWrite('a')).toBe(0);
    faults.crashAfterWrite('a');
    expect(faults.pauseBeforeWrite('a')).toBe(500);
    faults.crashAfterWrite('a');
    faults.crashAfterWrite('b');
    expect(faults.pauseBeforeWrite('b')).toBe(0);
  });

  it('crashes the first worker that completes the planned number of writes', () => {
    const faults = new FaultInjector({ seed: 1, crash: { afterWrites: 2 } });
    expect([faults.crashAfterWrite('a'), faults.crashAfterWrite('b'), faults.crashAfterWrite('a'), faults.crashAfterWrite('b')]).toEqual([false, false, true, false]);
  });
});

describe('election options', () => {
  const base = { workers: 3, ttlMs: 200, stepMs: 40, durationMs: 500 } as ElectionOptions;
  it('rejects a step too long for the lease and non-positive numbers', () => {
    expect(() => validateElectionOptions({ ...base, stepMs: 150 })).toThrow('stepMs (150) must be at most half of ttlMs (200)');
    expect(() => validateElectionOptions({ ...base, workers: 0 })).toThrow('workers must be a positive number, got 0');
  });
});

describe('happens-before', () => {
  // P1: a (send m1), b (local); P2: c (local), d (receive m1)
  const events: ClockEvent[] = [
    { id: 'a', process: 'P1', kind: 'send', message: 'm1', timestamp: 1 },
    { id: 'b', process: 'P1', kind: 'local', timestamp: 2 },
    { id: 'c', process: 'P2', kind: 'local', timestamp: 1 },
    { id: 'd', process: 'P2', kind: 'receive', message: 'm1', timestamp: 2 },
  ];

  it('follows program order and messages, transitively, and nothing else', () => {
    const hb = new HappensBefore(events);
    expect([hb.before('a', 'b'), hb.before('a', 'd'), hb.before('c', 'd'), hb.before('b', 'd'), hb.concurrent('b', 'd')]).toEqual([true, true, true, false, true]);
  });

  it('finds a receive that is not later than its send', () => {
    const wrong = events.map((e) => (e.id === 'd' ? { ...e, timestamp: 1 } : e));
    expect(clockConditionViolations(wrong)).toEqual(['a → d, but L(a) = 1 is not less than L(d) = 1', 'c → d, but L(c) = 1 is not less than L(d) = 1']);
  });

  it('names a receive of a message nobody sent', () => {
    expect(() => new HappensBefore([{ id: 'x', process: 'P1', kind: 'receive', message: 'm9', timestamp: 1 }])).toThrow('event x receives message m9, which no event sent');
  });
});
