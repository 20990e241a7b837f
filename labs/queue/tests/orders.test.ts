/** The shop's HTTP contract: 202 with a status URL for a valid order, a 400 that names the problem otherwise. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, post, settledOrders } from '../harness/shop.ts';
import { DEPLOY_TIMEOUT_MS, queueStack, type QueueStackUnderTest } from './deployment.ts';
import { newEvent } from './fixtures.ts';

let stack: QueueStackUnderTest;
beforeAll(async () => {
  stack = await queueStack();
}, DEPLOY_TIMEOUT_MS);
afterAll(async () => stack?.close());

describe('POST /orders', () => {
  it('accepts an order with 202, its id and a status URL that ends confirmed', async () => {
    const eventId = await newEvent(stack, 10);
    const answer = await post(stack.apiUrl, 'orders', { eventId, quantity: 2, buyer: 'ada' });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ orderId: expect.any(String), status: 'pending', statusUrl: `orders/${answer.body.orderId}` });
    await settledOrders(stack.db, stack.tables, eventId, 1, 15_000);
    expect((await get(stack.apiUrl, String(answer.body.statusUrl))).body).toEqual({ orderId: answer.body.orderId, status: 'confirmed' });
    expect((await get(stack.apiUrl, `events/${eventId}`)).body).toEqual({ eventId, remaining: 8 });
  });

  it.each([
    ['a missing buyer', (eventId: string) => ({ eventId, quantity: 1 }), /Missing field: buyer/],
    ['missing eventId and quantity', () => ({ buyer: 'ada' }), /Missing fields: eventId, quantity/],
    ['quantity 0', (eventId: string) => ({ eventId, quantity: 0, buyer: 'ada' }), /quantity must be a whole number from 1 to 4/],
    ['quantity 5', (eventId: string) => ({ eventId, quantity: 5, buyer: 'ada' }), /quantity must be a whole number from 1 to 4/],
    ['quantity 1.5', (eventId: string) => ({ eventId, quantity: 1.5, buyer: 'ada' }), /quantity must be a whole number/],
    ['an unknown event', () => ({ eventId: 'no-such-event', quantity: 1, buyer: 'ada' }), /Unknown event "no-such-event"/],
    ['a body that is not JSON', () => 'tickets please', /The body must be JSON/],
  ])('refuses %s with 400 and a message naming it', async (_, body, message) => {
    const eventId = await newEvent(stack, 1);
    const answer = await post(stack.apiUrl, 'orders', body(eventId));
    expect(answer.status).toBe(400);
    expect(String(answer.body.message)).toMatch(message);
    expect(answer.body).not.toHaveProperty('stack');
  });
});

describe('GET', () => {
  it('answers 404 for an unknown order and an unknown event', async () => {
    expect((await get(stack.apiUrl, 'orders/nope')).status).toBe(404);
    expect((await get(stack.apiUrl, 'events/nope')).status).toBe(404);
  });

  it('sells the last tickets and then answers sold-out, never going below zero', async () => {
    const eventId = await newEvent(stack, 3);
    const first = await post(stack.apiUrl, 'orders', { eventId, quantity: 2, buyer: 'a' });
    const second = await post(stack.apiUrl, 'orders', { eventId, quantity: 2, buyer: 'b' });
    const third = await post(stack.apiUrl, 'orders', { eventId, quantity: 1, buyer: 'c' });
    await settledOrders(stack.db, stack.tables, eventId, 3, 15_000);
    const statuses = await Promise.all([first, second, third].map(async (a) => (await get(stack.apiUrl, `orders/${a.body.orderId}`)).body.status));
    expect(statuses).toEqual(['confirmed', 'sold-out', 'confirmed']);
    expect((await get(stack.apiUrl, `events/${eventId}`)).body.remaining).toBe(0);
  });
});
