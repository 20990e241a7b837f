/**
 * The acceptance tests of the queue prototype, in one file because they switch the cloud's faults on and off.
 * The rush: 600 buyers rush 500 tickets (by default half of both, see scale.ts) while the local cloud throttles the
 * queue and the table, publications fail after sales were written (consumers crash before acknowledging) and
 * copies of accepted orders are delivered again. Exactly 500 tickets are sold, 100 buyers hear "sold out",
 * no order is lost or sold twice, and the stock is never negative.
 */
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvent } from '../app/tables.ts';
import { clearFaults, countFaults, setFaults } from '../harness/faults.ts';
import { get, post, rush, settledOrders, tally, watchStock } from '../harness/shop.ts';
import { DEPLOY_TIMEOUT_MS, queueStack, type QueueStackUnderTest } from './deployment.ts';
import { CRASH_AFTER_SALE, RUSH_FAULTS } from './faults-profile.ts';
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
export async function redeliver(orderIds: string[], eventId: string, quantity = 1) {
  for (let i = 0; i < orderIds.length; i += 10) {
    const entries = orderIds.slice(i, i + 10).map((orderId, n) => ({
      Id: String(n),
      MessageBody: JSON.stringify({ orderId, eventId, quantity, buyer: 'again' }),
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
    const posted = Date.now() - started;
    await redeliver(accepted.filter((_, i) => i % 12 === 0), eventId);
    const rows = await settledOrders(stack.db, stack.tables, eventId, buyers, 240_000);
    const elapsed = Date.now() - started;

    const { lowest, samples } = await stock.stop();
    if (stack.localEndpoint) await clearFaults(stack.localEndpoint);
    const injected = (await faults?.stop()) ?? {};
    const published = await outcomes.outcomesWith(eventId);
    await outcomes.close();
    const result = tally(rows);
    console.log(`rush ${tickets}/${buyers}: all accepted after ${posted} ms, settled after ${elapsed} ms, ${samples} stock samples (lowest ${lowest}), faults ${JSON.stringify(injected)}, outcomes published ${published.length}`);

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
  }, 300_000);
});

/** Polls `check` every 200 ms until it returns a value (or fails after `timeoutMs`, saying what it waited for). */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe('redelivery', () => {
  it('a consumer that crashes after the sale sells once when the message comes back', async () => {
    const eventId = await newEvent(stack, 5, 'crash');
    const outcomes = await outcomeWatcher(stack);
    const faults = stack.localEndpoint ? await countFaults(stack.localEndpoint) : undefined;
    if (stack.localEndpoint) await setFaults(stack.localEndpoint, CRASH_AFTER_SALE);
    const order = await post(stack.apiUrl, 'orders', { eventId, quantity: 2, buyer: 'crash' });
    expect(order.status).toBe(202);
    await until('the sale', async () => ((await get(stack.apiUrl, `orders/${order.body.orderId}`)).body.status === 'confirmed' ? true : undefined));
    if (faults) {
      // Let the message come back at least once more while publishing still fails (three SDK attempts per delivery).
      await until('a second failed delivery', async () => ((await faults.peek())['sns.Publish:error'] >= 6 ? true : undefined));
      await clearFaults(stack.localEndpoint!);
      await faults.stop();
    }
    const announced = await until('the outcome', async () => (await outcomes.outcomesWith(String(order.body.orderId)))[0]);
    await outcomes.close();
    expect(announced.status).toBe('confirmed');
    expect((await get(stack.apiUrl, `events/${eventId}`)).body.remaining).toBe(3);
  }, 60_000);

  it('a duplicate delivery of a decided order sells nothing and repeats the decision', async () => {
    const eventId = await newEvent(stack, 7, 'dup');
    const outcomes = await outcomeWatcher(stack);
    const order = await post(stack.apiUrl, 'orders', { eventId, quantity: 3, buyer: 'dup' });
    const orderId = String(order.body.orderId);
    await until('the first outcome', async () => ((await outcomes.outcomesWith(orderId)).length > 0 ? true : undefined));
    await redeliver([orderId], eventId, 3);
    await until('the repeated outcome', async () => ((await outcomes.outcomesWith(orderId)).length >= 2 ? true : undefined));
    const announced = await outcomes.outcomesWith(orderId);
    await outcomes.close();
    expect(announced.map((o) => o.status)).toEqual(['confirmed', 'confirmed']);
    expect((await get(stack.apiUrl, `events/${eventId}`)).body.remaining).toBe(4);
  }, 60_000);

  it('a retried POST with the same Idempotency-Key gets the same order, not a second one', async () => {
    const eventId = await newEvent(stack, 4, 'retry');
    const headers = { 'idempotency-key': `retry-${eventId}` };
    const first = await post(stack.apiUrl, 'orders', { eventId, quantity: 1, buyer: 'r' }, headers);
    const again = await post(stack.apiUrl, 'orders', { eventId, quantity: 1, buyer: 'r' }, headers);
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.body.orderId).toBe(first.body.orderId);
    const rows = await settledOrders(stack.db, stack.tables, eventId, 1, 15_000);
    expect(tally(rows)).toMatchObject({ orders: 1, confirmed: 1, ticketsSold: 1 });
  });

  it('a poison message ends in the dead-letter queue without blocking other events', async () => {
    const poison = `poison-${Date.now()}`;
    await stack.sqs.send(new SendMessageCommand({ QueueUrl: stack.queueUrl, MessageBody: `not an order ${poison}`, MessageGroupId: poison, MessageDeduplicationId: poison }));
    const eventId = await newEvent(stack, 1, 'after-poison');
    const order = await post(stack.apiUrl, 'orders', { eventId, quantity: 1, buyer: 'p' });
    await until('the other event', async () => ((await get(stack.apiUrl, `orders/${order.body.orderId}`)).body.status === 'confirmed' ? true : undefined));
    const dead = await until('the dead letter', async () => {
      const { Messages = [] } = await stack.sqs.send(new ReceiveMessageCommand({ QueueUrl: stack.deadLetterQueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
      return Messages.find((m) => m.Body?.includes(poison));
    }, 30_000);
    expect(dead.Body).toBe(`not an order ${poison}`);
    const { Attributes } = await stack.sqs.send(new GetQueueAttributesCommand({ QueueUrl: stack.deadLetterQueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
    expect(Number(Attributes?.ApproximateNumberOfMessages)).toBeGreaterThan(0);
  }, 60_000);
});
