/**
 * Proofs for chapter 8's quiz: each test runs the behaviour (DynamoDB in the local cloud, the election harness,
 * the Lamport clock of `solution/`), turns the observation into an answer and compares it with the keyed answer.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import quiz from '../../../docs/quizzes/08-coordination.ts';
import { expectKeyed } from '../../../docs/quizzes/proof.ts';
import type { LeaseTable } from '../contract.ts';
import { checkElection } from '../harness/checker.ts';
import { createKeyedTable } from '../harness/dynamo.ts';
import { runElection } from '../harness/election.ts';
import { seededPlan } from '../harness/faults.ts';
import { HappensBefore } from '../harness/happens-before.ts';
import { startLocalLeases, type LocalLeases } from '../harness/local.ts';
import { simulateMessages } from '../harness/messages.ts';
import { createLamportClock } from '../solution/lamport.ts';
import * as solutionLease from '../solution/lease.ts';

let local: LocalLeases;
beforeAll(async () => {
  local = await startLocalLeases();
});
afterAll(async () => {
  await local?.stop();
});

describe('race conditions', () => {
  it('read-then-write sells the last ticket twice', async () => {
    const tableName = 'tickets';
    await createKeyedTable(local.db, tableName);
    await local.db.send(new PutCommand({ TableName: tableName, Item: { pk: 'concert', remaining: 1 } }));
    const read = () => local.db.send(new GetCommand({ TableName: tableName, Key: { pk: 'concert' }, ConsistentRead: true }));
    // Both buyers read before either writes: the interleaving a busy system produces sooner or later.
    const [first, second] = await Promise.all([read(), read()]);
    for (const [buyer, seen] of [['anna', first], ['ben', second]] as const) {
      if (Number(seen.Item?.remaining) > 0) {
        await local.db.send(new PutCommand({ TableName: tableName, Item: { pk: 'concert', remaining: Number(seen.Item!.remaining) - 1 } }));
        await local.db.send(new PutCommand({ TableName: tableName, Item: { pk: `sale#${buyer}` } }));
      }
    }
    const { Items = [] } = await local.db.send(new ScanCommand({ TableName: tableName }));
    expectKeyed(quiz, 'tickets-race', Items.filter((i) => String(i.pk).startsWith('sale#')).length);
  });
});

/** The candidate conditions of the quiz question, as `UpdateItem` acquires (undefined: a blind write). */
const candidates: Record<string, string | undefined> = {
  'not-exists-or-expired': 'attribute_not_exists(pk) OR expiresAt < :now',
  'not-exists': 'attribute_not_exists(pk)',
  exists: 'attribute_exists(pk)',
  none: undefined,
};

