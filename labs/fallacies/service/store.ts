/**
 * The order book behind the service: validates orders, records them, and keeps the first answer per
 * idempotency key so that a repeated key is answered from the store instead of creating a second order.
 */
import type { Order, OrderReceipt } from '../contract.ts';

export interface RecordedOrder extends OrderReceipt {
  /** The Idempotency-Key the order was placed with, if any. */
  idempotencyKey?: string;
}

export interface Answer {
  status: number;
  body: unknown;
  /** True when the answer came from the idempotency store. */
  replayed: boolean;
}

const MAX_KEY_LENGTH = 255;
const MAX_ITEM_LENGTH = 100;
const MAX_QUANTITY = 1000;

/** Returns the order, or the reason it is invalid (the 400 message). */
export function parseOrder(raw: string): Order | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'body is not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'body must be a JSON object {item, quantity}';
  const { item, quantity, ...rest } = value as Record<string, unknown>;
  const unknownFields = Object.keys(rest);
  if (unknownFields.length > 0) return `unknown field(s): ${unknownFields.join(', ')}`;
  if (typeof item !== 'string' || item.trim() === '' || item.length > MAX_ITEM_LENGTH) {
    return `item must be a non-empty string of at most ${MAX_ITEM_LENGTH} characters`;
  }
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    return `quantity must be an integer from 1 to ${MAX_QUANTITY}`;
  }
  return { item, quantity };
}

export interface OrderStore {
  /** Handles one delivered `POST /orders` (body text and optional key) and says what to answer. */
  place(rawBody: string, idempotencyKey: string | undefined): Answer;
  orders(): RecordedOrder[];
}

export function createOrderStore(): OrderStore {
  const orders: RecordedOrder[] = [];
  const byKey = new Map<string, { fingerprint: string; answer: Answer }>();

  const error = (status: number, message: string): Answer => ({ status, body: { error: message }, replayed: false });

  return {
    place(rawBody, idempotencyKey) {
      if (idempotencyKey !== undefined && (idempotencyKey === '' || idempotencyKey.length > MAX_KEY_LENGTH)) {
        return error(400, `Idempotency-Key must have 1 to ${MAX_KEY_LENGTH} characters`);
      }
      const order = parseOrder(rawBody);
      if (typeof order === 'string') return error(400, order);

      const fingerprint = JSON.stringify([order.item, order.quantity]);
      const previous = idempotencyKey === undefined ? undefined : byKey.get(idempotencyKey);
      if (previous) {
        // Same key, different order: a client bug; refusing it is safer than guessing (IETF draft, section 2.7).
        if (previous.fingerprint !== fingerprint) {
          return error(422, 'Idempotency-Key was already used with a different order');
        }
        return { ...previous.answer, replayed: true };
      }

      const recorded: RecordedOrder = { id: `ord_${orders.length + 1}`, ...order, idempotencyKey };
      orders.push(recorded);
      const answer: Answer = { status: 201, body: { id: recorded.id, item: order.item, quantity: order.quantity }, replayed: false };
      if (idempotencyKey !== undefined) byKey.set(idempotencyKey, { fingerprint, answer });
      return answer;
    },
    orders: () => orders.map((o) => ({ ...o })),
  };
}
