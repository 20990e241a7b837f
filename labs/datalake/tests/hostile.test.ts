/**
 * Hostile dataset names: every traversal attempt is answered 400 before it reaches the file system, and oversized
 * bodies 413. Test names are stable: the chapter's quiz proofs cite them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_NAME_LENGTH } from '../lake/limits.ts';
import { DEPLOY_TIMEOUT_MS, lakeStack, uniqueName, type LakeStack, type LakeUser } from './deployment.ts';
import { rawRequest } from './http.ts';

let stack: LakeStack;
let user: LakeUser;
beforeAll(async () => {
  stack = await lakeStack();
  user = await stack.newUser();
}, DEPLOY_TIMEOUT_MS);
afterAll(async () => stack?.close());

/** Each raw path segment as the attacker sends it; fetch() would normalise most of them away. */
const traversals: Array<[label: string, segment: string]> = [
  ['dot-dot', '..'],
  ['encoded dot-dot %2e%2e', '%2e%2e'],
  ['dot-dot-slash ../../etc/passwd', '..%2F..%2Fetc%2Fpasswd'],
  ['fully encoded %2e%2e%2f', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
  ['absolute path /etc/passwd', '%2Fetc%2Fpasswd'],
  ['NUL byte', 'report%00.csv'],
  ['backslashes ..\\..\\', '..%5C..%5Cwindows%5Cwin.ini'],
  ['hidden name .meta', '.meta'],
  ['double-encoded %252e%252e', '%252e%252e%252fsecret'],
  ['name over the length limit', 'a'.repeat(MAX_NAME_LENGTH + 1)],
];

describe('hostile dataset names', () => {
  it.each(traversals)('GET refuses %s with 400', async (_label, segment) => {
    expect((await rawRequest(stack.apiUrl, 'GET', `/datasets/${segment}`, { token: user.token })).status).toBe(400);
  });

  // Shallow escapes only: run against an unsafe exercise, a write must not reach beyond the local cloud's folder.
  it.each([
    ['dot-dot-slash', `..%2F${uniqueName('escaped')}`],
    ['encoded dot-dot-slash', `%2e%2e%2f${uniqueName('escaped')}`],
    ['absolute path', `%2F${uniqueName('absolute')}`],
    ['NUL byte', `${uniqueName('nul')}%00.txt`],
    ['backslash', `..%5C${uniqueName('escaped')}`],
  ])('PUT refuses %s with 400', async (_label, segment) => {
    const answer = await rawRequest(stack.apiUrl, 'PUT', `/datasets/${segment}`, { token: user.token, body: 'owned', headers: { 'content-type': 'text/plain' } });
    expect(answer.status).toBe(400);
  });

  it.each([
    ['dot-dot-slash', `..%2F${uniqueName('missing')}`],
    ['absolute path', `%2F${uniqueName('missing')}`],
  ])('DELETE refuses %s with 400', async (_label, segment) => {
    expect((await rawRequest(stack.apiUrl, 'DELETE', `/datasets/${segment}`, { token: user.token })).status).toBe(400);
  });

  it('a listing page token that is not a name the API handed out is refused with 400', async () => {
    const next = Buffer.from('../../etc').toString('base64url');
    expect((await rawRequest(stack.apiUrl, 'GET', `/datasets?next=${next}`, { token: user.token })).status).toBe(400);
  });

  it('names with letters, digits, dots, underscores and dashes are accepted', async () => {
    const name = `${uniqueName('sensor_data')}.v1.csv`;
    const answer = await rawRequest(stack.apiUrl, 'PUT', `/datasets/${name}`, { token: user.token, body: 'a,b\n1,2\n', headers: { 'content-type': 'text/csv' } });
    expect(answer.status).toBe(201);
  });

  it(`a body over ${MAX_BODY_BYTES} bytes is refused with 413`, async () => {
    const answer = await rawRequest(stack.apiUrl, 'PUT', `/datasets/${uniqueName('big')}.bin`, {
      token: user.token,
      body: Buffer.alloc(MAX_BODY_BYTES + 1, 7),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(answer.status).toBe(413);
  });
});
