/**
 * Acceptance tests for `acquireLease` and `renewLease` against DynamoDB in the local cloud, one call at a time, so
 * a failure names exactly which rule of a lease is broken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalLeases, type LocalLeases } from '../harness/local.ts';
import { lease } from './target.ts';

const TTL = 200;
const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
let local: LocalLeases;
beforeAll(async () => {
  local = await startLocalLeases();
});
afterAll(async () => {
  await local?.stop();
});

describe('acquireLease', () => {
  it('takes a free lease with token 1 and refuses a second worker while it is held', async () => {
    const table = await local.freshTable();
    const first = await lease.acquireLease(table, 'worker-1', TTL, T0);
    expect(first).toEqual({ holder: 'worker-1', token: 1, expiresAt: T0 + TTL });
    expect(await lease.acquireLease(table, 'worker-2', TTL, T0 + TTL / 2)).toBeUndefined();
  });

  it('lets another worker take over an expired lease with a higher fencing token', async () => {
    const table = await local.freshTable();
    await lease.acquireLease(table, 'worker-1', TTL, T0);
    const next = await lease.acquireLease(table, 'worker-2', TTL, T0 + TTL + 1);
    expect(next).toEqual({ holder: 'worker-2', token: 2, expiresAt: T0 + 2 * TTL + 1 });
  });

  it('gives a free lease to exactly one of ten workers that try at the same moment', async () => {
    const table = await local.freshTable();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => lease.acquireLease(table, `worker-${i + 1}`, TTL, T0)));
    const winners = results.filter((r) => r !== undefined);
    expect(winners.map((w) => w.holder), 'holders that believe they won').toHaveLength(1);
  });
});

describe('renewLease', () => {
  it('extends the lease of its holder', async () => {
    const table = await local.freshTable();
    const held = (await lease.acquireLease(table, 'worker-1', TTL, T0))!;
    const renewed = await lease.renewLease(table, held, TTL, T0 + 100);
    expect(renewed).toEqual({ holder: 'worker-1', token: 1, expiresAt: T0 + 100 + TTL });
    expect(await lease.acquireLease(table, 'worker-2', TTL, T0 + TTL + 1), 'the renewed lease is still held').toBeUndefined();
  });

  it('fails once another worker has taken over, and leaves the new holder in place', async () => {
    const table = await local.freshTable();
    const old = (await lease.acquireLease(table, 'worker-1', TTL, T0))!;
    const taken = (await lease.acquireLease(table, 'worker-2', TTL, T0 + TTL + 1))!;
    expect(await lease.renewLease(table, old, TTL, T0 + TTL + 2), 'renewal by the old holder').toBeUndefined();
    expect(await lease.renewLease(table, taken, TTL, T0 + TTL + 3)).toMatchObject({ holder: 'worker-2', token: 2 });
  });
});
