/**
 * Deterministic SQS scenarios that need no clock control, so they run unchanged against this local cloud and against
 * a second emulator (fauxqs). Each returns what the SDK observed, with ids, hosts and timestamps normalised away.
 */
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  TagQueueCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

export type Observation = unknown;
export type Scenario = (sqs: SQSClient, prefix: string) => Promise<Observation>;

/** What an SDK error looks like to a program: class name, legacy code, status, message. */
export async function outcome(call: Promise<unknown>): Promise<Observation> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    const e = error as { name: string; Code?: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { error: e.name, code: e.Code, status: e.$metadata?.httpStatusCode, message: e.message };
  }
}

const nameOf = (url?: string) => url?.slice(url.lastIndexOf('/') + 1);

async function create(sqs: SQSClient, name: string, Attributes?: Record<string, string>) {
  return (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes }))).QueueUrl!;
}

async function receiveAll(sqs: SQSClient, QueueUrl: string, extra: object = {}) {
  return (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, ...extra }))).Messages ?? [];
}

export const scenarios: Record<string, Scenario> = {
  async 'send and receive with attributes'(sqs, p) {
    const url = await create(sqs, `${p}basic`);
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'hello ü 🚀',
        MessageAttributes: { 'a.one': { DataType: 'String', StringValue: 'x' }, n: { DataType: 'Number', StringValue: '1.5' } },
      }),
    );
    const [m] = await receiveAll(sqs, url, { MessageAttributeNames: ['a.*'], MessageSystemAttributeNames: ['ApproximateReceiveCount'] });
    return { md5: sent.MD5OfMessageBody, md5Attributes: sent.MD5OfMessageAttributes, body: m.Body, attributes: m.Attributes, messageAttributes: m.MessageAttributes, md5Selected: m.MD5OfMessageAttributes };
  },
  async 'queue does not exist'(sqs, p) {
    return outcome(sqs.send(new GetQueueUrlCommand({ QueueName: `${p}missing` })));
  },
  async 'default attributes of a new queue'(sqs, p) {
    const url = await create(sqs, `${p}attrs`);
    const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
    delete Attributes.CreatedTimestamp;
    delete Attributes.LastModifiedTimestamp;
    Attributes.QueueArn = Attributes.QueueArn?.split(':').slice(0, 3).join(':');
    return Attributes;
  },
  async 'FIFO order and deduplication by id'(sqs, p) {
    const url = await create(sqs, `${p}order.fifo`, { FifoQueue: 'true' });
    for (const [body, dedup] of [['1', 'a'], ['2', 'b'], ['dup', 'a'], ['3', 'c']]) {
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: 'g', MessageDeduplicationId: dedup }));
    }
    return (await receiveAll(sqs, url)).map((m) => m.Body);
  },
  async 'FIFO content-based deduplication'(sqs, p) {
    const url = await create(sqs, `${p}content.fifo`, { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    for (const body of ['x', 'x', 'y']) await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: 'g' }));
    return (await receiveAll(sqs, url)).map((m) => m.Body);
  },
  async 'FIFO group blocked while in flight'(sqs, p) {
    const url = await create(sqs, `${p}block.fifo`, { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    for (const body of ['1', '2']) await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: 'g' }));
    const first = await receiveAll(sqs, url, { MaxNumberOfMessages: 1 });
    const second = await receiveAll(sqs, url);
    return [first.map((m) => m.Body), second.map((m) => m.Body)];
  },
  async 'FIFO without MessageGroupId'(sqs, p) {
    const url = await create(sqs, `${p}nogroup.fifo`, { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    return outcome(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' })));
  },
  async 'FIFO with per-message delay'(sqs, p) {
    const url = await create(sqs, `${p}delay.fifo`, { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    return outcome(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g', DelaySeconds: 5 })));
  },
  async 'batch with a failing entry'(sqs, p) {
    const url = await create(sqs, `${p}batch`);
    const result = await sqs.send(
      new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'ok', MessageBody: 'fine' }, { Id: 'bad', MessageBody: 'bad\u0000' }] }),
    );
    return { successful: result.Successful?.map((e) => e.Id), failed: result.Failed };
  },
  async 'batch of eleven'(sqs, p) {
    const url = await create(sqs, `${p}eleven`);
    const Entries = Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'x' }));
    return outcome(sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries })));
  },
  async 'invalid characters'(sqs, p) {
    const url = await create(sqs, `${p}chars`);
    return outcome(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'nul\u0000' })));
  },
  async 'message one byte too large'(sqs, p) {
    const url = await create(sqs, `${p}large`);
    return outcome(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(1_048_577) })));
  },
  async 'visibility timeout 0 redelivers at once'(sqs, p) {
    const url = await create(sqs, `${p}vis0`);
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
    await receiveAll(sqs, url, { VisibilityTimeout: 0 });
    const [m] = await receiveAll(sqs, url, { MessageSystemAttributeNames: ['ApproximateReceiveCount'] });
    return m?.Attributes;
  },
  async 'invalid receipt handle'(sqs, p) {
    const url = await create(sqs, `${p}handle`);
    return [
      await outcome(sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: 'garbage' }))),
      await outcome(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: 'garbage', VisibilityTimeout: 1 }))),
    ];
  },
  async 'list queues with prefix and pages'(sqs, p) {
    for (const n of ['a', 'b', 'c']) await create(sqs, `${p}list-${n}`);
    const first = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: `${p}list-`, MaxResults: 2 }));
    const second = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: `${p}list-`, MaxResults: 2, NextToken: first.NextToken }));
    return [first.QueueUrls?.length, second.QueueUrls?.length, second.NextToken === undefined];
  },
  async 'dead-letter queue after maxReceiveCount'(sqs, p) {
    const dlq = await create(sqs, `${p}dlq`);
    const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn;
    const src = await create(sqs, `${p}src`, { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 1 }) });
    await sqs.send(new SendMessageCommand({ QueueUrl: src, MessageBody: 'poison' }));
    const first = await receiveAll(sqs, src, { VisibilityTimeout: 0 });
    const second = await receiveAll(sqs, src);
    const dead = await receiveAll(sqs, dlq);
    const sources = await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq }));
    return { first: first.length, second: second.length, dead: dead.map((m) => m.Body), sources: sources.queueUrls?.map(nameOf) };
  },
  async 'same name, different attributes'(sqs, p) {
    await create(sqs, `${p}conflict`, { VisibilityTimeout: '10' });
    return outcome(create(sqs, `${p}conflict`, { VisibilityTimeout: '20' }));
  },
  async 'unknown queue attribute'(sqs, p) {
    return outcome(create(sqs, `${p}unknown`, { Colour: 'blue' }));
  },
  async 'tags'(sqs, p) {
    const url = await create(sqs, `${p}tags`);
    await sqs.send(new TagQueueCommand({ QueueUrl: url, Tags: { course: 'cc', lab: 'queue' } }));
    return (await sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags;
  },
  async 'MaxNumberOfMessages 11'(sqs, p) {
    const url = await create(sqs, `${p}max11`);
    return outcome(sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 11 })));
  },
  async 'purge twice within 60 s'(sqs, p) {
    const url = await create(sqs, `${p}purge`);
    await sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    return outcome(sqs.send(new PurgeQueueCommand({ QueueUrl: url })));
  },
  async 'FIFO queue name without .fifo'(sqs, p) {
    return outcome(create(sqs, `${p}plain`, { FifoQueue: 'true' }));
  },
};
