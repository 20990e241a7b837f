/** Acceptance tests of the public API: answers via the backend, fails fast and clearly when it cannot. */
import { describe, expect, it } from 'vitest';
import { QUOTES } from '../services/backend.ts';
import { closedPortUrl, get, servicesOf, startFailingBackend, startHangingBackend, TIMEOUT_MS } from './harness.ts';
import { impl } from './target.ts';

const { startApi, startBackend } = servicesOf(impl);

/** Generous slack over the API's own timeout: scheduling on a busy machine, not a second chance. */
const WITHIN = TIMEOUT_MS + 700;

describe('the API with a healthy backend', () => {
  it('answers /api/quote with a quote from the backend', async () => {
    const backend = await startBackend();
    const api = await startApi(backend.url);
    const reply = await get(`${api.url}/api/quote`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ quote: QUOTES[0], from: 'backend' });
  });

  it('answers /health with 200', async () => {
    const backend = await startBackend();
    const api = await startApi(backend.url);
    expect((await get(`${api.url}/health`)).status).toBe(200);
  });

  it('reports the backend reachable on /health/backend, with its latency', async () => {
    const backend = await startBackend();
    const api = await startApi(backend.url);
    const reply = await get(`${api.url}/health/backend`);
    expect(reply.status).toBe(200);
    expect(reply.body.backend).toBe('reachable');
    expect(reply.body.latencyMs).toEqual(expect.any(Number));
  });

  it('answers 404 with an error for unknown routes', async () => {
    const api = await startApi(await closedPortUrl());
    const reply = await get(`${api.url}/nothing-here`);
    expect(reply.status).toBe(404);
    expect(reply.body.error).toEqual(expect.any(String));
  });
});

describe('the API when the backend fails', () => {
  it('keeps /health at 200 while the backend is down (liveness does not depend on it)', async () => {
    const api = await startApi(await closedPortUrl());
    expect((await get(`${api.url}/health`)).status).toBe(200);
  });

  it('answers 502 with an error that names the backend when the backend is down', async () => {
    const api = await startApi(await closedPortUrl());
    const reply = await get(`${api.url}/api/quote`);
    expect(reply.status).toBe(502);
    expect(String(reply.body.error)).toMatch(/backend/i);
  });

  it('answers 502 when the backend answers 500', async () => {
    const backend = await startFailingBackend(500);
    const api = await startApi(backend.url);
    const reply = await get(`${api.url}/api/quote`);
    expect(reply.status).toBe(502);
    expect(String(reply.body.error)).toMatch(/500/);
  });

  it('answers 504 within its timeout when the backend hangs', async () => {
    const backend = await startHangingBackend();
    const api = await startApi(backend.url);
    const reply = await get(`${api.url}/api/quote`);
    expect(reply.status).toBe(504);
    expect(String(reply.body.error)).toMatch(new RegExp(`${TIMEOUT_MS} ms`));
    expect(reply.ms).toBeLessThan(WITHIN);
  });

  it('reports a down backend as 503 unreachable on /health/backend', async () => {
    const api = await startApi(await closedPortUrl());
    const reply = await get(`${api.url}/health/backend`);
    expect(reply.status).toBe(503);
    expect(reply.body.backend).toBe('unreachable');
    expect(reply.body.reason).toEqual(expect.any(String));
  });

  it('reports a hanging backend as 503 on /health/backend within the timeout', async () => {
    const backend = await startHangingBackend();
    const api = await startApi(backend.url);
    const reply = await get(`${api.url}/health/backend`);
    expect(reply.status).toBe(503);
    expect(reply.body.backend).toBe('unreachable');
    expect(reply.ms).toBeLessThan(WITHIN);
  });
});
