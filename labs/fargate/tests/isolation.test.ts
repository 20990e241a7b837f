/**
 * Acceptance tests of the local architecture: the backend is private (bound to loopback, refused on every other
 * address of this machine), and the two processes started by `run.ts` talk to each other.
 */
import { describe, expect, it } from 'vitest';
import { startLab } from '../run.ts';
import { get, servicesOf } from './harness.ts';
import { externalAddresses, tryConnect } from './network.ts';
import { impl, target } from './target.ts';

const { startBackend } = servicesOf(impl);

describe('the backend stays private', () => {
  it('is bound to 127.0.0.1 with the default configuration', async () => {
    const backend = await startBackend();
    expect(backend.address.address).toBe('127.0.0.1');
    expect(await tryConnect('127.0.0.1', backend.address.port)).toBe('connected');
  });

  it('refuses connections on every non-loopback address of this machine', async () => {
    const backend = await startBackend();
    const addresses = externalAddresses();
    const outcomes = await Promise.all(addresses.map(async (host) => [host, await tryConnect(host, backend.address.port)] as const));
    for (const [host, outcome] of outcomes) expect(outcome, `backend reachable on ${host}`).not.toBe('connected');
    // Without another interface the bound address above is the evidence; with one, this is the stronger check.
    expect(backend.address.address).toBe('127.0.0.1');
  });
});

describe('two processes, as on Fargate', () => {
  it('run.ts starts backend and API; the API answers via the backend', async () => {
    const lab = await startLab({ source: target, apiPort: 0, backendPort: 0 });
    try {
      const reply = await get(`${lab.apiUrl}/api/quote`);
      expect(reply.status).toBe(200);
      expect(reply.body.from).toBe('backend');
      expect(new URL(lab.backendUrl).hostname).toBe('127.0.0.1');
    } finally {
      await lab.stop();
    }
  });
});
