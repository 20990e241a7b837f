/** Test fixture for the compute services: an isolated local cloud (manual clock) and a Lambda SDK client. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { startLocalCloud, type LocalCloud } from '../core/server.ts';
import { manualClock, type ManualClock } from '../core/clock.ts';
import { lambdaApi, type CreateFunctionInput, type LambdaInternalApi } from './api.ts';

export const testCredentials = { accessKeyId: 'AKIDCOMPUTETEST', secretAccessKey: 'local' };
export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__');

export interface ComputeFixture {
  cloud: LocalCloud;
  clock: ManualClock;
  lambda: LambdaInternalApi;
  client: LambdaClient;
  /** Creates a function from `lambda/__fixtures__/<fixture>` (or any absolute folder). */
  createFunction(name: string, fixture: string, extra?: Partial<CreateFunctionInput>): ReturnType<LambdaInternalApi['createFunction']>;
  /** Copies a fixture folder outside the repository (so nothing above it provides node_modules). */
  copyOutsideRepo(fixture: string): string;
  stop(): Promise<void>;
}

export async function startComputeFixture(): Promise<ComputeFixture> {
  process.env.LOCALCLOUD_QUIET = '1';
  const clock = manualClock(Date.now());
  const cloud = await startLocalCloud({ port: 0, clock });
  const client = new LambdaClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: testCredentials, maxAttempts: 1 });
  const lambda = lambdaApi(cloud.context.registry);
  const tmpDirs: string[] = [];
  return {
    cloud,
    clock,
    lambda,
    client,
    createFunction: (name, fixture, extra = {}) =>
      lambda.createFunction({
        name,
        runtime: 'nodejs24.x',
        handler: 'index.handler',
        codeDir: path.isAbsolute(fixture) ? fixture : path.join(fixturesDir, fixture),
        // Generous, so a busy test machine does not turn a cold start into a timeout; timeout tests set their own.
        timeout: 10,
        ...extra,
      }),
    copyOutsideRepo(fixture) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lambda-${fixture}-`));
      fs.cpSync(path.join(fixturesDir, fixture), dir, { recursive: true });
      tmpDirs.push(dir);
      return dir;
    },
    async stop() {
      client.destroy();
      await cloud.stop();
      for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const decode = (payload: Uint8Array | undefined): unknown => JSON.parse(Buffer.from(payload ?? []).toString('utf8'));

/** Resolves when `check` returns a truthy value; fails after `timeoutMs` of real time. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<Exclude<T, false | undefined | null | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | undefined | null | 0 | ''>;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
