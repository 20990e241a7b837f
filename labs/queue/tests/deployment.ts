/**
 * The queue stack under test, chosen by the environment `npm run check` sets:
 * - `LAB_OUTPUTS=<outputs file>` and `LAB_CLOUD=local`: a stack check.ts deployed into the running local cloud.
 * - `LAB_OUTPUTS=<outputs file>` and `LAB_CLOUD=aws`: the student's stack in AWS (no fault injection there).
 * - neither (plain `vitest`, `npm test`): this test file starts its own local cloud on a free port and deploys the
 *   implementation `LAB_TARGET` names (solution by default) into it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { stackNameFor } from '../../../infra/lib/labs.ts';
import type { Tables } from '../app/tables.ts';
import { regionFromEnv } from '../../kit/aws-account.ts';
import { deployLabLocally, ensureLocalCloud } from '../../kit/local-cloud.ts';
import { LOCAL_ENDPOINT } from '../../kit/ssm.ts';
import { resolveTarget } from '../../kit/target.ts';

export const LAB = 'queue';
/** Generous: the first deploy synthesizes the stack (cdk synth with bundling). */
export const DEPLOY_TIMEOUT_MS = 240_000;

export interface QueueStackUnderTest {
  apiUrl: string;
  queueUrl: string;
  deadLetterQueueUrl: string;
  topicArn: string;
  tables: Tables;
  db: DynamoDBClient;
  sqs: SQSClient;
  /** The local cloud's endpoint (fault injection); undefined against AWS. */
  localEndpoint?: string;
  close(): Promise<void>;
}

const REQUIRED = ['ApiUrl', 'EventsTable', 'OrdersTable', 'QueueUrl', 'DeadLetterQueueUrl', 'OutcomesTopicArn'];

function outputsFrom(file: string): Record<string, string> {
  if (!existsSync(file)) throw new Error(`LAB_OUTPUTS names ${file}, which does not exist: deploy the stack first`);
  const outputs = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>)[stackNameFor(LAB)];
  const missing = REQUIRED.filter((key) => !outputs?.[key]);
  if (missing.length > 0) throw new Error(`${file} lacks ${missing.join(', ')} of stack ${stackNameFor(LAB)}`);
  return outputs;
}

/** SDK settings for the tests' own calls: your credentials on AWS, any credentials locally. */
export function clientSettings(localEndpoint?: string) {
  return localEndpoint
    ? { region: regionFromEnv(), endpoint: localEndpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }
    : { region: regionFromEnv() };
}

function connect(outputs: Record<string, string>, localEndpoint: string | undefined, close: () => Promise<void>): QueueStackUnderTest {
  const db = new DynamoDBClient(clientSettings(localEndpoint));
  const sqs = new SQSClient(clientSettings(localEndpoint));
  return {
    apiUrl: outputs.ApiUrl.endsWith('/') ? outputs.ApiUrl : `${outputs.ApiUrl}/`,
    queueUrl: outputs.QueueUrl,
    deadLetterQueueUrl: outputs.DeadLetterQueueUrl,
    topicArn: outputs.OutcomesTopicArn,
    tables: { events: outputs.EventsTable, orders: outputs.OrdersTable },
    db,
    sqs,
    localEndpoint,
    close: async () => {
      db.destroy();
      sqs.destroy();
      await close();
    },
  };
}

export async function queueStack(): Promise<QueueStackUnderTest> {
  const outputsFile = process.env.LAB_OUTPUTS;
  if (outputsFile) {
    const local = process.env.LAB_CLOUD !== 'aws' ? (process.env.AWS_ENDPOINT_URL ?? LOCAL_ENDPOINT) : undefined;
    return connect(outputsFrom(outputsFile), local, async () => {});
  }
  const cloud = await ensureLocalCloud({ port: 0, reuse: false });
  try {
    const outputs = await deployLabLocally(LAB, { endpoint: cloud.endpoint, source: resolveTarget() });
    return connect(outputs, cloud.endpoint, () => cloud.stop());
  } catch (error) {
    await cloud.stop();
    throw error;
  }
}
