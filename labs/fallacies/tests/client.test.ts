/**
 * Acceptance tests for `placeOrder`: they run against `solution/` (default) or `exercise/` (LAB_TARGET=exercise).
 * Each starts its own flaky service on an ephemeral port and checks what the service recorded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaceOrderOptions } from '../contract.ts';
import { startFlakyOrderService, type FlakyOrderService, type FlakyOrderServiceOptions } from '../service/server.ts';
import { placeOrder } from './target.ts';

const running: FlakyOrderService[] = [];
async function service(options: FlakyOrderServiceOptions): Promise<FlakyOrderService> {
  const started = await startFlakyOrderService(options);
  running.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

/** A sleep that only records what it was asked to wait, so backoff costs no test time. */
function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

/**
 * A small backoff keeps the tests fast. The timeout stays generous (a busy machine must not turn an `ok` into
 * a spurious timeout and an extra attempt); tests about slow answers set a short one themselves.
 */
const fast = (extra: PlaceOrderOptions = {}): PlaceOrderOptions => ({
  timeoutMs: 1000,
  baseDelayMs: 5,
  maxDelayMs: 50,
  sleep: recordingSleep().sleep,
  ...extra,
});

const book = { item: 'book', quantity: 1 };
const postedKeys = (s: FlakyOrderService) => s.log().map((entry) => entry.idempotencyKey);

describe('placeOrder', () => {
  it('places one order when the network behaves', async () => {
    const shop = await service({ script: [] });
    const receipt = await placeOrder(shop.url, book, fast());
    expect(shop.orders()).toHaveLength(1);
    expect(receipt).toEqual({ id: shop.orders()[0].id, ...book });
  });

  it('retries a dropped request and records the order once', async () => {
    const shop = await service({ script: ['drop-request'] });
    const receipt = await placeOrder(shop.url, book, fast());
    expect(shop.log()).toHaveLength(2);
    expect(shop.orders()).toHaveLength(1);
    expect(receipt.id).toBe(shop.orders()[0].id);
  });

  it('retries a dropped response with the same Idempotency-Key and records the order once', async () => {
    const shop = await service({ script: ['drop-response'] });
    const receipt = await placeOrder(shop.url, book, fast());
    const [first, second] = postedKeys(shop);
    expect(shop.log()).toHaveLength(2);
    expect(first, 'every attempt carries an Idempotency-Key').toEqual(expect.any(String));
    expect(second, 'the retry reuses the first attempt’s key').toBe(first);
    expect(shop.orders()).toHaveLength(1);
    expect(receipt.id).toBe(shop.orders()[0].id);
  });

  it('gives up on a slow response after its timeout, retries, and records the order once', async () => {
    const shop = await service({ script: ['delay'], delayMs: 2000 });
    const begun = Date.now();
    await placeOrder(shop.url, book, fast({ timeoutMs: 200 }));
    expect(Date.now() - begun, 'the client must not wait for the slow answer').toBeLessThan(1500);
    await shop.idle(); // the held-back first attempt is processed now — and must not add an order
    expect(shop.orders()).toHaveLength(1);
  });

  it('records the order once when the network delivers the request twice', async () => {
    const shop = await service({ script: ['duplicate'] });
    await placeOrder(shop.url, book, fast());
    expect(shop.orders()).toHaveLength(1);
  });

  it('retries 503 and 429, waiting as long as Retry-After asks', async () => {
    const shop = await service({ script: ['unavailable', 'throttle'], retryAfterSeconds: 2 });
    const { delays, sleep } = recordingSleep();
    await placeOrder(shop.url, book, fast({ sleep }));
    expect(shop.log().map((e) => e.status)).toEqual([503, 429, 201]);
    expect(delays).toHaveLength(2);
    expect(delays[1], 'after the 429 the client waits Retry-After: 2 seconds').toBeGreaterThanOrEqual(2000);
    expect(shop.orders()).toHaveLength(1);
  });

  it('does not retry a 400 and reports the status and the reason', async () => {
    const shop = await service({ script: [] });
    await expect(placeOrder(shop.url, { item: 'book', quantity: 0 }, fast())).rejects.toThrow(/400[\s\S]*quantity/);
    expect(shop.log()).toHaveLength(1);
    expect(shop.orders()).toHaveLength(0);
  });

  it('reports failure when every attempt fails, after exactly the allowed attempts', async () => {
    const shop = await service({ script: ['unavailable', 'unavailable', 'unavailable', 'unavailable'] });
    await expect(placeOrder(shop.url, book, fast({ attempts: 3 }))).rejects.toThrow(/503/);
    expect(shop.log()).toHaveLength(3);
  });

  it('places 50 orders exactly once each under seeded random faults', async () => {
    const shop = await service({ seed: 7, delayMs: 1000 });
    const items = Array.from({ length: 50 }, (_, i) => `item-${i + 1}`);
    for (const item of items) await placeOrder(shop.url, { item, quantity: 1 }, fast({ attempts: 10, timeoutMs: 300 }));
    await shop.idle();
    const faults = new Set(shop.log().map((e) => e.fault));
    expect([...faults].sort(), 'seed 7 must actually exercise the faults').toEqual(
      ['delay', 'drop-request', 'drop-response', 'duplicate', 'ok', 'throttle', 'unavailable'],
    );
    expect(shop.orders().map((o) => o.item).sort()).toEqual([...items].sort());
    expect(new Set(postedKeys(shop)).size, 'one key per logical order').toBe(50);
  });

  it('backs off exponentially with full jitter, capped at maxDelayMs', async () => {
    const failures = Array<'unavailable'>(6).fill('unavailable');
    const options = { attempts: 7, baseDelayMs: 10, maxDelayMs: 100 };
    const run = async (random?: () => number) => {
      const shop = await service({ script: failures });
      const { delays, sleep } = recordingSleep();
      await placeOrder(shop.url, book, { ...options, sleep, random });
      expect(shop.orders()).toHaveLength(1);
      return delays;
    };
    const ceilings = [10, 20, 40, 80, 100, 100];
    const highest = await run(() => 0.999);
    expect(highest).toHaveLength(6);
    highest.forEach((d, i) => expect(d).toBeCloseTo(0.999 * ceilings[i], 3));
    const half = await run(() => 0.5);
    half.forEach((d, i) => expect(d).toBeCloseTo(0.5 * ceilings[i], 3));
    // With real randomness the delays differ from run to run and stay below their ceilings.
    const a = await run();
    const b = await run();
    expect(a).not.toEqual(b);
    [...a, ...b].forEach((d, i) => expect(d).toBeLessThan(ceilings[i % 6]));
  });
});
