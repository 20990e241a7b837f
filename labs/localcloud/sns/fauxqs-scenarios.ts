/**
 * Deterministic SNS→SQS scenarios that run against any endpoint speaking SNS and SQS (this local cloud,
 * `fauxqs`). Each returns what the SDK observes, with ids, URLs, timestamps and signatures normalised,
 * so the observations of two servers can be compared one to one.
 */
import { CreateTopicCommand, GetSubscriptionAttributesCommand, PublishBatchCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { outcome, type Observation } from '../sqs/scenarios.ts';
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

export interface Clients {
  sns: SNSClient;
  sqs: SQSClient;
}

export function clientsFor(endpoint: string): Clients {
  const config = { endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
  return { sns: new SNSClient(config), sqs: new SQSClient(config) };
}


async function queue(c: Clients, name: string, attributes: Record<string, string> = {}) {
  const { QueueUrl } = await c.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const { Attributes } = await c.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { url: QueueUrl!, arn: Attributes!.QueueArn! };
}

async function receiveAll(c: Clients, url: string) {
  const out = [];
  for (let i = 0; i < 10; i++) {
    const { Messages = [] } = await c.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 60, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['MessageGroupId'] }),
    );
    if (Messages.length === 0) break;
    out.push(...Messages);
    // Deleting keeps FIFO groups unblocked, however many messages a server hands out per receive.
    for (const m of Messages) await c.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle }));
  }
  return out;
}

/** SNS delivers asynchronously on some servers: poll briefly until `expected` messages arrived (or give up). */
async function receiveEventually(c: Clients, url: string, expected: number) {
  const out = [];
  for (let i = 0; i < 20 && out.length < expected; i++) {
    out.push(...(await receiveAll(c, url)));
    if (out.length < expected) await new Promise((r) => setTimeout(r, 25));
  }
  return out;
}

/** Envelope fields with run-specific values replaced by their kind. */
function normaliseEnvelope(body: string) {
  const e = JSON.parse(body) as Record<string, unknown>;
  return {
    keys: Object.keys(e).sort(),
    Type: e.Type,
    Subject: e.Subject,
    Message: e.Message,
    MessageAttributes: e.MessageAttributes,
    SignatureVersion: e.SignatureVersion,
    timestampIsIso: typeof e.Timestamp === 'string' && new Date(e.Timestamp).toISOString() === e.Timestamp,
    unsubscribeNamesSubscription: typeof e.UnsubscribeURL === 'string' && e.UnsubscribeURL.includes('SubscriptionArn='),
  };
}

let run = 0;
const name = (base: string) => `${base}-${Date.now().toString(36)}-${++run}`;

