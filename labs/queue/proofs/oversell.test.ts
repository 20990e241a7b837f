/**
 * Proofs for chapter 6: why the consumer needs a conditional write. Concurrent consumers, one event, real
 * DynamoDB semantics (the local cloud serializes writes per table like DynamoDB's item-level conditions).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../localcloud/index.ts';
import type { Tables } from '../app/tables.ts';
import { settleNaively } from '../demo/naive-stock.ts';
import { createShopTables, localDynamo } from '../harness/local-tables.ts';
import { settleOrder } from '../solution/stock.ts';
import { decrementWithoutCondition, raceBuyers } from './race.ts';

let cloud: LocalCloud;
let db: ReturnType<typeof localDynamo>;
let tables: Tables;
beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0 });
  db = localDynamo(cloud.endpoint);
  tables = await createShopTables(db);
});
afterAll(async () => {
  db?.destroy();
  await cloud?.stop();
});

describe('stock under concurrent consumers', () => {
  it('naive read-then-write oversells under concurrent consumers', async () => {
    const result = await raceBuyers(db, tables, settleNaively, 10, 40);
    // Every consumer read 10 (or close to it) before any wrote: far more buyers hold a ticket than exist.
    expect(result.confirmed).toBeGreaterThan(result.tickets);
    expect(result.remaining).toBeGreaterThan(0);
  });

  it('a conditional transaction sells exactly the stock under concurrent consumers', async () => {
    const result = await raceBuyers(db, tables, settleOrder, 10, 40);
    expect(result).toEqual({ tickets: 10, buyers: 40, confirmed: 10, soldOut: 30, remaining: 0 });
  });

  it('a decrement without a condition drives the stock negative', async () => {
    expect(await decrementWithoutCondition(db, tables, 10, 14)).toBe(-4);
  });
});
