/**
 * Acceptance tests for the reverse proxy. Two backends ("shop" and "blog") run on 127.0.0.1; the proxy gets
 * one address, and the tests talk to it with handwritten HTTP/1.1 over raw sockets and with node:http.
 */
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningProxy } from '../contract.ts';
import { deadBackendUrl, startBackend, type Backend, type Received } from '../backends.ts';
import { rawRequest, sendRaw } from './raw-http.ts';
import { startProxy } from './target.ts';

const TIMEOUT_MS = 300;
let shop: Backend;
let blog: Backend;
let proxy: RunningProxy;
let deadUrl: string;

beforeAll(async () => {
  [shop, blog, deadUrl] = await Promise.all([startBackend('shop'), startBackend('blog'), deadBackendUrl()]);
  proxy = await startProxy({
    routes: { 'shop.localhost': shop.url, 'blog.localhost': blog.url, 'down.localhost': deadUrl },
    timeoutMs: TIMEOUT_MS,
  });
});
afterAll(async () => {
  await proxy?.close();
  await Promise.all([shop?.stop(), blog?.stop()]);
});

const get = (host: string | null, path = '/', headers: string[] = []) => sendRaw(proxy.url, rawRequest({ host, path, headers }));
/** The backend's JSON report of what it received; a clear failure when the answer is something else. */
function report(body: string): Received {
  try {
    return JSON.parse(body) as Received;
  } catch {
    throw new Error(`expected the backend's JSON report, but the client received ${JSON.stringify(body.slice(0, 200))}`);
  }
}

describe('virtual hosts', () => {
  it('sends each Host to its own backend, over one address and port', async () => {
    const [toShop, toBlog] = await Promise.all([get('shop.localhost', '/cart'), get('blog.localhost', '/posts/1')]);
    expect([toShop.status, toBlog.status]).toEqual([200, 200]);
    expect(report(toShop.body)).toMatchObject({ backend: 'shop', url: '/cart' });
    expect(report(toBlog.body)).toMatchObject({ backend: 'blog', url: '/posts/1' });
  });

  it('ignores the port and the case in the Host header', async () => {
    const answer = await get('BLOG.localhost:8080', '/about?lang=de');
    expect(report(answer.body)).toMatchObject({ backend: 'blog', url: '/about?lang=de' });
  });

  it('answers 421 for a host it does not serve, without bothering a backend', async () => {
    const before = shop.received.length + blog.received.length;
    const answer = await get('unknown.localhost');
    expect(answer.status).toBe(421);
    expect(shop.received.length + blog.received.length).toBe(before);
  });

  it('answers 400 to an HTTP/1.1 request without a Host header', async () => {
    const answer = await get(null);
    expect(answer.status).toBe(400);
  });

  it('routes every request on one keep-alive connection by its own Host header', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const seen: { backend: string; reused: boolean }[] = [];
      for (const host of ['shop.localhost', 'blog.localhost', 'shop.localhost']) {
        seen.push(
          await new Promise((resolve, reject) => {
            const req = request(`${proxy.url}/`, { agent, headers: { host }, timeout: 3000 }, (res) => {
              let body = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => (body += chunk));
              res.on('end', () => resolve({ backend: report(body).backend, reused: req.reusedSocket }));
            });
            req.on('timeout', () => req.destroy(new Error('no answer within 3000 ms')));
            req.on('error', reject);
            req.end();
          }),
        );
      }
      expect(seen).toEqual([
        { backend: 'shop', reused: false },
        { backend: 'blog', reused: true },
        { backend: 'shop', reused: true },
      ]);
    } finally {
      agent.destroy();
    }
  });
});

describe('forwarded headers', () => {
  it('adds X-Forwarded-For, X-Forwarded-Host and X-Forwarded-Proto', async () => {
    const { headers } = report((await get('shop.localhost', '/')).body);
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-forwarded-host']).toBe('shop.localhost');
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers.host).toBe('shop.localhost');
  });

  it('extends an X-Forwarded-For chain set by a proxy in front of it', async () => {
    const { headers } = report((await get('shop.localhost', '/', ['X-Forwarded-For: 203.0.113.7'])).body);
    expect(headers['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1');
  });

  it('drops hop-by-hop request headers, including those named in Connection', async () => {
    const answer = await get('shop.localhost', '/', ['Connection: x-client-hop', 'X-Client-Hop: secret', 'Keep-Alive: timeout=5', 'TE: trailers', 'Proxy-Connection: keep-alive', 'X-End-To-End: kept']);
    const { headers } = report(answer.body);
    expect(headers['x-client-hop']).toBeUndefined();
    expect(headers['keep-alive']).toBeUndefined();
    expect(headers.te).toBeUndefined();
    expect(headers['proxy-connection']).toBeUndefined();
    expect(headers['x-end-to-end']).toBe('kept');
  });

  it('drops hop-by-hop response headers from the backend', async () => {
    const answer = await get('shop.localhost', '/hop');
    expect(answer.status).toBe(200);
    expect(answer.headers['x-backend-hop']).toBeUndefined();
    expect(answer.headers['keep-alive']).toBeUndefined();
    expect(answer.headers['x-end-to-end']).toBe('kept');
  });
});

describe('bodies', () => {
  it('forwards a chunked request body intact', async () => {
    const head = rawRequest({ method: 'POST', path: '/upload', host: 'blog.localhost', headers: ['Transfer-Encoding: chunked'] });
    const parts = ['a'.repeat(1000), 'b'.repeat(2000), 'c'.repeat(3)];
    const chunks = parts.map((p) => `${p.length.toString(16)}\r\n${p}\r\n`);
    const answer = await sendRaw(proxy.url, [head, ...chunks, '0\r\n\r\n'], { gapMs: 20 });
    const { createHash } = await import('node:crypto');
    expect(report(answer.body)).toMatchObject({ backend: 'blog', method: 'POST', bodyBytes: 3003, bodySha256: createHash('sha256').update(parts.join('')).digest('hex') });
  });

  it('streams the answer: the first part arrives before the backend has finished', async () => {
    const gapMs = 600;
    const answer = await get('shop.localhost', `/stream?gapMs=${gapMs}`);
    expect(answer.body).toBe('first part from shop\nsecond part from shop\n');
    expect(answer.chunkTimesMs[0]).toBeLessThan(gapMs - 200);
  });
});

describe('failures', () => {
  it('answers 504 when the backend is slower than the timeout, and does so on time', async () => {
    const answer = await get('shop.localhost', '/slow?ms=2000');
    expect(answer.status).toBe(504);
    expect(answer.elapsedMs).toBeLessThan(TIMEOUT_MS + 700);
  });

  it('answers 502 when nothing listens at the backend address', async () => {
    const answer = await get('down.localhost');
    expect(answer.status).toBe(502);
    expect(answer.body.length).toBeGreaterThan(0);
  });

  it('keeps serving after failures', async () => {
    await Promise.allSettled([get('down.localhost'), get('shop.localhost', '/slow?ms=2000')]);
    const answer = await get('blog.localhost', '/still-here');
    expect(report(answer.body)).toMatchObject({ backend: 'blog', url: '/still-here' });
  });

  it('refuses bad options with a message that names the problem', async () => {
    await expect(startProxy({ routes: {} })).rejects.toThrow(/routes/);
    await expect(startProxy({ routes: { 'shop.localhost': 'not a url' } })).rejects.toThrow(/shop\.localhost.*not a URL/);
    await expect(startProxy({ routes: { 'shop.localhost': shop.url }, timeoutMs: -1 })).rejects.toThrow(/timeoutMs/);
  });
});
