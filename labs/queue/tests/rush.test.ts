/**
 * The acceptance test of the queue prototype: 600 buyers rush 500 tickets while the local cloud throttles the
 * queue and the table, publications fail after sales were written (consumers crash before acknowledging) and
 * copies of accepted orders are delivered again. Exactly 500 tickets are sold, 100 buyers hear "sold out",
 * no order is lost or sold twice, and the stock is never negative.
 */
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvent } from '../app/tables.ts';
import { clearFaults, countFaults, setFaults } from '../harness/faults.ts';
import { rush, settledOrders, tally, watchStock } from '../harness/shop.ts';
import { DEPLOY_TIMEOUT_MS, queueStack, type QueueStackUnderTest } from './deployment.ts';
import { RUSH_FAULTS } from './faults-profile.ts';
import { newEvent } from './fixtures.ts';
import { outcomeWatcher } from './outcomes.ts';
import { rushSize } from './scale.ts';

let stack: QueueStackUnderTest;
beforeAll(async () => {
  stack = await queueStack();
}, DEPLOY_TIMEOUT_MS);
afterAll(async () => {
  if (stack?.localEndpoint) await clearFaults(stack.localEndpoint);
  await stack?.close();
});

/** Copies of accepted orders, as SQS delivers them again after a crash or beyond the deduplication window. */
async function redeliver(orderIds: string[], eventId: string) {
  for (let i = 0; i < orderIds.length; i += 10) {
    const entries = orderIds.slice(i, i + 10).map((orderId, n) => ({
      Id: String(n),
      MessageBody: JSON.stringify({ orderId, eventId, quantity: 1, buyer: 'again' }),
      MessageGroupId: eventId,
      MessageDeduplicationId: `${orderId}-again`,
    }));
    await stack.sqs.send(new SendMessageBatchCommand({ QueueUrl: stack.queueUrl, Entries: entries }));
  }
}

describe('rush under faults', () => {
  const { tickets, buyers } = rushSize();

  it(`sells exactly ${tickets} tickets to ${buyers} concurrent buyers under faults: ${buyers - tickets} sold out, no duplicate, no lost order, stock never negative`, async () => {
    const eventId = await newEvent(stack, tickets, 'rush');
    const outcomes = await outcomeWatcher(stack);
    const faults = stack.localEndpoint ? await countFaults(stack.localEndpoint) : undefined;
    if (stack.localEndpoint) await setFaults(stack.localEndpoint, RUSH_FAULTS);
    const stock = watchStock(stack.apiUrl, eventId);
    const started = Date.now();

    const accepted = await rush(stack.apiUrl, eventId, buyers);
    await redeliver(accepted.filter((_, i) => i % 12 === 0), eventId);
    const rows = await settledOrders(stack.db, stack.tables, eventId, buyers, 120_000);
    const elapsed = Date.now() - started;

    const { lowest, samples } = await stock.stop();
    if (stack.localEndpoint) await clearFaults(stack.localEndpoint);
    const injected = (await faults?.stop()) ?? {};
    const published = await outcomes.outcomes();
    await outcomes.close();
    const result = tally(rows);
    console.log(`rush ${tickets}/${buyers}: ${elapsed} ms, ${samples} stock samples (lowest ${lowest}), faults ${JSON.stringify(injected)}, outcomes published ${published.length}`);

    expect(new Set(accepted).size).toBe(buyers);
    expect(result).toEqual({ orders: buyers, confirmed: tickets, soldOut: buyers - tickets, pending: 0, ticketsSold: tickets, duplicates: [] });
    expect(new Set(rows.map((r) => r.orderId))).toEqual(new Set(accepted));
    expect((await readEvent(stack.db, stack.tables, eventId))?.remaining).toBe(0);
    expect(lowest).toBeGreaterThanOrEqual(0);
    // Every decided order was announced, and no announcement contradicts its record.
    const decided = new Map(rows.map((r) => [r.orderId, r.status]));
    const announced = published.filter((o) => o.eventId === eventId);
    expect(new Set(announced.map((o) => o.orderId)).size).toBe(buyers);
    expect(announced.filter((o) => decided.get(o.orderId) !== o.status)).toEqual([]);
    if (stack.localEndpoint) expect(Object.values(injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 180_000);
});
