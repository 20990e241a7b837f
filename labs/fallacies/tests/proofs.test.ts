/**
 * Proofs for chapter 1's quiz: each test observes a behaviour, turns the observation into an answer and
 * compares it with the quiz's keyed answer. Changing a key (or the behaviour) makes the proof fail.
 * They use one-shot requests (no client library) so that nothing hides what the network did.
 */
import { setTimeout as wait } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import quiz from '../../../docs/quizzes/01-cloud.ts';
import { expectKeyed } from '../../../docs/quizzes/proof.ts';
import type { Fault } from '../service/faults.ts';
import { startFlakyOrderService, type FlakyOrderService, type FlakyOrderServiceOptions } from '../service/server.ts';
import { describeOutcome, sendOrder, type SendOutcome } from './send.ts';

const running: FlakyOrderService[] = [];
async function service(options: FlakyOrderServiceOptions): Promise<FlakyOrderService> {
  const started = await startFlakyOrderService(options);
  running.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

const book = { item: 'book', quantity: 1 };
const succeeded = (outcome: SendOutcome) => outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300;

it('blind retries after a dropped response record the order twice', async () => {
  const shop = await service({ script: ['drop-response'] });
  expect(describeOutcome(await sendOrder(shop.url, book))).toBe('network-error');
  expect(describeOutcome(await sendOrder(shop.url, book))).toBe('201');
  expectKeyed(quiz, 'blind-retry', shop.orders().length);
});

it('a retry with the same Idempotency-Key is answered from the store', async () => {
  const shop = await service({ script: ['drop-response'] });
  const key = crypto.randomUUID();
  expect(describeOutcome(await sendOrder(shop.url, book, { idempotencyKey: key }))).toBe('network-error');
  const retry = await sendOrder(shop.url, book, { idempotencyKey: key });
  const orders = shop.orders();
  let observed: string;
  if (retry.kind !== 'response') observed = 'client-skips';
  else if (retry.status === 409 || retry.status === 422) observed = 'conflict';
  else if (orders.length > 1) observed = 'second-order';
  else if (retry.status === 201 && retry.replayed && (retry.body as { id: string }).id === orders[0]?.id) observed = 'replay';
  else observed = `unexpected: ${describeOutcome(retry)} with ${orders.length} order(s)`;
  expectKeyed(quiz, 'idempotency-key', observed);
});

it('a single attempt with a timeout: which faults leave an order the client believes failed', async () => {
  const faults: Fault[] = ['drop-request', 'drop-response', 'delay'];
  const observed: string[] = [];
  for (const fault of faults) {
    const shop = await service({ script: [fault], delayMs: 300 });
    const outcome = await sendOrder(shop.url, book, { timeoutMs: 100 });
    await shop.idle(); // let a held-back request reach the service before looking
    if (!succeeded(outcome) && shop.orders().length === 1) observed.push(fault);
  }
  expectKeyed(quiz, 'timeout-no-retry', observed.length > 0 ? observed : ['none']);
});

it('only transient failures succeed when the same request is sent again', async () => {
  /** Sends the same request twice (same body, same key); `first` is the failure it must start with. */
  const sendTwice = async (name: string, first: string, options: FlakyOrderServiceOptions, body: unknown = book, setup?: (s: FlakyOrderService, key: string) => Promise<void>) => {
    const shop = await service(options);
    const key = crypto.randomUUID();
    await setup?.(shop, key);
    const timeoutMs = name === 'timeout' ? 200 : 2000;
    const outcome = await sendOrder(shop.url, body, { idempotencyKey: key, timeoutMs });
    expect(describeOutcome(outcome), name).toBe(first);
    if (outcome.kind === 'response' && outcome.retryAfter !== undefined) await wait(Number(outcome.retryAfter) * 1000);
    const again = await sendOrder(shop.url, body, { idempotencyKey: key, timeoutMs: 2000 });
    return succeeded(again) ? [name] : [];
  };
  const observed = [
    ...(await sendTwice('network-error', 'network-error', { script: ['drop-request'] })),
    ...(await sendTwice('timeout', 'timeout', { script: ['delay'], delayMs: 800 })),
    ...(await sendTwice('503', '503', { script: ['unavailable'] })),
    ...(await sendTwice('429', '429', { script: ['throttle'], retryAfterSeconds: 1 })),
    ...(await sendTwice('400', '400', { script: [] }, { item: '', quantity: 1 })),
    ...(await sendTwice('422', '422', { script: [] }, { item: 'book', quantity: 2 }, async (shop, key) => {
      await sendOrder(shop.url, book, { idempotencyKey: key }); // the key's first use, with another order
    })),
  ];
  expectKeyed(quiz, 'retryable', observed);
});

/**
 * Two sales servers against one ticket store. Every store call is a network round trip (modelled as 5 ms),
 * so a seller's read and its write are two separate steps that the other seller can run between.
 */
function ticketStore(tickets: number) {
  let left = tickets;
  let sold = 0;
  const roundTrip = () => wait(5);
  return {
    sold: () => sold,
    read: async () => (await roundTrip(), left),
    markSold: async () => {
      await roundTrip();
      left -= 1;
      sold += 1;
    },
    /** One atomic step on the store's side: decrement only if a ticket is left (a conditional write). */
    sellIfAvailable: async () => {
      await roundTrip();
      if (left <= 0) return false;
      left -= 1;
      sold += 1;
      return true;
    },
  };
}

it('check-then-write sellers sell the last ticket twice', async () => {
  const racy = ticketStore(1);
  const checkThenWrite = async () => {
    if ((await racy.read()) > 0) await racy.markSold();
  };
  await Promise.all([checkThenWrite(), checkThenWrite()]);

  const atomic = ticketStore(1);
  await Promise.all([atomic.sellIfAvailable(), atomic.sellIfAvailable()]);
  expect(atomic.sold(), 'a conditional write sells the last ticket once').toBe(1);

  expectKeyed(quiz, 'last-ticket', racy.sold() === 2 ? 'sold-twice' : racy.sold() === 1 ? 'database-prevents' : 'deadlock');
});
