/**
 * Proofs for chapter 4's quiz, observed on the running services (always the reference solution: the quiz states
 * how the lab's architecture behaves, not how a student's exercise behaves today).
 */
import { expect, it } from 'vitest';
import quiz from '../../../docs/quizzes/04-operating-models.ts';
import { expectKeyed } from '../../../docs/quizzes/proof.ts';
import { loadImplementation } from '../services/implementation.ts';
import { closedPortUrl, get, servicesOf, startHangingBackend, TIMEOUT_MS } from '../tests/harness.ts';
import { externalAddresses, tryConnect } from '../tests/network.ts';

const { startApi, startBackend } = servicesOf(await loadImplementation('solution'));

it('the loopback-bound backend is reachable only through 127.0.0.1', async () => {
  const backend = await startBackend();
  const lan = externalAddresses();
  // The proof needs a second address on this machine to try; every CI runner and laptop has one.
  expect(lan.length, 'no non-loopback IPv4 address on this machine').toBeGreaterThan(0);
  const reachable: string[] = [];
  if ((await tryConnect('127.0.0.1', backend.address.port)) === 'connected') reachable.push('loopback');
  if ((await tryConnect(lan[0], backend.address.port)) === 'connected') reachable.push('own-lan-address');
  // Another machine reaches a socket only through an address other than loopback, so it gets in only if the line above did.
  if (reachable.includes('own-lan-address')) reachable.push('other-machine');
  expectKeyed(quiz, 'backend-loopback', reachable);
});

it('with the backend down, /health stays 200 and /health/backend says 503', async () => {
  const api = await startApi(await closedPortUrl());
  const health = await get(`${api.url}/health`);
  const backendHealth = await get(`${api.url}/health/backend`);
  expectKeyed(quiz, 'health-split', `${health.status}-${backendHealth.status}`);
});

it('a hanging backend gets a 504 from the API after its timeout', async () => {
  const backend = await startHangingBackend();
  const api = await startApi(backend.url, TIMEOUT_MS);
  let observed: string;
  try {
    const reply = await get(`${api.url}/api/quote`, 5 * TIMEOUT_MS);
    observed = reply.status === 504 && reply.ms < TIMEOUT_MS + 700 && typeof reply.body.error === 'string' ? '504-fast' : String(reply.status);
  } catch {
    observed = 'hangs';
  }
  expectKeyed(quiz, 'hanging-backend', observed);
});
