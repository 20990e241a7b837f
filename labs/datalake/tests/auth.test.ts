/** Who may call the API at all: the HTTP API's JWT authorizer refuses missing, forged, tampered and expired tokens. */
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOY_TIMEOUT_MS, lakeStack, type LakeStack, type LakeUser } from './deployment.ts';
import { rawRequest } from './http.ts';

let stack: LakeStack;
let user: LakeUser;
beforeAll(async () => {
  stack = await lakeStack({ ownClock: true });
  user = await stack.newUser();
}, DEPLOY_TIMEOUT_MS);
afterAll(async () => stack?.close());

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));

/** A token with the real token's header and claims, signed with a key the pool never saw. */
function forgedToken(real: string, changes: Record<string, unknown> = {}): string {
  const [header, payload] = real.split('.');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const unsigned = `${header}.${part({ ...decode(payload), ...changes })}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}

describe('authentication', () => {
  it('a valid access token of the pool lists datasets (200)', async () => {
    expect((await rawRequest(stack.apiUrl, 'GET', '/datasets', { token: user.token })).status).toBe(200);
  });

  it('a request without a token is refused with 401', async () => {
    expect((await rawRequest(stack.apiUrl, 'GET', '/datasets')).status).toBe(401);
    expect((await rawRequest(stack.apiUrl, 'PUT', '/datasets/anonymous.txt', { body: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(401);
  });

  it('a forged token (right claims and kid, another signing key) is refused with 401', async () => {
    expect((await rawRequest(stack.apiUrl, 'GET', '/datasets', { token: forgedToken(user.token) })).status).toBe(401);
  });

  it('a token whose sub was changed after signing is refused with 401', async () => {
    const [header, payload, signature] = user.token.split('.');
    const tampered = `${header}.${part({ ...decode(payload), sub: '00000000-0000-0000-0000-000000000000' })}.${signature}`;
    expect((await rawRequest(stack.apiUrl, 'GET', '/datasets', { token: tampered })).status).toBe(401);
  });

  it('an unsigned token (alg none) is refused with 401', async () => {
    const [, payload] = user.token.split('.');
    expect((await rawRequest(stack.apiUrl, 'GET', '/datasets', { token: `${part({ alg: 'none', typ: 'JWT' })}.${payload}.` })).status).toBe(401);
  });

  it.skipIf(process.env.LAB_CLOUD === 'aws')('an expired token is refused with 401 (the clock moves 61 minutes on)', async () => {
    const fresh = await stack.newUser();
    expect((await rawRequest(stack.apiUrl, 'GET', '/datasets', { token: fresh.token })).status).toBe(200);
    stack.advanceClock!(61 * 60_000);
    expect((await rawRequest(stack.apiUrl, 'GET', '/datasets', { token: fresh.token })).status).toBe(401);
  });
});
