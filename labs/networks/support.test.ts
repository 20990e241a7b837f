/** The lab's own building blocks (not the students' code): option checks and the latency relay. */
import { connect, createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayShim } from './delay-shim.ts';
import { measureConnectionReuse } from './measure.ts';
import { checkOptions, hostName } from './options.ts';

describe('options', () => {
  it.each([
    ['shop.localhost', 'shop.localhost'],
    ['Shop.LocalHost:8080', 'shop.localhost'],
    ['  blog.localhost  ', 'blog.localhost'],
    ['[::1]:8080', '[::1]'],
    ['', ''],
  ])('hostName(%j) is %j', (header, name) => {
    expect(hostName(header)).toBe(name);
  });

  it('names the offending route, option or value', () => {
    expect(() => checkOptions(undefined)).toThrow(/options object/);
    expect(() => checkOptions({ routes: { 'Shop.localhost': 'http://127.0.0.1:1' } })).toThrow(/"Shop.localhost" must be a lower-case host name/);
    expect(() => checkOptions({ routes: { 'shop.localhost': 'https://example.org' } })).toThrow(/only http:\/\/ backends/);
    expect(() => checkOptions({ routes: { 'shop.localhost': 'http://127.0.0.1:1' }, port: 70000 })).toThrow(/port must be/);
    expect(checkOptions({ routes: { 'shop.localhost': 'http://127.0.0.1:1' } }).timeoutMs).toBe(5000);
  });
});

describe('delay shim', () => {
  let echo: ReturnType<typeof createServer>;
  let echoUrl: string;
  beforeAll(async () => {
    echo = createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

  /** Round-trip times of two messages sent one after the other over ONE connection through the shim. */
  async function twoRoundTrips(delayMs: number): Promise<[number, number]> {
    const shim = await startDelayShim(echoUrl, delayMs);
    try {
      const socket = connect(shim.port, '127.0.0.1');
      const roundTrip = (text: string) =>
        new Promise<number>((resolve) => {
          const started = performance.now();
          socket.once('data', () => resolve(performance.now() - started));
          socket.write(text);
        });
      await new Promise((resolve) => socket.once('connect', resolve));
      const first = await roundTrip('one');
      const second = await roundTrip('two');
      socket.destroy();
      return [first, second];
    } finally {
      await shim.close();
    }
  }

  it('delays the first bytes of a new connection, and only those', async () => {
    const [first, second] = await twoRoundTrips(150);
    expect(first).toBeGreaterThanOrEqual(140);
    expect(second).toBeLessThan(100);
  });

  it('rejects a negative delay', async () => {
    await expect(startDelayShim(echoUrl, -1)).rejects.toThrow(/delayMs/);
  });
});

describe('measureConnectionReuse', () => {
  it('rejects fewer than two requests and a non-positive latency', async () => {
    await expect(measureConnectionReuse({ requests: 1 })).rejects.toThrow(/requests/);
    await expect(measureConnectionReuse({ latencyMs: 0 })).rejects.toThrow(/latency/);
  });
});
