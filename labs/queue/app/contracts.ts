/**
 * The order pipeline's shapes and the one validation of a buyer's request. The API, the consumer, the seed
 * command and the tests import these, so every part agrees on field names and limits.
 */

export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 4;
/** Event ids are also SQS message group ids: at most 128 characters from a safe alphabet. */
const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_BUYER_LENGTH = 200;

export type OrderStatus = 'pending' | 'confirmed' | 'sold-out';

/** What the producer puts on the queue (and a redelivery brings back). */
export interface OrderMessage {
  orderId: string;
  eventId: string;
  quantity: number;
  buyer: string;
}

/** What the consumer publishes once an order is decided. */
export interface Outcome extends OrderMessage {
  status: Exclude<OrderStatus, 'pending'>;
}

export type OrderRequest = Omit<OrderMessage, 'orderId'>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Checks a POST /orders body; the error names every missing or wrong field. */
export function parseOrderRequest(body: string | undefined): Parsed<OrderRequest> {
  let value: unknown;
  try {
    value = JSON.parse(body ?? '');
  } catch {
    return { ok: false, error: 'The body must be JSON: {"eventId": "...", "quantity": 1, "buyer": "..."}' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'The body must be a JSON object with eventId, quantity and buyer' };
  }
  const { eventId, quantity, buyer } = value as Record<string, unknown>;
  const missing = Object.entries({ eventId, quantity, buyer }).filter(([, v]) => v === undefined || v === null || v === '').map(([k]) => k);
  if (missing.length > 0) return { ok: false, error: `Missing field${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` };
  if (typeof eventId !== 'string' || !EVENT_ID.test(eventId)) {
    return { ok: false, error: 'eventId must be 1 to 64 letters, digits, "-" or "_"' };
  }
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
    return { ok: false, error: `quantity must be a whole number from ${MIN_QUANTITY} to ${MAX_QUANTITY}, got ${JSON.stringify(quantity)}` };
  }
  if (typeof buyer !== 'string' || buyer.trim() === '' || buyer.length > MAX_BUYER_LENGTH) {
    return { ok: false, error: `buyer must be a non-empty string of at most ${MAX_BUYER_LENGTH} characters` };
  }
  return { ok: true, value: { eventId, quantity, buyer } };
}

/** The optional `Idempotency-Key` header becomes the order id, so a retried POST finds its order again. */
export function parseIdempotencyKey(value: string | undefined): Parsed<string | undefined> {
  if (value === undefined || value === '') return { ok: true, value: undefined };
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(value)) return { ok: false, error: 'Idempotency-Key must be 8 to 64 letters, digits, "-" or "_"' };
  return { ok: true, value };
}

/** Reads a queue message; a malformed one is a poison message and ends in the dead-letter queue. */
export function parseOrderMessage(body: string): OrderMessage {
  const value = JSON.parse(body) as Partial<OrderMessage>;
  const { orderId, eventId, quantity, buyer } = value ?? {};
  if (typeof orderId !== 'string' || typeof eventId !== 'string' || typeof quantity !== 'number' || typeof buyer !== 'string') {
    throw new Error(`Not an order message: ${body.slice(0, 200)}`);
  }
  return { orderId, eventId, quantity, buyer };
}

export function isEventId(value: string): boolean {
  return EVENT_ID.test(value);
}
