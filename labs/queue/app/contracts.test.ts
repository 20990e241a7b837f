import { describe, expect, it } from 'vitest';
import { parseIdempotencyKey, parseOrderMessage, parseOrderRequest } from './contracts.ts';

describe('order request', () => {
  it('accepts a complete order', () => {
    expect(parseOrderRequest('{"eventId":"rock-1","quantity":4,"buyer":"ada"}')).toEqual({ ok: true, value: { eventId: 'rock-1', quantity: 4, buyer: 'ada' } });
  });

  it.each([
    ['[]', /JSON object/],
    ['{"eventId":"x"}', /Missing fields: quantity, buyer/],
    ['{"eventId":"a/b","quantity":1,"buyer":"b"}', /eventId must be/],
    ['{"eventId":"x","quantity":"2","buyer":"b"}', /quantity must be a whole number from 1 to 4, got "2"/],
    ['{"eventId":"x","quantity":1,"buyer":"   "}', /buyer must be a non-empty string/],
  ])('refuses %s', (body, message) => {
    const parsed = parseOrderRequest(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('checks the Idempotency-Key header', () => {
    expect(parseIdempotencyKey(undefined)).toEqual({ ok: true, value: undefined });
    expect(parseIdempotencyKey('a1b2c3d4-e5')).toEqual({ ok: true, value: 'a1b2c3d4-e5' });
    expect(parseIdempotencyKey('short')).toMatchObject({ ok: false });
  });

  it('reads a queue message and refuses one that is not an order', () => {
    expect(parseOrderMessage('{"orderId":"o","eventId":"e","quantity":1,"buyer":"b"}')).toEqual({ orderId: 'o', eventId: 'e', quantity: 1, buyer: 'b' });
    expect(() => parseOrderMessage('{"orderId":"o"}')).toThrow(/Not an order message/);
  });
});
