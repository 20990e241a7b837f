/** The functions' AWS side: clients made once per cold start, names from the environment the stack sets. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { ChangeMessageVisibilityBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Outcome, OrderMessage } from './contracts.ts';
import type { Tables } from './tables.ts';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set (the stack sets it)`);
  return value;
}

export function tablesFromEnv(): Tables {
  return { events: requiredEnv('EVENTS_TABLE'), orders: requiredEnv('ORDERS_TABLE') };
}

let dynamodb: DynamoDBClient | undefined;
let sqs: SQSClient | undefined;
let sns: SNSClient | undefined;
export const dynamoClient = () => (dynamodb ??= new DynamoDBClient({}));
const sqsClient = () => (sqs ??= new SQSClient({}));
const snsClient = () => (sns ??= new SNSClient({}));

/**
 * FIFO: one message group per event (orders of one event are serialized), deduplicated by order id. The benchmark's
 * standard queue (QUEUE_KIND=standard) takes neither: there the idempotent consumer alone prevents double sales.
 */
export async function enqueueOrder(order: OrderMessage): Promise<void> {
  const fifo = process.env.QUEUE_KIND !== 'standard';
  await sqsClient().send(
    new SendMessageCommand({
      QueueUrl: requiredEnv('QUEUE_URL'),
      MessageBody: JSON.stringify(order),
      ...(fifo ? { MessageGroupId: order.eventId, MessageDeduplicationId: order.orderId } : {}),
    }),
  );
}

/**
 * Publishes a batch's outcomes side by side. (One PublishBatch call would do too; IAM authorizes it as sns:Publish
 * on AWS, but the local cloud checks it as sns:PublishBatch, so the stack's grant would differ between the two.)
 */
export async function publishOutcomes(outcomes: Outcome[]): Promise<void> {
  await Promise.all(
    outcomes.map((outcome) =>
      snsClient().send(
        new PublishCommand({
          TopicArn: requiredEnv('OUTCOMES_TOPIC_ARN'),
          Message: JSON.stringify(outcome),
          MessageAttributes: { status: { DataType: 'String', StringValue: outcome.status }, eventId: { DataType: 'String', StringValue: outcome.eventId } },
        }),
      ),
    ),
  );
}

export async function retryLater(receiptHandles: string[], seconds: number): Promise<void> {
  for (let i = 0; i < receiptHandles.length; i += 10) {
    const entries = receiptHandles.slice(i, i + 10).map((handle, n) => ({ Id: String(n), ReceiptHandle: handle, VisibilityTimeout: seconds }));
    await sqsClient().send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: requiredEnv('QUEUE_URL'), Entries: entries }));
  }
}
