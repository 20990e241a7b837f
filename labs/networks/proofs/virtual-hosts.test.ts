/**
 * Proofs for chapter 2's quiz about HTTP through a reverse proxy. They drive the reference proxy
 * (`solution/proxy.ts`) with handwritten requests, so nothing hides what was sent.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import quiz from '../../../docs/quizzes/02-networks.ts';
import { expectKeyed } from '../../../docs/quizzes/proof.ts';
import type { RunningProxy } from '../contract.ts';
import { startProxy } from '../solution/proxy.ts';
import { startBackend, type Backend, type Received } from '../backends.ts';
import { rawRequest, sendRaw } from '../tests/raw-http.ts';

let shop: Backend;
let blog: Backend;
let proxy: RunningProxy;
beforeAll(async () => {
  [shop, blog] = await Promise.all([startBackend('shop'), startBackend('blog')]);
  proxy = await startProxy({ routes: { 'shop.localhost': shop.url, 'blog.localhost': blog.url }, timeoutMs: 200 });
});
afterAll(async () => {
  await proxy?.close();
  await Promise.all([shop?.stop(), blog?.stop()]);
});

const received = (body: string) => JSON.parse(body) as Received;

it('two requests to one IP and port that differ only in Host reach different sites', async () => {
  const { hostname, port } = new URL(proxy.url);
  const ask = (host: string) => sendRaw(proxy.url, rawRequest({ host, path: '/' }));
  const [a, b] = await Promise.all([ask('shop.localhost'), ask('blog.localhost')]);
  const sites = [received(a.body).backend, received(b.body).backend];
  expect(hostname).toBe('127.0.0.1');
  expect(Number(port)).toBeGreaterThan(0);
  // Same address, same port, same transport (TCP): the only field that differs is the Host header.
  expectKeyed(quiz, 'same-ip-two-sites', sites[0] !== sites[1] ? 'host-header' : 'nothing');
});

it('the backend learns the client address from the header the proxy adds', async () => {
  const answer = await sendRaw(proxy.url, rawRequest({ host: 'shop.localhost', path: '/' }));
  const { headers } = received(answer.body);
  const clientAddress = '127.0.0.1';
  const carriers = Object.entries(headers)
    .filter(([, value]) => String(value).split(',').map((v) => v.trim()).includes(clientAddress))
    .map(([name]) => name);
  expect(carriers).toHaveLength(1);
  expectKeyed(quiz, 'client-address-header', carriers[0]!);
});

it('a backend slower than the proxy timeout gets the client a 504', async () => {
  const answer = await sendRaw(proxy.url, rawRequest({ host: 'blog.localhost', path: '/slow?ms=1500' }));
  expect(answer.elapsedMs).toBeLessThan(1000);
  expectKeyed(quiz, 'slow-backend-status', String(answer.status));
});
