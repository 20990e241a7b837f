/**
 * The given store function without a cloud: ranges, version pinning, uploads in parts, header checks. The safe
 * paths come from the reference solution; the acceptance tests in tests/ cover the paths themselves.
 */
import { mkdtempSync, rmSync, utimesSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { paths } from '../solution/paths.ts';
import { MAX_BODY_BYTES } from './limits.ts';
import { createStoreHandler } from './store-handler.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'lake-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const handle = createStoreHandler(paths, root);
const SUB = '3f1c2d4e-0000-4000-8000-000000000001';

function event(method: string, name: string | undefined, init: { body?: Buffer; headers?: Record<string, string>; query?: Record<string, string>; sub?: string | null } = {}) {
  return {
    requestContext: { http: { method }, authorizer: init.sub === null ? undefined : { jwt: { claims: { sub: init.sub ?? SUB }, scopes: [] } } },
    pathParameters: name === undefined ? undefined : { name },
    queryStringParameters: init.query,
    headers: { 'content-type': 'application/octet-stream', ...init.headers },
    body: init.body?.toString('base64'),
    isBase64Encoded: true,
    rawPath: `/datasets/${name ?? ''}`,
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

const put = (name: string, body: Buffer, init: Parameters<typeof event>[2] = {}) => handle(event('PUT', name, { ...init, body }));

describe('store function', () => {
  it('answers 401 when the authorizer passed no sub', async () => {
    expect((await handle(event('GET', undefined, { sub: null }))).response.statusCode).toBe(401);
  });

  it('refuses a content type with control characters (400)', async () => {
    expect((await put('x.bin', Buffer.from('x'), { headers: { 'content-type': 'text/plain\u0000' } })).response.statusCode).toBe(400);
  });

  it('stores an empty dataset and returns it as 200 with an empty body', async () => {
    await put('empty.bin', Buffer.alloc(0));
    const { response } = await handle(event('GET', 'empty.bin', { headers: { range: `bytes=0-${MAX_BODY_BYTES - 1}` } }));
    expect(response).toMatchObject({ statusCode: 200, body: '' });
  });

  it('answers a range with 206 and Content-Range, and a dataset larger than one response without a range with 416', async () => {
    const upload = 'u-0000000001';
    await put('large.bin', Buffer.alloc(MAX_BODY_BYTES, 1), { query: { upload, part: '0' } });
    await put('large.bin', Buffer.alloc(10, 2), { query: { upload, part: '1' } });
    expect((await put('large.bin', Buffer.alloc(0), { query: { upload, parts: '2' } })).response.statusCode).toBe(201);
    expect((await handle(event('GET', 'large.bin'))).response.statusCode).toBe(416);
    const tail = (await handle(event('GET', 'large.bin', { headers: { range: `bytes=${MAX_BODY_BYTES}-` } }))).response;
    expect(tail.statusCode).toBe(206);
    expect(tail.headers['content-range']).toBe(`bytes ${MAX_BODY_BYTES}-${MAX_BODY_BYTES + 9}/${MAX_BODY_BYTES + 10}`);
    expect(Buffer.from(tail.body, 'base64')).toEqual(Buffer.alloc(10, 2));
    expect(readdirSync(path.join(root, 'users', SUB, '.uploads')), 'a committed upload is forgotten').not.toContain('u-0000000001');
  });

  it('removes uploads abandoned for more than a day when the next part arrives', async () => {
    await put('left.bin', Buffer.alloc(3), { query: { upload: 'u-abandoned1', part: '0' } });
    const uploads = path.join(root, 'users', SUB, '.uploads');
    const dayAndAHalfAgo = new Date(Date.now() - 36 * 3_600_000);
    utimesSync(path.join(uploads, 'u-abandoned1'), dayAndAHalfAgo, dayAndAHalfAgo);
    await put('next.bin', Buffer.alloc(3), { query: { upload: 'u-fresh00001', part: '0' } });
    expect(readdirSync(uploads)).toContain('u-fresh00001');
    expect(readdirSync(uploads)).not.toContain('u-abandoned1');
  });

  it('refuses to commit an upload with a missing or short middle part (400)', async () => {
    await put('gappy.bin', Buffer.alloc(5), { query: { upload: 'u-0000000002', part: '1' } });
    expect((await put('gappy.bin', Buffer.alloc(0), { query: { upload: 'u-0000000002', parts: '2' } })).response).toMatchObject({ statusCode: 400 });
    await put('short.bin', Buffer.alloc(5), { query: { upload: 'u-0000000003', part: '0' } });
    await put('short.bin', Buffer.alloc(5), { query: { upload: 'u-0000000003', part: '1' } });
    expect((await put('short.bin', Buffer.alloc(0), { query: { upload: 'u-0000000003', parts: '2' } })).response.statusCode).toBe(400);
  });

  it('keeps a replaced version readable by If-Match for a while, then answers 412', async () => {
    const first = JSON.parse((await put('pinned.bin', Buffer.from('one'))).response.body).version as string;
    await put('pinned.bin', Buffer.from('two'));
    const old = await handle(event('GET', 'pinned.bin', { headers: { range: 'bytes=0-9', 'if-match': `"${first}"` } }));
    expect(Buffer.from(old.response.body, 'base64').toString()).toBe('one');
    // Age the old version past the grace period; the next write removes it.
    const oldFile = path.join(root, 'users', SUB, 'pinned.bin', `${first}.data`);
    utimesSync(oldFile, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    await put('pinned.bin', Buffer.from('three'));
    const gone = await handle(event('GET', 'pinned.bin', { headers: { range: 'bytes=0-9', 'if-match': `"${first}"` } }));
    expect(gone.response.statusCode).toBe(412);
  });

  it('refuses an If-Match that is not a version it handed out (400)', async () => {
    await put('plain.bin', Buffer.from('x'));
    expect((await handle(event('GET', 'plain.bin', { headers: { 'if-match': '"../../meta"' } }))).response.statusCode).toBe(400);
  });

  it('hands a typed JSON record to the router, and nothing for other writes', async () => {
    const typed = await put('r.json', Buffer.from('{"type":"order","id":7}'), { headers: { 'content-type': 'application/json' } });
    expect(typed.route).toMatchObject({ type: 'order', owner: SUB, dataset: 'r.json', record: { type: 'order', id: 7 } });
    expect((await put('n.json', Buffer.from('{"id":7}'), { headers: { 'content-type': 'application/json' } })).route).toBeUndefined();
    expect((await put('bad.json', Buffer.from('{"type":'), { headers: { 'content-type': 'application/json' } })).route).toBeUndefined();
    expect((await put('t.csv', Buffer.from('{"type":"order"}'), { headers: { 'content-type': 'text/csv' } })).route).toBeUndefined();
  });
});
