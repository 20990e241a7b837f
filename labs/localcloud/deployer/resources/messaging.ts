/**
 * AWS::SQS::Queue/QueuePolicy and AWS::SNS::Topic/Subscription/TopicPolicy, created through the cloud's own SQS and
 * SNS wire APIs (the same path a student's SDK call takes). Resource policies are recorded, not enforced.
 */
import { CreateQueueCommand, DeleteQueueCommand, SQSClient, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { CreateTopicCommand, DeleteTopicCommand, SNSClient, SetTopicAttributesCommand, SubscribeCommand, UnsubscribeCommand } from '@aws-sdk/client-sns';
import { PropertyError, optionalString, requireString, sameJson, type Deployed, type ResourceContext, type ResourceHandler } from './types.ts';

const DEPLOYER_CREDENTIALS = { accessKeyId: 'LOCALDEPLOYER', secretAccessKey: 'local' };
const clientOptions = (rc: ResourceContext) => ({ endpoint: rc.ctx.endpoint(), region: rc.ctx.region, credentials: DEPLOYER_CREDENTIALS, maxAttempts: 1 });

async function withSqs<T>(rc: ResourceContext, fn: (sqs: SQSClient) => Promise<T>): Promise<T> {
  const sqs = new SQSClient(clientOptions(rc));
  try {
    return await fn(sqs);
  } catch (error) {
    throw new PropertyError(`SQS refused: ${(error as Error).message}`);
  } finally {
    sqs.destroy();
  }
}

async function withSns<T>(rc: ResourceContext, fn: (sns: SNSClient) => Promise<T>): Promise<T> {
  const sns = new SNSClient(clientOptions(rc));
  try {
    return await fn(sns);
  } catch (error) {
    throw new PropertyError(`SNS refused: ${(error as Error).message}`);
  } finally {
    sns.destroy();
  }
}

const QUEUE_ATTRIBUTES = ['DelaySeconds', 'MaximumMessageSize', 'MessageRetentionPeriod', 'ReceiveMessageWaitTimeSeconds', 'VisibilityTimeout', 'FifoQueue', 'ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit', 'RedrivePolicy', 'RedriveAllowPolicy'];
/** Attributes SetQueueAttributes may not change. */
const CREATE_ONLY = new Set(['FifoQueue']);

function queueAttributes(properties: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of QUEUE_ATTRIBUTES) {
    const value = properties[name];
    if (value !== undefined) out[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

function queueName(properties: Record<string, unknown>, rc: ResourceContext): string {
  const fifo = properties.FifoQueue === true || properties.FifoQueue === 'true';
  return optionalString(properties, 'QueueName') ?? (fifo ? `${rc.physicalName(75)}.fifo` : rc.physicalName(80));
}

const queueHandler: ResourceHandler = {
  async create(properties, rc) {
    const name = queueName(properties, rc);
    const url = await withSqs(rc, async (sqs) => (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: queueAttributes(properties) }))).QueueUrl!);
    return { physicalId: url, attributes: { Arn: `arn:aws:sqs:${rc.ctx.region}:${rc.ctx.accountId}:${name}`, QueueName: name, QueueUrl: url } };
  },
  async update(properties, previous, old, rc) {
    if (queueName(properties, rc) !== previous.attributes.QueueName || properties.FifoQueue !== old.FifoQueue) return undefined;
    const attributes = Object.fromEntries(Object.entries(queueAttributes(properties)).filter(([k]) => !CREATE_ONLY.has(k)));
    await withSqs(rc, (sqs) => sqs.send(new SetQueueAttributesCommand({ QueueUrl: previous.physicalId, Attributes: attributes })));
    return previous;
  },
  async delete(previous, rc) {
    await withSqs(rc, (sqs) => sqs.send(new DeleteQueueCommand({ QueueUrl: previous.physicalId }))).catch(() => undefined);
  },
};

const TOPIC_ATTRIBUTES = ['DisplayName', 'FifoTopic', 'ContentBasedDeduplication'];

interface SubscriptionSpec {
  Protocol: string;
  Endpoint: string;
  Attributes?: Record<string, string>;
}

