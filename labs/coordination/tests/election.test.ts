/**
 * Acceptance tests: three workers elect a leader through the lease and write to a resource that checks fencing
 * tokens, while the fault harness freezes, delays or crashes the leader. The checker reads the recorded history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkElection, explainCheck } from '../harness/checker.ts';
import { runElection, type ElectionOptions } from '../harness/election.ts';
import { dynamoLatency, seededPlan, type FaultKind } from '../harness/faults.ts';
import { startLocalLeases, type LocalLeases } from '../harness/local.ts';
import { lease } from './target.ts';

const TTL = 200;
const STEP = 40;
let local: LocalLeases;
let delayed: LocalLeases;
beforeAll(async () => {
  local = await startLocalLeases();
  // Every DynamoDB call of this second cloud travels 5–25 ms, seeded.
  delayed = await startLocalLeases(dynamoLatency(8, 5, 20));
});
afterAll(async () => {
  await local?.stop();
  await delayed?.stop();
});

async function elect(cloud: LocalLeases, seed: number, faults: FaultKind[], durationMs = 1_200, ttlMs = TTL) {
  const options: ElectionOptions = {
    table: await cloud.freshTable(),
    lease,
    workers: 3,
    ttlMs,
    stepMs: STEP,
    durationMs,
    fencing: true,
    faults: seededPlan(seed, ttlMs, faults),
  };
  const run = await runElection(options);
  return { ...run, check: checkElection(run.history.events) };
}

const leaders = (events: { kind: string; worker?: string }[]) => new Set(events.filter((e) => e.kind === 'write-accepted').map((e) => e.worker));

describe('leader election with a lease', () => {
  it('elects one leader that keeps its lease when nothing goes wrong', async () => {
    // A longer lease here, so that a busy test machine stalling the event loop does not force a legitimate handover.
    const { history, check } = await elect(local, 1, [], 800, 2 * TTL);
    expect(check.ok, explainCheck(check, history)).toBe(true);
    expect(leaders(history.events).size, 'workers whose writes were accepted').toBe(1);
    expect(history.ofKind('write-accepted').length).toBeGreaterThan(5);
  });

  it.each([1, 2, 3])('survives a stop-the-world pause of the leader longer than its lease (seed %i)', async (seed) => {
    const { history, check } = await elect(local, seed, ['pause']);
    expect(check.ok, explainCheck(check, history)).toBe(true);
    const paused = history.ofKind('pause')[0];
    expect(paused, 'the harness paused the leader').toBeDefined();
    const others = [...leaders(history.events)].filter((w) => w !== paused!.worker);
    expect(others.length, 'another worker took over while the leader was frozen').toBeGreaterThan(0);
  });

  it('hands over to another worker after the leader crashes', async () => {
    const { history, check } = await elect(local, 4, ['crash']);
    expect(check.ok, explainCheck(check, history)).toBe(true);
    const crash = history.ofKind('crash')[0]!;
    const takeover = history.ofKind('acquire').find((e) => e.worker !== crash.worker && e.at > crash.at);
    expect(takeover, 'a new leader after the crash').toBeDefined();
    // The lease must run out first (at most TTL), then the next round of another worker takes it; the rest is slack.
    expect(takeover!.at - crash.at, 'ms from crash to takeover').toBeLessThan(2 * TTL + 4 * STEP);
  });

  it('stays safe with delayed DynamoDB calls, delayed writes and a paused leader', async () => {
    const { history, check } = await elect(delayed, 5, ['pause', 'delay']);
    expect(check.ok, explainCheck(check, history)).toBe(true);
    expect(history.ofKind('write-accepted').length).toBeGreaterThan(0);
  });
});
