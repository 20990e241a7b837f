/**
 * One Publish, four queues: who receives which order, in which form, and whether a slow consumer holds up the
 * others. Every order has a fresh id, and the consumers' receipts (DynamoDB) show what each one got.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consumer, Order } from '../order.ts';
import { DEPLOY_TIMEOUT_MS, fanoutStack, type FanoutStack, type Receipt } from './deployment.ts';
import { publishOrder } from './target.ts';

const TEST_TIMEOUT_MS = 90_000;
const EVERYONE: Consumer[] = ['analytics', 'billing', 'fraud', 'shipping'];
const ALL_BUT_FRAUD: Consumer[] = ['analytics', 'billing', 'shipping'];

let stack: FanoutStack;
beforeAll(async () => {
  stack = await fanoutStack();
}, DEPLOY_TIMEOUT_MS);
afterAll(async () => stack?.close());

const order = (amount: number): Order => ({ orderId: randomUUID(), customer: 'Ada', amount, items: ['notebook'] });
const names = (receipts: Receipt[]) => receipts.map((r) => r.consumer);

describe('fan-out', () => {
  it('a large order (250 €) published once reaches all four consumers, each exactly once', async () => {
    const big = order(250);
    await publishOrder(stack.sns, stack.topicArn, big);
    const receipts = await stack.receiptsOf(big.orderId, EVERYONE);
    expect(names(receipts)).toEqual(EVERYONE);
    expect(receipts.map((r) => r.amount)).toEqual([250, 250, 250, 250]);
  }, TEST_TIMEOUT_MS);

  it('a small order (40 €) reaches billing, shipping and analytics but not fraud', async () => {
    const small = order(40);
    await publishOrder(stack.sns, stack.topicArn, small);
    expect(names(await stack.receiptsOf(small.orderId, ALL_BUT_FRAUD))).toEqual(ALL_BUT_FRAUD);
  }, TEST_TIMEOUT_MS);

  it('an order of exactly 100 € stays out of fraud: the rule is "above 100"', async () => {
    const edge = order(100);
    await publishOrder(stack.sns, stack.topicArn, edge);
    expect(names(await stack.receiptsOf(edge.orderId, ALL_BUT_FRAUD))).toEqual(ALL_BUT_FRAUD);
  }, TEST_TIMEOUT_MS);

  it('billing, shipping and fraud get the bare order; analytics gets the SNS envelope with the MessageId of the publish', async () => {
    const big = order(180);
    const messageId = await publishOrder(stack.sns, stack.topicArn, big);
    const receipts = await stack.receiptsOf(big.orderId, EVERYONE);
    expect(receipts.map((r) => [r.consumer, r.delivery, r.snsMessageId])).toEqual([
      ['analytics', 'envelope', messageId],
      ['billing', 'raw', undefined],
      ['fraud', 'raw', undefined],
      ['shipping', 'raw', undefined],
    ]);
  }, TEST_TIMEOUT_MS);
});

describe('decoupling', () => {
  /** Publishes the orders one by one and returns, per consumer, its slowest publish-to-done time in ms. */
  async function slowestPerConsumer(orders: Order[]): Promise<Map<Consumer, number>> {
    const publishedAt = new Map<string, number>();
    for (const o of orders) {
      publishedAt.set(o.orderId, Date.now());
      await publishOrder(stack.sns, stack.topicArn, o);
    }
    const receipts = (await Promise.all(orders.map((o) => stack.receiptsOf(o.orderId, EVERYONE)))).flat();
    const slowest = new Map<Consumer, number>();
    for (const r of receipts) slowest.set(r.consumer, Math.max(slowest.get(r.consumer) ?? 0, r.doneAt - publishedAt.get(r.orderId)!));
    return slowest;
  }

  it('a slow consumer (analytics) delays no one else: billing, shipping and fraud finish a burst long before analytics does', async () => {
    // Warm-up: start the function instances first, so the measurement compares work, not cold starts.
    await slowestPerConsumer([order(120), order(120)]);
    const slowest = await slowestPerConsumer(Array.from({ length: 6 }, () => order(120)));
    expect([...slowest.keys()].sort()).toEqual(EVERYONE);
    const analytics = slowest.get('analytics')!;
    const figures = [...slowest].map(([c, ms]) => `${c} ${ms} ms`).join(', ');
    if (process.env.FANOUT_FIGURES) console.log(figures);
    // Six orders at 1 s of work each (the stack's default), two batches at a time: at least 3 s for the last one.
    expect(analytics, figures).toBeGreaterThanOrEqual(3000);
    for (const fast of ['billing', 'shipping', 'fraud'] as const) expect(slowest.get(fast)!, figures).toBeLessThan(analytics / 2);
  }, TEST_TIMEOUT_MS);
});
