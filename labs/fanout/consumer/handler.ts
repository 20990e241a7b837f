/**
 * The Lambda behind every queue: read each SQS message, turn it into an order (the student's `orderFrom`), do the
 * consumer's work, and write a receipt to the receipts table. The receipts are how the tests (and students) see
 * who received what, in which form and when. One handler for all four queues; `CONSUMER` says which one it is.
 */
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Delivered } from '../order.ts';
import { orderProblem } from '../order.ts';

/** Receipts are evidence for a lab session, not records: DynamoDB's TTL removes them after a day. */
const RECEIPT_TTL_SECONDS = 24 * 3600;

export interface ConsumerEnvironment {
  consumer: string;
  table: string;
  /** Simulated work per message in ms: the analytics consumer is slow on purpose. */
  workMs: number;
}

export function environmentFrom(env: NodeJS.ProcessEnv): ConsumerEnvironment {
  const { CONSUMER, RECEIPTS_TABLE, WORK_MS = '0' } = env;
  if (!CONSUMER) throw new Error('Environment variable CONSUMER is missing (billing, shipping, analytics or fraud)');
  if (!RECEIPTS_TABLE) throw new Error('Environment variable RECEIPTS_TABLE is missing');
  const workMs = Number(WORK_MS);
  if (!Number.isInteger(workMs) || workMs < 0) throw new Error(`WORK_MS must be a whole number of milliseconds, got "${WORK_MS}"`);
  return { consumer: CONSUMER, table: RECEIPTS_TABLE, workMs };
}

/** Builds the handler around the function that reads an order out of a message body. */
export function consumerHandler(orderFrom: (body: string) => Delivered) {
  // Module scope: created once per warm instance, reused across invocations.
  const dynamo = new DynamoDBClient({});
  const settings = environmentFrom(process.env);

  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const receivedAt = Date.now();
      try {
        const delivered = orderFrom(record.body);
        const problem = orderProblem(delivered?.order);
        if (problem) throw new Error(`${settings.consumer}: the message ${record.messageId} ${problem}; body starts with ${record.body.slice(0, 80)}`);
        if (settings.workMs > 0) await sleep(settings.workMs);
        await dynamo.send(
          new PutItemCommand({
            TableName: settings.table,
            Item: {
              orderId: { S: delivered.order.orderId },
              consumer: { S: settings.consumer },
              delivery: { S: delivered.delivery },
              amount: { N: String(delivered.order.amount) },
              ...(delivered.snsMessageId ? { snsMessageId: { S: delivered.snsMessageId } } : {}),
              receivedAt: { N: String(receivedAt) },
              doneAt: { N: String(Date.now()) },
              expiresAt: { N: String(Math.floor(Date.now() / 1000) + RECEIPT_TTL_SECONDS) },
            },
          }),
        );
      } catch (error) {
        // Only this message returns to the queue (and after three receives to the dead-letter queue).
        console.error((error as Error).message);
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}
