import { afterEach, describe, expect, it } from 'vitest';
import { sendOrder, describeOutcome } from '../tests/send.ts';
import { defaultFaultRates, faultKinds, randomFaults, scriptedFaults, validateRates, type Fault } from './faults.ts';
import { startFlakyOrderService, type FlakyOrderService, type FlakyOrderServiceOptions } from './server.ts';
import { parseOrder } from './store.ts';

const running: FlakyOrderService[] = [];
async function start(options: FlakyOrderServiceOptions): Promise<FlakyOrderService> {
  const service = await startFlakyOrderService(options);
  running.push(service);
  return service;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

const order = { item: 'book', quantity: 1 };

describe('fault plan', () => {
  it('plays a script in order and then behaves', () => {
    const plan = scriptedFaults(['drop-response', 'delay']);
    expect([plan.next(), plan.next(), plan.next(), plan.next()]).toEqual(['drop-response', 'delay', 'ok', 'ok']);
  });

  it('rejects an unknown fault in a script with its name', () => {
    expect(() => scriptedFaults(['explode' as Fault])).toThrow(/Unknown fault "explode"/);
  });

  it('draws the same faults for the same seed and different ones for another seed', () => {
    const draw = (seed: number) => {
      const plan = randomFaults(seed);
      return Array.from({ length: 200 }, () => plan.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draws each fault about as often as its rate says', () => {
    const plan = randomFaults(42);
    const counts = new Map<Fault, number>();
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const fault = plan.next();
      counts.set(fault, (counts.get(fault) ?? 0) + 1);
    }
    for (const [fault, rate] of Object.entries(defaultFaultRates)) {
      expect(Math.abs((counts.get(fault as Fault) ?? 0) / draws - rate!), fault).toBeLessThan(0.01);
    }
    expect(randomFaults(1, {}).next()).toBe('ok');
  });

  it('refuses rates that are unknown, out of range or add up to more than 1', () => {
    expect(() => validateRates({ meteor: 0.1 } as never)).toThrow(/Unknown fault rate "meteor"/);
    expect(() => validateRates({ delay: 1.5 })).toThrow(/"delay" must be a number between 0 and 1/);
    expect(() => validateRates({ delay: 0.6, duplicate: 0.6 })).toThrow(/add up to 1\.200/);
    expect(faultKinds).toContain('duplicate');
  });
});

describe('order validation', () => {
  it('names what is wrong with a bad body', () => {
    expect(parseOrder('{')).toBe('body is not valid JSON');
    expect(parseOrder('[]')).toMatch(/JSON object/);
    expect(parseOrder('{"item":"x","quantity":1,"price":3}')).toBe('unknown field(s): price');
    expect(parseOrder('{"item":"","quantity":1}')).toMatch(/^item must be/);
    expect(parseOrder('{"item":"x","quantity":1.5}')).toMatch(/^quantity must be/);
    expect(parseOrder('{"item":"x","quantity":2}')).toEqual({ item: 'x', quantity: 2 });
  });
});

describe('flaky order service', () => {
  it('records an order and lists it', async () => {
    const service = await start({ script: [] });
    const outcome = await sendOrder(service.url, order);
    expect(outcome).toEqual({ kind: 'response', status: 201, body: { id: 'ord_1', ...order }, replayed: false });
    const listed = await fetch(`${service.url}/orders`).then((r) => r.json());
    expect(listed).toEqual([{ id: 'ord_1', ...order }]);
  });

  it('drop-request: the connection closes and nothing is recorded', async () => {
    const service = await start({ script: ['drop-request'] });
    expect(describeOutcome(await sendOrder(service.url, order))).toBe('network-error');
    expect(service.orders()).toHaveLength(0);
  });

  it('drop-response: the order is recorded although the client sees a network error', async () => {
    const service = await start({ script: ['drop-response'] });
    expect(describeOutcome(await sendOrder(service.url, order))).toBe('network-error');
    expect(service.orders()).toHaveLength(1);
  });

  it('delay: the client times out, the order is recorded afterwards', async () => {
    const service = await start({ script: ['delay'], delayMs: 300 });
    expect(describeOutcome(await sendOrder(service.url, order, { timeoutMs: 50 }))).toBe('timeout');
    expect(service.orders()).toHaveLength(0);
    await service.idle();
    expect(service.orders()).toHaveLength(1);
  });

  it('duplicate: two orders without a key, one with a key', async () => {
    const service = await start({ script: ['duplicate', 'duplicate'] });
    expect(describeOutcome(await sendOrder(service.url, order))).toBe('201');
    expect(service.orders()).toHaveLength(2);
    expect(describeOutcome(await sendOrder(service.url, order, { idempotencyKey: 'k1' }))).toBe('201');
    expect(service.orders()).toHaveLength(3);
    expect(service.log().map((e) => e.created)).toEqual([2, 1]);
  });

  it('unavailable and throttle answer 503 and 429 with Retry-After, recording nothing', async () => {
    const service = await start({ script: ['unavailable', 'throttle'], retryAfterSeconds: 2 });
    expect(describeOutcome(await sendOrder(service.url, order))).toBe('503');
    const throttled = await fetch(`${service.url}/orders`, { method: 'POST', body: JSON.stringify(order) });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(service.orders()).toHaveLength(0);
  });

  it('answers a repeated key from its store and refuses the key with a different order (422)', async () => {
    const service = await start({ script: [] });
    const first = await sendOrder(service.url, order, { idempotencyKey: 'k' });
    const again = await sendOrder(service.url, order, { idempotencyKey: 'k' });
    const other = await sendOrder(service.url, { item: 'book', quantity: 2 }, { idempotencyKey: 'k' });
    expect(first).toMatchObject({ status: 201, replayed: false });
    expect(again).toEqual({ ...first, replayed: true });
    expect(other).toMatchObject({ status: 422, body: { error: expect.stringMatching(/different order/) } });
    expect(service.orders()).toHaveLength(1);
  });

  it('answers bad requests with a clear error', async () => {
    const service = await start({ script: [] });
    expect(await sendOrder(service.url, { item: 'x', quantity: 0 })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/quantity/) } });
    expect(await sendOrder(service.url, order, { idempotencyKey: 'x'.repeat(300) })).toMatchObject({ status: 400 });
    expect(await sendOrder(service.url, 'x'.repeat(20_000))).toMatchObject({ status: 413 });
    const missing = await fetch(`${service.url}/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: expect.stringMatching(/no route GET \/nothing/) });
    expect((await fetch(`${service.url}/orders`, { method: 'DELETE' })).status).toBe(405);
  });

  it('stops promptly while a delayed request waits, and never processes it', async () => {
    const service = await start({ script: ['delay'], delayMs: 10_000 });
    const outcome = sendOrder(service.url, order, { timeoutMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const begun = Date.now();
    await service.stop();
    await service.idle();
    expect(Date.now() - begun).toBeLessThan(1000);
    expect(describeOutcome(await outcome)).toBe('network-error');
    expect(service.orders()).toHaveLength(0);
  });

  it('refuses bad options with a clear message', async () => {
    await expect(startFlakyOrderService({ delayMs: -1 })).rejects.toThrow(/delayMs must be/);
    await expect(startFlakyOrderService({ faults: { delay: 2 } })).rejects.toThrow(/"delay" must be a number between 0 and 1/);
  });
});
