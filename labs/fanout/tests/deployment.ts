/**
 * The fan-out stack under test, chosen by the environment `npm run check` sets:
 * - `LAB_OUTPUTS=<outputs file>` (with `LAB_CLOUD=local` and `AWS_ENDPOINT_URL`, or `LAB_CLOUD=aws`): the stack
 *   `npm run check` or `npm run deploy` created;
 * - neither (plain `vitest`, `npm test`): this test file starts its own local cloud on a free port and deploys the
 *   implementation `LAB_TARGET` names (solution by default) into it.
 * The tests publish with the target's `publishOrder` and read the consumers' receipts from DynamoDB.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { setTimeout as sleep } from 'node:timers/promises';
import { stackNameFor } from '../../../infra/lib/labs.ts';
import { regionFromEnv } from '../../kit/aws-account.ts';
import { deployLabLocally, ensureLocalCloud } from '../../kit/local-cloud.ts';
import { LOCAL_ENDPOINT } from '../../kit/ssm.ts';
import { resolveTarget } from '../../kit/target.ts';
import type { Consumer } from '../order.ts';

const LAB = 'fanout';
/** Generous: the first deploy synthesizes the stack (cdk synth with bundling four functions). */
export const DEPLOY_TIMEOUT_MS = 240_000;

export interface Receipt {
  orderId: string;
  consumer: Consumer;
  delivery: 'raw' | 'envelope';
  amount: number;
  snsMessageId?: string;
  receivedAt: number;
  doneAt: number;
}

export interface FanoutStack {
  topicArn: string;
  sns: SNSClient;
  /** The receipts of one order, once no new one has arrived for `settleMs`. */
  receiptsOf(orderId: string, expected: readonly Consumer[]): Promise<Receipt[]>;
  /** How long to wait for a message that should not come: SNS on AWS takes a moment, locally it is at once. */
  settleMs: number;
  close(): Promise<void>;
}

function outputsFrom(file: string): Record<string, string> {
  if (!existsSync(file)) throw new Error(`LAB_OUTPUTS names ${file}, which does not exist: deploy the stack first`);
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  const outputs = all[stackNameFor(LAB)];
  if (!outputs?.TopicArn || !outputs.ReceiptsTable) throw new Error(`${file} has no TopicArn and ReceiptsTable of stack ${stackNameFor(LAB)}`);
  return outputs;
}

function connect(outputs: Record<string, string>, endpoint: string | undefined, settleMs: number, close: () => Promise<void>): FanoutStack {
  const settings = endpoint
    ? { region: regionFromEnv(), endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : { region: regionFromEnv() };
  const sns = new SNSClient(settings);
  const dynamo = new DynamoDBClient(settings);
  const read = async (orderId: string): Promise<Receipt[]> => {
    const { Items = [] } = await dynamo.send(
      new QueryCommand({
        TableName: outputs.ReceiptsTable,
        KeyConditionExpression: 'orderId = :id',
        ExpressionAttributeValues: { ':id': { S: orderId } },
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => ({
      orderId,
      consumer: item.consumer.S as Consumer,
      delivery: item.delivery.S as Receipt['delivery'],
      amount: Number(item.amount.N),
      snsMessageId: item.snsMessageId?.S,
      receivedAt: Number(item.receivedAt.N),
      doneAt: Number(item.doneAt.N),
    }));
  };
  const maxWaitMs = endpoint ? 12_000 : 45_000;
  return {
    topicArn: outputs.TopicArn,
    sns,
    settleMs,
    async receiptsOf(orderId, expected) {
      const begun = Date.now();
      let receipts = await read(orderId);
      // First wait for the expected consumers (or give up), then a moment longer for any unexpected one.
      while (!expected.every((c) => receipts.some((r) => r.consumer === c)) && Date.now() - begun < maxWaitMs) {
        await sleep(100);
        receipts = await read(orderId);
      }
      await sleep(settleMs);
      receipts = await read(orderId);
      return receipts.sort((a, b) => a.consumer.localeCompare(b.consumer));
    },
    async close() {
      sns.destroy();
      dynamo.destroy();
      await close();
    },
  };
}

export async function fanoutStack(): Promise<FanoutStack> {
  const outputsFile = process.env.LAB_OUTPUTS;
  if (outputsFile) {
    const outputs = outputsFrom(outputsFile);
    if (process.env.LAB_CLOUD === 'aws') return connect(outputs, undefined, 5_000, async () => {});
    return connect(outputs, process.env.AWS_ENDPOINT_URL ?? LOCAL_ENDPOINT, 1_500, async () => {});
  }
  const cloud = await ensureLocalCloud({ port: 0, reuse: false });
  try {
    const outputs = await deployLabLocally(LAB, { endpoint: cloud.endpoint, source: resolveTarget() });
    return connect(outputs, cloud.endpoint, 1_500, () => cloud.stop());
  } catch (error) {
    await cloud.stop();
    throw error;
  }
}
