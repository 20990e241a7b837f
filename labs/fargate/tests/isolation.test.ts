/**
 * Acceptance tests of the local architecture: the backend is private (bound to loopback, refused on every other
 * address of this machine), and the two processes started by `run.ts` talk to each other.
 */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startLab } from '../run.ts';
import { get, startBackend } from './harness.ts';
import { target } from './target.ts';

/** This machine's own non-loopback IPv4 addresses (connecting to them never leaves the machine). */
export const externalAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .flatMap((i) => (i && i.family === 'IPv4' && !i.internal ? [i.address] : []));

/** Tries a TCP connection; resolves 'connected' or the error code (e.g. ECONNREFUSED). */
export function tryConnect(host: string, port: number, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (outcome: string) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => done('timeout'));
    socket.once('connect', () => done('connected'));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

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