async function subscribe(rc: ResourceContext, topicArn: string, spec: SubscriptionSpec): Promise<string> {
  return withSns(rc, async (sns) => (await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: spec.Protocol, Endpoint: spec.Endpoint, Attributes: spec.Attributes, ReturnSubscriptionArn: true }))).SubscriptionArn!);
}

const topicHandler: ResourceHandler = {
  async create(properties, rc) {
    const fifo = properties.FifoTopic === true || properties.FifoTopic === 'true';
    const name = optionalString(properties, 'TopicName') ?? (fifo ? `${rc.physicalName(251)}.fifo` : rc.physicalName(256));
    const attributes: Record<string, string> = {};
    for (const key of TOPIC_ATTRIBUTES) if (properties[key] !== undefined) attributes[key] = String(properties[key]);
    const arn = await withSns(rc, async (sns) => (await sns.send(new CreateTopicCommand({ Name: name, Attributes: attributes }))).TopicArn!);
    const inline = (properties.Subscription ?? []) as Array<{ Protocol?: unknown; Endpoint?: unknown }>;
    if (!Array.isArray(inline)) throw new PropertyError('Subscription must be a list of { Protocol, Endpoint }');
    const subscriptions: string[] = [];
    for (const s of inline) {
      if (typeof s?.Protocol !== 'string' || typeof s.Endpoint !== 'string') throw new PropertyError('every Subscription needs Protocol and Endpoint');
      subscriptions.push(await subscribe(rc, arn, { Protocol: s.Protocol, Endpoint: s.Endpoint }));
    }
    return { physicalId: arn, attributes: { TopicArn: arn, TopicName: name }, state: { subscriptions } };
  },
  async update(properties, previous, old, rc) {
    if (!sameJson(properties.TopicName, old.TopicName) || !sameJson(properties.FifoTopic, old.FifoTopic) || !sameJson(properties.Subscription, old.Subscription)) return undefined;
    if (properties.DisplayName !== undefined) {
      await withSns(rc, (sns) => sns.send(new SetTopicAttributesCommand({ TopicArn: previous.physicalId, AttributeName: 'DisplayName', AttributeValue: String(properties.DisplayName) })));
    }
    return previous;
  },
  async delete(previous, rc) {
    await withSns(rc, (sns) => sns.send(new DeleteTopicCommand({ TopicArn: previous.physicalId }))).catch(() => undefined);
  },
};

const SUBSCRIPTION_ATTRIBUTES = ['RawMessageDelivery', 'FilterPolicy', 'FilterPolicyScope', 'RedrivePolicy', 'DeliveryPolicy', 'SubscriptionRoleArn'];

const subscriptionHandler: ResourceHandler = {
  async create(properties, rc) {
    const attributes: Record<string, string> = {};
    for (const key of SUBSCRIPTION_ATTRIBUTES) {
      const value = properties[key];
      if (value !== undefined) attributes[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
    const arn = await subscribe(rc, requireString(properties, 'TopicArn'), { Protocol: requireString(properties, 'Protocol'), Endpoint: requireString(properties, 'Endpoint'), Attributes: attributes });
    return { physicalId: arn, attributes: { Arn: arn } };
  },
  async delete(previous, rc) {
    await withSns(rc, (sns) => sns.send(new UnsubscribeCommand({ SubscriptionArn: previous.physicalId }))).catch(() => undefined);
  },
};

/** Resource policies are kept as records: locally only identity policies are enforced. */
const policyRecord: ResourceHandler = {
  async create(_properties, rc): Promise<Deployed> {
    return { physicalId: rc.physicalName(), attributes: {} };
  },
  async update(_properties, previous) {
    return previous;
  },
  async delete() {},
};

export const messagingHandlers: Record<string, ResourceHandler> = {
  'AWS::SQS::Queue': queueHandler,
  'AWS::SQS::QueuePolicy': policyRecord,
  'AWS::SNS::Topic': topicHandler,
  'AWS::SNS::Subscription': subscriptionHandler,
  'AWS::SNS::TopicPolicy': policyRecord,
  'AWS::Lambda::Permission': policyRecord,
};
