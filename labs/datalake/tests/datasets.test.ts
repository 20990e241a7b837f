/** Storing and fetching datasets: content types kept, a 5 MB binary byte for byte, listing pages, atomic writes. */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LakeApiError } from '../cli/client.ts';
import { DEPLOY_TIMEOUT_MS, lakeStack, uniqueName, type LakeStack, type LakeUser } from './deployment.ts';

let stack: LakeStack;
let user: LakeUser;
beforeAll(async () => {
  stack = await lakeStack();
  user = await stack.newUser();
}, DEPLOY_TIMEOUT_MS);
afterAll(async () => stack?.close());

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('datasets', () => {
  it('keeps JSON, CSV and binary content with their content types', async () => {
    const cases: Array<[string, Buffer, string]> = [
      [uniqueName('record.json'), Buffer.from('{"temperature":21.5}'), 'application/json'],
      [uniqueName('table.csv'), Buffer.from('city,population\nWien,2000000\n'), 'text/csv'],
      [uniqueName('blob.bin'), Buffer.from([0, 255, 1, 254, 0x80, 0]), 'application/octet-stream'],
    ];
    for (const [name, data, type] of cases) {
      await user.lake.put(name, data, type);
      const got = await user.lake.get(name);
      expect(got.data.equals(data), name).toBe(true);
      expect(got.contentType, name).toBe(type);
    }
  });

  it('round-trips a 5 MB binary file byte for byte (uploaded in parts, downloaded in ranges)', async () => {
    const data = randomBytes(5 * 1024 * 1024);
    const name = uniqueName('five-megabytes.bin');
    const stored = await user.lake.put(name, data, 'application/octet-stream');
    expect(stored.size).toBe(data.length);
    const got = await user.lake.get(name);
    expect(got.data.length).toBe(data.length);
    expect(sha256(got.data)).toBe(sha256(data));
  }, 60_000);

  it('lists datasets in pages with size, type and update time, each exactly once', async () => {
    const reader = await stack.newUser();
    const names = Array.from({ length: 7 }, (_, i) => `page-${i}.csv`);
    for (const [i, name] of names.entries()) await reader.lake.put(name, Buffer.from('n\n'.repeat(i + 1)), 'text/csv');
    const first = await reader.lake.list({ limit: 3 });
    expect(first.datasets).toHaveLength(3);
    expect(first.next).toBeTypeOf('string');
    const all = await reader.lake.listAll(3);
    expect(all.map((d) => d.name)).toEqual(names);
    expect(all[2]).toEqual({ name: 'page-2.csv', size: 6, contentType: 'text/csv', updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const last = await reader.lake.list({ limit: 3, next: (await reader.lake.list({ limit: 3, next: first.next })).next });
    expect(last.datasets.map((d) => d.name)).toEqual(['page-6.csv']);
    expect(last.next).toBeUndefined();
  });

  it('a page size outside 1..100 is refused with 400', async () => {
    await expect(user.lake.list({ limit: 0 })).rejects.toMatchObject({ status: 400 });
    await expect(user.lake.list({ limit: 101 })).rejects.toMatchObject({ status: 400 });
  });

  it('deletes a dataset: afterwards it answers 404 and is gone from the listing', async () => {
    const name = uniqueName('temporary.txt');
    await user.lake.put(name, Buffer.from('bye'), 'text/plain');
    await user.lake.remove(name);
    await expect(user.lake.get(name)).rejects.toBeInstanceOf(LakeApiError);
    await expect(user.lake.get(name)).rejects.toMatchObject({ status: 404 });
    expect((await user.lake.listAll()).map((d) => d.name)).not.toContain(name);
  });

  it('concurrent writers to one name end with exactly one complete version', async () => {
    const name = uniqueName('contended.bin');
    const versions = Array.from({ length: 6 }, (_, i) => Buffer.alloc(512 * 1024, i + 1));
    await Promise.all(versions.map((data) => user.lake.put(name, data, 'application/octet-stream')));
    const got = await user.lake.get(name);
    expect(got.data.length).toBe(512 * 1024);
    const winner = versions.find((v) => v.equals(got.data));
    expect(winner, 'the stored bytes are one writer\'s complete version, not a mix').toBeDefined();
    const listed = (await user.lake.listAll()).find((d) => d.name === name);
    expect(listed?.size).toBe(512 * 1024);
  }, 60_000);

  it('a reader during concurrent writes never sees a partial or mixed file', async () => {
    const name = uniqueName('read-while-written.bin');
    const size = 256 * 1024;
    await user.lake.put(name, Buffer.alloc(size, 0), 'application/octet-stream');
    const writes = Promise.all(Array.from({ length: 8 }, (_, i) => user.lake.put(name, Buffer.alloc(size, i + 1), 'application/octet-stream')));
    let settled = false;
    void writes.finally(() => (settled = true));
    const seen: number[] = [];
    while (!settled || seen.length < 5) {
      const { data } = await user.lake.get(name);
      expect(data.length).toBe(size);
      expect(data.every((byte) => byte === data[0]), 'one version throughout').toBe(true);
      seen.push(data[0]);
      if (seen.length > 200) break;
    }
    await writes;
  }, 60_000);
});