async function acquireWith(table: LeaseTable, condition: string | undefined, worker: string, now: number): Promise<boolean> {
  const values: Record<string, unknown> = { ':me': worker, ':expiresAt': now + 200 };
  if (condition?.includes(':now')) values[':now'] = now;
  try {
    await table.db.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { pk: table.leaseName },
        UpdateExpression: 'SET holder = :me, expiresAt = :expiresAt',
        ExpressionAttributeValues: values,
        ...(condition ? { ConditionExpression: condition } : {}),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** How many of five simultaneous workers win, with the lease free, held, or expired. */
async function winners(condition: string | undefined, state: 'free' | 'held' | 'expired'): Promise<number> {
  const table = await local.freshTable();
  const now = Date.UTC(2026, 10, 28, 9);
  if (state !== 'free') {
    const expiresAt = state === 'held' ? now + 100 : now - 1;
    await table.db.send(new PutCommand({ TableName: table.tableName, Item: { pk: table.leaseName, holder: 'old', expiresAt } }));
  }
  const results = await Promise.all(['w1', 'w2', 'w3', 'w4', 'w5'].map((w) => acquireWith(table, condition, w, now)));
  return results.filter(Boolean).length;
}

describe('leases in DynamoDB', () => {
  it('only the expiry condition gives a free or expired lease to exactly one worker', async () => {
    const correct: string[] = [];
    for (const [id, condition] of Object.entries(candidates)) {
      const observed = [await winners(condition, 'free'), await winners(condition, 'held'), await winners(condition, 'expired')];
      if (JSON.stringify(observed) === JSON.stringify([1, 0, 1])) correct.push(id);
    }
    expect(correct, 'conditions that behave like a lease').toHaveLength(1);
    expectKeyed(quiz, 'lease-condition', correct[0]!);
  });
});

/** Runs three workers with the solution's lease; the leader freezes for 2–3 leases before its second or third write. */
async function pausedLeaderRun(fencing: boolean) {
  const run = await runElection({
    table: await local.freshTable(),
    lease: solutionLease,
    workers: 3,
    ttlMs: 200,
    stepMs: 40,
    durationMs: 1_200,
    fencing,
    faults: seededPlan(1, 200, ['pause']),
  });
  const events = run.history.events;
  const resumeAt = events.findIndex((e) => e.kind === 'resume');
  const paused = events[resumeAt]!.worker;
  const lateWrite = events.slice(resumeAt).find((e) => (e.kind === 'write-accepted' || e.kind === 'write-refused') && e.worker === paused)!;
  const newLeaderWroteMeanwhile = events.slice(0, resumeAt).some((e) => e.kind === 'write-accepted' && e.worker !== paused);
  expect(newLeaderWroteMeanwhile, 'another worker led and wrote while the leader was frozen').toBe(true);
  return { lateWrite, check: checkElection(events) };
}

describe('fencing tokens', () => {
  it('without fencing the paused old leader’s write is accepted', async () => {
    const { lateWrite, check } = await pausedLeaderRun(false);
    expect(check.violations.some((v) => v.includes('stale token')), 'the checker sees the resource corrupted').toBe(true);
    expectKeyed(quiz, 'paused-leader-no-fencing', lateWrite.kind === 'write-accepted' ? 'accepted' : 'refused');
  });

  it('with fencing the paused old leader’s write is refused', async () => {
    const { lateWrite, check } = await pausedLeaderRun(true);
    expect(check.violations).toEqual([]);
    expectKeyed(quiz, 'paused-leader-fencing', lateWrite.kind === 'write-refused' ? 'refused' : 'accepted');
  });
});

describe('Lamport clocks', () => {
  it('a Lamport clock at 4 that receives 9 reads 10', () => {
    const clock = createLamportClock();
    for (let i = 0; i < 4; i++) clock.tick();
    expect(clock.now()).toBe(4);
    expectKeyed(quiz, 'lamport-receive', clock.receive(9));
  });

  it('L(a) < L(b) rules out b → a but does not imply a → b', () => {
    // Which statements about a pair with L(a) < L(b) hold in every pair of five seeded runs?
    const holds = { 'a-before-b': true, 'not-b-before-a': true, concurrent: true, nothing: true };
    let pairs = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const events = simulateMessages({ processes: 3, events: 40, seed, createClock: createLamportClock });
      const hb = new HappensBefore(events);
      for (const a of events) {
        for (const b of events) {
          if (!(a.timestamp < b.timestamp)) continue;
          pairs++;
          if (!hb.before(a.id, b.id)) holds['a-before-b'] = false; // a counterexample: ordered stamps, no causality
          if (hb.before(b.id, a.id)) holds['not-b-before-a'] = false;
          if (!hb.concurrent(a.id, b.id)) holds.concurrent = false;
        }
      }
    }
    holds.nothing = !holds['not-b-before-a'];
    expect(pairs).toBeGreaterThan(1_000);
    expectKeyed(quiz, 'lamport-converse', Object.entries(holds).filter(([, held]) => held).map(([id]) => id).join(' and '));
  });
});

describe('quorums', () => {
  /** All subsets of {0..n-1} with k members, as bit masks. */
  const subsets = (n: number, k: number) => Array.from({ length: 1 << n }, (_, m) => m).filter((m) => m.toString(2).split('1').length - 1 === k);

  /** The smallest R for which every read set of R replicas shares a replica with every write set of W. */
  function smallestReadQuorum(n: number, w: number): number {
    for (let r = 1; r <= n; r++) {
      if (subsets(n, r).every((read) => subsets(n, w).every((write) => (read & write) !== 0))) return r;
    }
    throw new Error(`no read quorum for N=${n}, W=${w}`);
  }

  it('with N = 5 and W = 3 every read quorum of 3 meets every write quorum', () => {
    expect(smallestReadQuorum(3, 2), 'N=3, W=2').toBe(2);
    expectKeyed(quiz, 'quorum-read', smallestReadQuorum(5, 3));
  });
});
