/**
 * Small observations of SQS behaviour the chapter's quiz relies on, each returning what was seen so a proof can
 * compare it with a keyed answer. They create their own queues in the given local cloud.
 */
import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function receiveBodies(sqs: SQSClient, queueUrl: string, max = 10): Promise<{ body: string; handle: string; id: string }[]> {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: max, WaitTimeSeconds: 0, VisibilityTimeout: 30 }));
  return Messages.map((m) => ({ body: m.Body!, handle: m.ReceiptHandle!, id: m.MessageId! }));
}

/**
 * One message on a standard queue, received twice in a row (the cloud must run with a `duplicateRate` for
 * ReceiveMessage, as AWS's standard queues occasionally do unasked). Returns the message ids of both receives.
 */
export async function receiveOneMessageTwice(sqs: SQSClient): Promise<{ first: string[]; second: string[] }> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('standard') }));
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'order-1' }));
  const first = (await receiveBodies(sqs, QueueUrl!)).map((m) => m.id);
  const second = (await receiveBodies(sqs, QueueUrl!)).map((m) => m.id);
  return { first, second };
}

/**
 * Two messages in one FIFO group plus one in another group. Returns what each receive saw: while the group's first
 * message is in flight its second is held back; the other group is not blocked; after the delete the second comes.
 */
export async function observeFifoGroupBlocking(sqs: SQSClient): Promise<{ first: string[]; whileInFlight: string[]; afterDelete: string[] }> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${unique('fifo')}.fifo`, Attributes: { FifoQueue: 'true' } }));
  const send = (body: string, group: string) => sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body, MessageGroupId: group, MessageDeduplicationId: body }));
  await send('A1', 'event-a');
  await send('A2', 'event-a');
  await send('B1', 'event-b');
  const [head] = await receiveBodies(sqs, QueueUrl!, 1);
  const whileInFlight = await receiveBodies(sqs, QueueUrl!);
  await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: head.handle }));
  const afterDelete = await receiveBodies(sqs, QueueUrl!);
  return { first: [head.body], whileInFlight: whileInFlight.map((m) => m.body), afterDelete: afterDelete.map((m) => m.body) };
}

/** The same deduplication id sent twice within five minutes: how many messages the FIFO queue holds. */
export async function sendTwiceWithOneDeduplicationId(sqs: SQSClient): Promise<number> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${unique('dedup')}.fifo`, Attributes: { FifoQueue: 'true' } }));
  for (let i = 0; i < 2; i++) await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `order-1 attempt ${i}`, MessageGroupId: 'event-a', MessageDeduplicationId: 'order-1' }));
  return (await receiveBodies(sqs, QueueUrl!)).length;
}
