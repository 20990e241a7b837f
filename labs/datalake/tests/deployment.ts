/**
 * The datalake stack under test, chosen by the environment `npm run check` sets:
 * - `LAB_OUTPUTS=<outputs file>` and `LAB_CLOUD=local|aws`: the stack check.ts deployed (local cloud at
 *   `AWS_ENDPOINT_URL`, or the student's AWS account).
 * - neither (plain `vitest`, `npm test`): this test file starts its own local cloud on a free port and deploys the
 *   implementation `LAB_TARGET` names (solution by default).
 * `{ ownClock: true }` always starts an own local cloud with a manual clock (unless the target is AWS), so a test
 * can let tokens expire without waiting an hour.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { stackNameFor } from '../../../infra/lib/labs.ts';
import { deployLabLocally } from '../../kit/local-cloud.ts';
import { resolveTarget } from '../../kit/target.ts';
import { manualClock, type ManualClock } from '../../localcloud/core/clock.ts';
import { startLocalCloud } from '../../localcloud/core/server.ts';
import { LakeClient } from '../cli/client.ts';
import { cognitoClient, createUser, newPassword, signIn, subOf } from '../cli/cognito.ts';

const LAB = 'datalake';
/** Generous: the first deploy synthesizes the stack (cdk synth with bundling). */
export const DEPLOY_TIMEOUT_MS = 240_000;

export interface LakeUser {
  username: string;
  password: string;
  token: string;
  sub: string;
  lake: LakeClient;
}

export interface LakeStack {
  cloud: 'local' | 'aws';
  apiUrl: string;
  userPoolId: string;
  clientId: string;
  recordsTable: string;
  /** The local cloud's endpoint; undefined on AWS. */
  endpoint?: string;
  /** Creates a user in the pool and signs it in. */
  newUser(): Promise<LakeUser>;
  /** Moves the cloud's clock forward (only with `ownClock`). */
  advanceClock?(ms: number): void;
  close(): Promise<void>;
}

function outputsFrom(file: string): Record<string, string> {
  if (!existsSync(file)) throw new Error(`LAB_OUTPUTS names ${file}, which does not exist: deploy the stack first`);
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  const outputs = all[stackNameFor(LAB)];
  for (const key of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'RecordsTable']) {
    if (!outputs?.[key]) throw new Error(`${file} has no ${key} of stack ${stackNameFor(LAB)}`);
  }
  return outputs;
}

function stackFrom(outputs: Record<string, string>, endpoint: string | undefined, close: () => Promise<void>, clock?: ManualClock): LakeStack {
  const cognito = cognitoClient(endpoint);
  return {
    cloud: endpoint ? 'local' : 'aws',
    apiUrl: outputs.ApiUrl,
    userPoolId: outputs.UserPoolId,
    clientId: outputs.UserPoolClientId,
    recordsTable: outputs.RecordsTable,
    endpoint,
    async newUser() {
      const username = `test-${randomUUID().slice(0, 8)}`;
      const password = newPassword();
      await createUser(cognito, outputs.UserPoolId, username, password);
      const { accessToken } = await signIn(cognito, outputs.UserPoolClientId, username, password);
      return { username, password, token: accessToken, sub: subOf(accessToken), lake: new LakeClient(outputs.ApiUrl, accessToken) };
    },
    advanceClock: clock ? (ms) => clock.advance(ms) : undefined,
    async close() {
      cognito.destroy();
      await close();
    },
  };
}

async function ownLocalStack(clock?: ManualClock): Promise<LakeStack> {
  process.env.LOCALCLOUD_QUIET ??= '1'; // function logs would drown the test summary
  const cloud = await startLocalCloud({ port: 0, host: '127.0.0.1', clock });
  try {
    const outputs = await deployLabLocally(LAB, { endpoint: cloud.endpoint, source: resolveTarget() });
    return stackFrom(outputs, cloud.endpoint, () => cloud.stop(), clock);
  } catch (error) {
    await cloud.stop();
    throw error;
  }
}

export async function lakeStack(options: { ownClock?: boolean } = {}): Promise<LakeStack> {
  const outputsFile = process.env.LAB_OUTPUTS;
  if (outputsFile && process.env.LAB_CLOUD === 'aws') return stackFrom(outputsFrom(outputsFile), undefined, async () => {});
  if (options.ownClock) return ownLocalStack(manualClock(Date.now()));
  if (outputsFile) return stackFrom(outputsFrom(outputsFile), process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566', async () => {});
  return ownLocalStack();
}

/** A name no other test run uses. */
export const uniqueName = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