export const scenarios: Record<string, (c: Clients) => Promise<Observation>> = {
  async 'envelope to SQS'(c) {
    const { TopicArn } = await c.sns.send(new CreateTopicCommand({ Name: name('env') }));
    const q = await queue(c, name('env-q'));
    await c.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q.arn }));
    await c.sns.send(new PublishCommand({ TopicArn, Message: 'hello', Subject: 'Greeting', MessageAttributes: { kind: { DataType: 'String', StringValue: 'greeting' }, n: { DataType: 'Number', StringValue: '7' } } }));
    const [m] = await receiveEventually(c, q.url, 1);
    return { envelope: normaliseEnvelope(m.Body!), sqsMessageAttributes: m.MessageAttributes ?? {} };
  },

  async 'raw delivery with attributes'(c) {
    const { TopicArn } = await c.sns.send(new CreateTopicCommand({ Name: name('raw') }));
    const q = await queue(c, name('raw-q'));
    await c.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } }));
    await c.sns.send(new PublishCommand({ TopicArn, Message: 'raw body', MessageAttributes: { kind: { DataType: 'String', StringValue: 'x' } } }));
    const [m] = await receiveEventually(c, q.url, 1);
    return { body: m.Body, attributes: m.MessageAttributes };
  },

  async 'attribute filter policies'(c) {
    const { TopicArn } = await c.sns.send(new CreateTopicCommand({ Name: name('filter') }));
    const policies: Record<string, unknown> = {
      exact: { color: ['red'] },
      prefix: { color: [{ prefix: 'bl' }] },
      numeric: { price: [{ numeric: ['>', 10, '<=', 100] }] },
      anythingBut: { color: [{ 'anything-but': ['red', 'blue'] }] },
      exists: { trace: [{ exists: false }] },
      or: { $or: [{ color: ['green'] }, { price: [{ numeric: ['=', 5] }] }] },
    };
    const queues: Record<string, string> = {};
    for (const [key, policy] of Object.entries(policies)) {
      const q = await queue(c, name(`f-${key}`));
      queues[key] = q.url;
      await c.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { FilterPolicy: JSON.stringify(policy), RawMessageDelivery: 'true' } }));
    }
    const messages: Array<[string, Record<string, { DataType: string; StringValue: string }>]> = [
      ['m1', { color: { DataType: 'String', StringValue: 'red' }, price: { DataType: 'Number', StringValue: '50' } }],
      ['m2', { color: { DataType: 'String', StringValue: 'blue' }, price: { DataType: 'Number', StringValue: '5' } }],
      ['m3', { color: { DataType: 'String', StringValue: 'green' }, trace: { DataType: 'String', StringValue: 't' } }],
      ['m4', { price: { DataType: 'Number', StringValue: '100' } }],
    ];
    for (const [body, attributes] of messages) await c.sns.send(new PublishCommand({ TopicArn, Message: body, MessageAttributes: attributes }));
    const expectedCounts: Record<string, number> = { exact: 1, prefix: 1, numeric: 2, anythingBut: 1, exists: 3, or: 2 };
    const out: Record<string, string[]> = {};
    for (const [key, url] of Object.entries(queues)) out[key] = (await receiveEventually(c, url, expectedCounts[key])).map((m) => m.Body!).sort();
    return out;
  },

  async 'message body filter policy'(c) {
    const { TopicArn } = await c.sns.send(new CreateTopicCommand({ Name: name('body') }));
    const q = await queue(c, name('body-q'));
    const policy = { order: { country: ['AT'], total: [{ numeric: ['>=', 100] }] } };
    await c.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { FilterPolicy: JSON.stringify(policy), FilterPolicyScope: 'MessageBody', RawMessageDelivery: 'true' } }));
    for (const order of [{ country: 'AT', total: 150 }, { country: 'DE', total: 150 }, { country: 'AT', total: 50 }]) {
      await c.sns.send(new PublishCommand({ TopicArn, Message: JSON.stringify({ order }) }));
    }
    return (await receiveEventually(c, q.url, 1)).map((m) => m.Body);
  },

  async 'MessageStructure json'(c) {
    const { TopicArn } = await c.sns.send(new CreateTopicCommand({ Name: name('structure') }));
    const q = await queue(c, name('structure-q'));
    await c.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } }));
    await c.sns.send(new PublishCommand({ TopicArn, MessageStructure: 'json', Message: JSON.stringify({ default: 'everyone', sqs: 'queues' }) }));
    return (await receiveEventually(c, q.url, 1)).map((m) => m.Body);
  },

  async 'FIFO topic to FIFO queue'(c) {
    const topicName = `${name('fifo')}.fifo`;
    const { TopicArn } = await c.sns.send(new CreateTopicCommand({ Name: topicName, Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } }));
    const q = await queue(c, `${name('fifo-q')}.fifo`, { FifoQueue: 'true' });
    await c.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } }));
    for (const body of ['a1', 'a2', 'a1', 'a3']) await c.sns.send(new PublishCommand({ TopicArn, Message: body, MessageGroupId: 'g1' }));
    const received = await receiveEventually(c, q.url, 3);
    return { bodies: received.map((m) => m.Body), groups: received.map((m) => m.Attributes?.MessageGroupId) };
  },

  async 'PublishBatch'(c) {
    const { TopicArn } = await c.sns.send(new CreateTopicCommand({ Name: name('batch') }));
    const q = await queue(c, name('batch-q'));
    await c.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } }));
    const result = await c.sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: [{ Id: 'a', Message: 'one' }, { Id: 'b', Message: 'two' }] }));
    return { successful: result.Successful?.map((s) => s.Id), failed: result.Failed ?? [], bodies: (await receiveEventually(c, q.url, 2)).map((m) => m.Body).sort() };
  },

  async 'subscription attributes'(c) {
    const { TopicArn } = await c.sns.send(new CreateTopicCommand({ Name: name('attrs') }));
    const q = await queue(c, name('attrs-q'));
    const { SubscriptionArn } = await c.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } }));
    const { Attributes = {} } = await c.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }));
    return { Protocol: Attributes.Protocol, RawMessageDelivery: Attributes.RawMessageDelivery, PendingConfirmation: Attributes.PendingConfirmation, endpointIsQueue: Attributes.Endpoint === q.arn };
  },

  async 'error names'(c) {
    const { TopicArn } = await c.sns.send(new CreateTopicCommand({ Name: name('errors') }));
    const fifo = (await c.sns.send(new CreateTopicCommand({ Name: `${name('errors')}.fifo`, Attributes: { FifoTopic: 'true' } }))).TopicArn;
    return {
      missingTopic: await outcome(c.sns.send(new PublishCommand({ TopicArn: `${TopicArn}-missing`, Message: 'x' }))),
      badTopicName: await outcome(c.sns.send(new CreateTopicCommand({ Name: 'bad name' }))),
      fifoWithoutGroup: await outcome(c.sns.send(new PublishCommand({ TopicArn: fifo, Message: 'x', MessageDeduplicationId: 'd' }))),
      tooManyBatchEntries: await outcome(c.sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, Message: 'x' })) }))),
      duplicateBatchIds: await outcome(c.sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: [{ Id: 'a', Message: 'x' }, { Id: 'a', Message: 'y' }] }))),
      emptyMessage: await outcome(c.sns.send(new PublishCommand({ TopicArn, Message: '' }))),
    };
  },
};
