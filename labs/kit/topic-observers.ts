/**
 * How a lab's tests see what an SNS topic delivered. Locally: the local cloud's SMS outbox. On AWS (no phone needed):
 * an SQS queue subscribed to the topic for the duration of a test file. Tests find their own messages by a unique
 * token, so test files running in parallel against one stack do not count each other's messages.
 */
import { CreateQueueCommand, DeleteMessageBatchCommand, DeleteQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { SNSClient, SubscribeCommand, UnsubscribeCommand } from '@aws-sdk/client-sns';
import { setTimeout as sleep } from 'node:timers/promises';

export interface DeliveryObserver {
  /** Texts delivered so far that contain `token`, after waiting until no new one arrived for a moment. */
  messagesWith(token: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Polls `read` until its result has been stable for `settleMs` (at most `maxMs`). */
async function settled(read: () => Promise<string[]>, settleMs: number, maxMs: number, pollMs: number): Promise<string[]> {
  const begun = Date.now();
  let last = await read();
  let stableSince = Date.now();
  while (Date.now() - stableSince < settleMs && Date.now() - begun < maxMs) {
    await sleep(pollMs);
    const now = await read();
    if (now.length !== last.length) stableSince = Date.now();
    last = now;
  }
  return last;
}

interface OutboxRecord {
  Message: string;
  TopicArn?: string;
}

/** The local cloud publishes synchronously, so the SMS is in the outbox when the webhook's answer arrives. */
export function smsOutbox(endpoint: string, topicArn: string): DeliveryObserver {
  const read = async () => {
    const response = await fetch(new URL('/_aws/sns/sms-messages', endpoint));
    if (!response.ok) throw new Error(`The SMS outbox of the local cloud answered ${response.status}`);
    const { sms_messages: byNumber } = (await response.json()) as { sms_messages: Record<string, OutboxRecord[]> };
    return Object.values(byNumber).flat().filter((m) => m.TopicArn === topicArn).map((m) => m.Message);
  };
  return {
    messagesWith: (token) => settled(async () => (await read()).filter((m) => m.includes(token)), 150, 2_000, 50),
    close: async () => {},
  };
}

/** SDK client settings; on AWS just the region, in tests of this module a local endpoint too. */
export interface ClientSettings {
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** A temporary queue subscribed to the topic (raw delivery); removed again by `close`. */
export async function sqsObserver(topicArn: string, client: ClientSettings, settleMs = 5_000): Promise<DeliveryObserver> {
  const sqs = new SQSClient(client);
  const sns = new SNSClient(client);
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `ccvs-test-observer-${Date.now()}`, Attributes: { MessageRetentionPeriod: '3600' } }));
  const queueUrl = QueueUrl!;
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  const queueArn = Attributes!.QueueArn!;
  // Only this topic may send to the queue.
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queueArn, Condition: { ArnEquals: { 'aws:SourceArn': topicArn } } }],
  };
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { Policy: JSON.stringify(policy) } }));
  const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: { RawMessageDelivery: 'true' }, ReturnSubscriptionArn: true }));

  const received: string[] = [];
  const drain = async () => {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    received.push(...Messages.map((m) => m.Body ?? ''));
    if (Messages.length > 0) {
      await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
    }
    return received;
  };
  return {
    // SNS to SQS takes up to a few seconds on AWS: wait until nothing new came for `settleMs`.
    messagesWith: (token) => settled(async () => (await drain()).filter((m) => m.includes(token)), settleMs, 30_000, 0),
    async close() {
      await sns.send(new UnsubscribeCommand({ SubscriptionArn })).catch(() => {});
      await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl })).catch(() => {});
      sqs.destroy();
      sns.destroy();
    },
  };
}
