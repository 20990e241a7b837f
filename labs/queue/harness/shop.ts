/**
 * Driving and observing the ticket shop from outside: buyers that POST orders (and retry a 503 as a person
 * would), a stock watcher, and the read-back of every order. The acceptance tests, the proofs and the benchmark
 * share these, so all of them count the same way.
 */
import { randomUUID } from 'node:crypto';
import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OrderStatus } from '../app/contracts.ts';
import type { Tables } from '../app/tables.ts';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export async function post(apiUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(new URL(path, apiUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

export async function get(apiUrl: string, path: string): Promise<Answer> {
  const response = await fetch(new URL(path, apiUrl));
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

/**
 * One buyer: places an order and retries (a bounded number of times) while the shop answers 5xx or the connection
 * fails, always with the same Idempotency-Key, so a retry never becomes a second order.
 */
export async function buy(apiUrl: string, order: { eventId: string; quantity: number; buyer: string }, attempts = 6): Promise<string> {
  const key = randomUUID();
  let last: Answer | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      last = await post(apiUrl, 'orders', order, { 'idempotency-key': key });
      if (last.status === 202) return String(last.body.orderId);
      if (last.status < 500) break;
    } catch {
      // The connection failed: try again like a buyer pressing the button once more.
    }
    await sleep(100 * 2 ** attempt);
  }
  throw new Error(`Buyer ${order.buyer} could not place an order: ${last ? `${last.status} ${JSON.stringify(last.body)}` : 'no answer'}`);
}

/** `buyers` buyers of `quantity` each, at most `concurrency` in flight; returns the accepted order ids. */
export async function rush(apiUrl: string, eventId: string, buyers: number, options: { quantity?: number; concurrency?: number } = {}): Promise<string[]> {
  const { quantity = 1, concurrency = buyers } = options;
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < buyers) {
      const n = next++;
      ids.push(await buy(apiUrl, { eventId, quantity, buyer: `buyer-${n}` }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, buyers) }, worker));
  return ids;
}

export interface OrderRow {
  orderId: string;
  eventId: string;
  quantity: number;
  status: OrderStatus;
}

/** Every order of one event (a paginated scan: fine for a test table, not for a shop). */
export async function ordersOf(db: DynamoDBClient, tables: Tables, eventId: string): Promise<OrderRow[]> {
  const rows: OrderRow[] = [];
  let start: Record<string, never> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tables.orders,
        FilterExpression: 'eventId = :e',
        ExpressionAttributeValues: { ':e': { S: eventId } },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      rows.push({ orderId: item.orderId.S!, eventId, quantity: Number(item.quantity.N), status: item.status.S as OrderStatus });
    }
    start = page.LastEvaluatedKey as typeof start;
  } while (start);
  return rows;
}

export interface Tally {
  orders: number;
  confirmed: number;
  soldOut: number;
  pending: number;
  ticketsSold: number;
  /** Order ids that appear more than once (must stay empty). */
  duplicates: string[];
}

export function tally(rows: OrderRow[]): Tally {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const result: Tally = { orders: rows.length, confirmed: 0, soldOut: 0, pending: 0, ticketsSold: 0, duplicates };
  for (const row of rows) {
    if (seen.has(row.orderId)) duplicates.push(row.orderId);
    seen.add(row.orderId);
    if (row.status === 'confirmed') {
      result.confirmed++;
      result.ticketsSold += row.quantity;
    } else if (row.status === 'sold-out') result.soldOut++;
    else result.pending++;
  }
  return result;
}

/** Polls until no order of the event is pending (or `timeoutMs` passed); returns the last read. */
export async function settledOrders(db: DynamoDBClient, tables: Tables, eventId: string, expected: number, timeoutMs: number): Promise<OrderRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await ordersOf(db, tables, eventId);
    if ((rows.length >= expected && rows.every((r) => r.status !== 'pending')) || Date.now() > deadline) return rows;
    await sleep(250);
  }
}

/** Samples GET /events/{id} until stopped; the lowest `remaining` it saw tells whether stock ever went negative. */
export function watchStock(apiUrl: string, eventId: string, everyMs = 100) {
  let lowest = Infinity;
  let samples = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      const answer = await get(apiUrl, `events/${eventId}`).catch(() => undefined);
      if (answer?.status === 200) {
        lowest = Math.min(lowest, Number(answer.body.remaining));
        samples++;
      }
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return { lowest, samples };
    },
  };
}
