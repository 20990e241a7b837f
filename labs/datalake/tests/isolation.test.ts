/** Per-user isolation: every user's datasets live under their own token `sub`; nobody reaches another's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LakeApiError } from '../cli/client.ts';
import { DEPLOY_TIMEOUT_MS, lakeStack, uniqueName, type LakeStack, type LakeUser } from './deployment.ts';

let stack: LakeStack;
let alice: LakeUser;
let bob: LakeUser;
beforeAll(async () => {
  stack = await lakeStack();
  [alice, bob] = await Promise.all([stack.newUser(), stack.newUser()]);
}, DEPLOY_TIMEOUT_MS);
afterAll(async () => stack?.close());

const statusOf = (promise: Promise<unknown>) => promise.then(() => 200, (error) => (error instanceof LakeApiError ? error.status : Promise.reject(error)));

describe('per-user isolation', () => {
  it('user B cannot read user A\'s dataset (404, as if it did not exist)', async () => {
    const name = uniqueName('alice-private.json');
    await alice.lake.put(name, Buffer.from('{"secret":true}'), 'application/json');
    expect(await statusOf(bob.lake.get(name))).toBe(404);
  });

  it('user B does not see user A\'s datasets in the listing', async () => {
    const name = uniqueName('alice-listed.csv');
    await alice.lake.put(name, Buffer.from('x\n1\n'), 'text/csv');
    expect((await alice.lake.listAll()).map((d) => d.name)).toContain(name);
    expect((await bob.lake.listAll()).map((d) => d.name)).not.toContain(name);
  });

  it('user B writing the same name creates B\'s own dataset and leaves A\'s untouched', async () => {
    const name = uniqueName('shared-name.txt');
    await alice.lake.put(name, Buffer.from('from alice'), 'text/plain');
    await bob.lake.put(name, Buffer.from('from bob'), 'text/plain');
    expect((await alice.lake.get(name)).data.toString()).toBe('from alice');
    expect((await bob.lake.get(name)).data.toString()).toBe('from bob');
  });

  it('user B cannot delete user A\'s dataset', async () => {
    const name = uniqueName('alice-keep.txt');
    await alice.lake.put(name, Buffer.from('keep me'), 'text/plain');
    expect(await statusOf(bob.lake.remove(name))).toBe(404);
    expect((await alice.lake.get(name)).data.toString()).toBe('keep me');
  });
});
