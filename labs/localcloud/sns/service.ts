/**
 * SNS topic, subscription, publish and tag operations with AWS's validation and error texts (SMS: `sms.ts`). Input is the decoded request (plain values,
 * maps, lists); output is the `…Result` content. No HTTP here: `protocol.ts` does the wire format.
 */
import { hash, randomUUID } from 'node:crypto';
import type { CloudContext } from '../core/types.ts';
import type { SqsMessageAttributes } from '../sqs/api.ts';
import type { Deliverer } from './delivery.ts';
import type { SnsNotification } from './envelope.ts';
import { invalidParameter, missingParameter, notFound, resourceNotFound, SnsError } from './errors.ts';
import { FILTER_POLICY_SCOPES, FilterPolicyError, matchesFilterPolicy, parseFilterPolicy, type FilterPolicyScope } from './filter-policy.ts';
import { paginate, record, required, str, type Input, type Result } from './input.ts';
import { attributesSize, validateMessageAttributes } from './message-attributes.ts';
import type { SmsService } from './sms.ts';
import type { SnsState, Subscription, SubscriptionProtocol, Topic } from './state.ts';

export interface PublishOptions {
  subject?: string;
  messageAttributes?: SqsMessageAttributes;
  messageStructure?: string;
  groupId?: string;
  dedupId?: string;
}

const MAX_BATCH_ENTRIES = 10;
/** Default topic limit (AWS's `MaximumMessageSize` attribute can raise it to 1 MiB). */
export const DEFAULT_MAX_MESSAGE_BYTES = 262_144;
const DEDUP_WINDOW_MS = 5 * 60 * 1000;
const MAX_TAGS = 50;
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const BATCH_ID = /^[A-Za-z0-9_-]+$/;

const SETTABLE_TOPIC_ATTRIBUTES = new Set([
  'DisplayName', 'Policy', 'DeliveryPolicy', 'KmsMasterKeyId', 'SignatureVersion', 'TracingConfig', 'ContentBasedDeduplication',
  'ArchivePolicy', 'DataProtectionPolicy', 'FifoThroughputScope', 'MaximumMessageSize', 'FifoTopic',
]);
const FEEDBACK_ATTRIBUTE = /^(HTTP|Firehose|Lambda|SQS|Application)(SuccessFeedbackRoleArn|SuccessFeedbackSampleRate|FailureFeedbackRoleArn)$/;
const SETTABLE_SUBSCRIPTION_ATTRIBUTES = new Set(['DeliveryPolicy', 'FilterPolicy', 'FilterPolicyScope', 'RawMessageDelivery', 'RedrivePolicy', 'SubscriptionRoleArn', 'ReplayPolicy']);
const PROTOCOLS = new Set<SubscriptionProtocol>(['sqs', 'http', 'https', 'email', 'email-json', 'sms', 'lambda', 'application', 'firehose']);
/** These need the endpoint owner's confirmation before they receive notifications. */
const NEEDS_CONFIRMATION = new Set<SubscriptionProtocol>(['http', 'https', 'email', 'email-json']);

/** AWS checks ARNs structurally before it looks anything up. */
function checkArn(value: string | undefined, parameter: string): string[] {
  if (value === undefined || value === '') throw invalidParameter(`Invalid parameter: ${parameter} Reason: no value for required parameter`);
  const parts = value.split(':');
  if (parts.length < 6) throw invalidParameter(`Invalid parameter: ${parameter} Reason: An ARN must have at least 6 elements, not ${parts.length}`);
  return parts;
}

function checkSubject(subject: string | undefined): void {
  // Subject: ASCII, starting with a letter, number or punctuation, no line breaks or control characters, ≤ 100 characters.
  if (subject !== undefined && (subject === '' || subject.length > 100 || !/^[\x20-\x7e]+$/.test(subject) || subject.startsWith(' '))) {
    throw invalidParameter('Invalid parameter: Subject');
  }
}

export class SnsService {
  constructor(
    private readonly context: CloudContext,
    private readonly state: SnsState,
    private readonly deliverer: Deliverer,
    private readonly sms: SmsService,
  ) {}

  private now(): number {
    return this.context.clock.now();
  }

  private topic(arn: string | undefined, parameter = 'TopicArn'): Topic {
    checkArn(arn, parameter);
    const topic = this.state.topics.get(arn!);
    if (!topic) throw notFound('Topic does not exist');
    return topic;
  }

  private subscription(arn: string | undefined): Subscription {
    const parts = checkArn(arn, 'SubscriptionArn');
    if (parts.length < 7) throw invalidParameter('Invalid parameter: SubscriptionId');
    const subscription = this.state.subscriptions.get(arn!);
    if (!subscription) throw notFound('Subscription does not exist');
    return subscription;
  }

  // ---- topics -------------------------------------------------------------------------------

  CreateTopic(input: Input): Result {
    const name = required(input, 'Name');
    const attributes = record(input, 'Attributes');
    const tags = (input.Tags as Array<{ Key: string; Value: string }> | undefined) ?? [];
    const fifo = attributes.FifoTopic === 'true';
    const baseName = fifo ? name.replace(/\.fifo$/, '') : name;
    if (!TOPIC_NAME.test(baseName) || (fifo && !name.endsWith('.fifo')) || (!fifo && name.endsWith('.fifo'))) {
      throw invalidParameter('Invalid parameter: Topic Name');
    }
    for (const key of Object.keys(attributes)) this.checkTopicAttribute(key, attributes[key], fifo);
    const arn = this.state.topicArn(name);
    const existing = this.state.topics.get(arn);
    if (existing) {
      const differs = Object.entries(attributes).some(([k, v]) => (existing.attributes[k] ?? defaultTopicAttribute(k, existing)) !== v);
      if (differs) throw invalidParameter('Invalid parameter: Attributes Reason: Topic already exists with different attributes');
      if (tags.some((t) => existing.tags.has(t.Key) && existing.tags.get(t.Key) !== t.Value)) {
        throw invalidParameter('Invalid parameter: Tags Reason: Topic already exists with different tags');
      }
      return { TopicArn: arn };
    }
    this.state.topics.set(arn, {
      arn,
      name,
      fifo,
      attributes: { ...attributes },
      tags: new Map(tags.map((t) => [t.Key, t.Value])),
      subscriptions: new Set(),
      dedup: new Map(),
      nextSequence: 10000000000000000000n,
      deletedSubscriptions: 0,
    });
    return { TopicArn: arn };
  }

  private checkTopicAttribute(name: string, value: string, fifo: boolean): void {
    if (!SETTABLE_TOPIC_ATTRIBUTES.has(name) && !FEEDBACK_ATTRIBUTE.test(name)) throw invalidParameter('Invalid parameter: AttributeName');
    // `ContentBasedDeduplication=false` on a standard topic is harmless (CloudFormation templates send it).
    if (((name === 'ContentBasedDeduplication' && value !== 'false') || name === 'FifoThroughputScope') && !fifo) {
      throw invalidParameter(`Invalid parameter: Attributes Reason: ${name} is only valid for FIFO topics`);
    }
    if (name === 'MaximumMessageSize') {
      const size = Number(value);
      if (!Number.isInteger(size) || size < 1024 || size > 1_048_576) throw invalidParameter('Invalid parameter: MaximumMessageSize');
    }
  }

  DeleteTopic(input: Input): Result {
    const arn = required(input, 'TopicArn');
    checkArn(arn, 'TopicArn');
    const topic = this.state.topics.get(arn);
    if (topic) {
      for (const subscriptionArn of topic.subscriptions) this.removeSubscription(subscriptionArn);
      this.state.topics.delete(arn);
    }
    return {};
  }

  ListTopics(input: Input): Result {
    const arns = [...this.state.topics.keys()];
    const { page, next } = paginate(arns, str(input, 'NextToken'));
    return { Topics: page.map((TopicArn) => ({ TopicArn })), NextToken: next };
  }

  GetTopicAttributes(input: Input): Result {
    const topic = this.topic(str(input, 'TopicArn'));
    const subs = [...topic.subscriptions].map((arn) => this.state.subscriptions.get(arn)!);
    const attributes: Record<string, string> = {
      Policy: defaultTopicAttribute('Policy', topic),
      Owner: this.context.accountId,
      SubscriptionsPending: String(subs.filter((s) => !s.confirmed).length),
      TopicArn: topic.arn,
      EffectiveDeliveryPolicy: defaultTopicAttribute('EffectiveDeliveryPolicy', topic),
      SubscriptionsConfirmed: String(subs.filter((s) => s.confirmed).length),
      DisplayName: '',
      SubscriptionsDeleted: String(topic.deletedSubscriptions),
    };
    if (topic.fifo) Object.assign(attributes, { FifoTopic: 'true', ContentBasedDeduplication: 'false' });
    return { Attributes: { ...attributes, ...topic.attributes } };
  }

  SetTopicAttributes(input: Input): Result {
    const topic = this.topic(str(input, 'TopicArn'));
    const name = required(input, 'AttributeName');
    const value = str(input, 'AttributeValue') ?? '';
    if (name === 'FifoTopic') throw invalidParameter('Invalid parameter: AttributeName');
    this.checkTopicAttribute(name, value, topic.fifo);
    topic.attributes[name] = value;
    return {};
  }

  // ---- subscriptions --------------------------------------------------------------------------

  Subscribe(input: Input): Result {
    const topic = this.topic(str(input, 'TopicArn'));
    const protocol = required(input, 'Protocol') as SubscriptionProtocol;
    if (!PROTOCOLS.has(protocol)) throw invalidParameter(`Invalid parameter: Amazon SNS does not support this protocol string: ${protocol}`);
    const endpoint = this.checkEndpoint(topic, protocol, str(input, 'Endpoint'));
    const attributes = record(input, 'Attributes');
    const filterPolicy = this.checkSubscriptionAttributes(attributes, 'Invalid parameter: Attributes Reason: ', topic.fifo && endpoint.endsWith('.fifo'));

    for (const arn of topic.subscriptions) {
      const existing = this.state.subscriptions.get(arn)!;
      if (existing.protocol !== protocol || existing.endpoint !== endpoint) continue;
      if (Object.entries(attributes).some(([k, v]) => (existing.attributes[k] ?? '') !== v)) {
        throw invalidParameter('Invalid parameter: Attributes Reason: Subscription already exists with different attributes');
      }
      const visible = existing.confirmed || input.ReturnSubscriptionArn === 'true';
      return { SubscriptionArn: visible ? existing.arn : 'pending confirmation' };
    }

    const subscription: Subscription = {
      arn: `${topic.arn}:${randomUUID()}`,
      topicArn: topic.arn,
      protocol,
      endpoint,
      owner: this.context.accountId,
      attributes: { ...attributes },
      filterPolicy,
      confirmed: !NEEDS_CONFIRMATION.has(protocol),
    };
    this.state.subscriptions.set(subscription.arn, subscription);
    topic.subscriptions.add(subscription.arn);
    if (!subscription.confirmed) {
      const token = this.newToken(subscription.arn);
      subscription.token = token;
      this.deliverer.confirm(subscription, 'SubscriptionConfirmation', token, randomUUID());
    }
    const visible = subscription.confirmed || input.ReturnSubscriptionArn === 'true';
    return { SubscriptionArn: visible ? subscription.arn : 'pending confirmation' };
  }

  private newToken(subscriptionArn: string): string {
    const token = confirmationToken(subscriptionArn);
    this.state.tokens.set(token, subscriptionArn);
    return token;
  }

  private checkEndpoint(topic: Topic, protocol: SubscriptionProtocol, endpoint: string | undefined): string {
    const value = endpoint ?? '';
    switch (protocol) {
      case 'sqs': {
        const parts = value.split(':');
        if (parts.length !== 6 || parts[2] !== 'sqs') throw invalidParameter('Invalid parameter: SQS endpoint ARN');
        if (value.endsWith('.fifo') && !topic.fifo) {
          throw invalidParameter('Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics');
        }
        return value;
      }
      case 'http':
      case 'https':
        if (!value.toLowerCase().startsWith(`${protocol}://`)) throw invalidParameter('Invalid parameter: Endpoint must match the specified protocol');
        try {
          new URL(value);
        } catch {
          throw invalidParameter('Invalid parameter: Endpoint');
        }
        return value;
      case 'email':
      case 'email-json':
        if (!/^[^@\s]+@[^@\s]+$/.test(value)) throw invalidParameter('Invalid parameter: Email address');
        return value;
      case 'sms': {
        // AWS accepts single separators between digit groups (`+12/34-567.890`) and drops them; nothing else.
        const normalised = value.replace(/[ ./-]/g, '');
        if (!/^\+?\d+(?:[ ./-]\d+)*$/.test(value) || normalised.replace('+', '').length > 15) throw invalidParameter(`Invalid SMS endpoint: ${value}`);
        return normalised.startsWith('+') ? normalised : `+${normalised}`;
      }
      case 'lambda': {
        const parts = value.split(':');
        if (parts.length < 7 || parts[2] !== 'lambda') throw invalidParameter('Invalid parameter: Lambda endpoint ARN');
        return value;
      }
      default:
        if (!value) throw invalidParameter('Invalid parameter: Endpoint');
        return value;
    }
  }

  /** Validates user-settable subscription attributes; returns the compiled filter policy, if any. */
  private checkSubscriptionAttributes(attributes: Record<string, string>, prefix: string, fifoSubscription: boolean) {
    for (const name of Object.keys(attributes)) {
      if (!SETTABLE_SUBSCRIPTION_ATTRIBUTES.has(name)) throw invalidParameter('Invalid parameter: AttributeName');
    }
    const raw = attributes.RawMessageDelivery;
    if (raw !== undefined && raw.toLowerCase() !== 'true' && raw.toLowerCase() !== 'false') {
      throw invalidParameter(`${prefix}RawMessageDelivery: Invalid value [${raw}]. Must be true or false.`);
    }
    if (raw !== undefined) attributes.RawMessageDelivery = raw.toLowerCase();
    const scope = attributes.FilterPolicyScope;
    if (scope !== undefined && !FILTER_POLICY_SCOPES.includes(scope as FilterPolicyScope)) {
      throw invalidParameter(`Invalid parameter: FilterPolicyScope: Invalid value [${scope}]. Please use either MessageBody or MessageAttributes`);
    }
    if (attributes.RedrivePolicy) this.checkRedrivePolicy(attributes.RedrivePolicy, fifoSubscription);
    if (attributes.FilterPolicy === undefined || attributes.FilterPolicy === '') return undefined;
    try {
      return parseFilterPolicy(attributes.FilterPolicy, (scope as FilterPolicyScope | undefined) ?? 'MessageAttributes');
    } catch (error) {
      if (!(error instanceof FilterPolicyError)) throw error;
      throw invalidParameter(error.bare ? `Invalid parameter: ${error.detail}` : `${prefix}FilterPolicy: ${error.detail}`);
    }
  }

  private checkRedrivePolicy(text: string, fifoSubscription: boolean): void {
    let parsed: { deadLetterTargetArn?: unknown };
    try {
      parsed = JSON.parse(text) as { deadLetterTargetArn?: unknown };
    } catch (error) {
      throw invalidParameter(`Invalid parameter: RedrivePolicy: failed to parse JSON. ${(error as Error).message}`);
    }
    const target = parsed?.deadLetterTargetArn;
    if (typeof target !== 'string' || target.split(':').length !== 6) throw invalidParameter('Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn');
    if (fifoSubscription && !target.endsWith('.fifo')) {
      throw invalidParameter('Invalid parameter: RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.');
    }
  }

  ConfirmSubscription(input: Input): Result {
    const topicArn = str(input, 'TopicArn');
    const parts = topicArn?.split(':') ?? [];
    if (parts.length !== 6 || parts[3] !== this.context.region || !this.state.topics.has(topicArn!)) throw invalidParameter('Invalid parameter: Topic');
    const subscriptionArn = this.state.tokens.get(str(input, 'Token') ?? '');
    const subscription = subscriptionArn ? this.state.subscriptions.get(subscriptionArn) : undefined;
    if (!subscription || subscription.topicArn !== topicArn) throw invalidParameter('Invalid parameter: Token');
    subscription.confirmed = true;
    return { SubscriptionArn: subscription.arn };
  }

  Unsubscribe(input: Input): Result {
    const arn = str(input, 'SubscriptionArn');
    const parts = checkArn(arn, 'SubscriptionArn');
    if (parts.length < 7) throw invalidParameter('Invalid parameter: SubscriptionId');
    const subscription = this.state.subscriptions.get(arn!);
    if (subscription && (subscription.protocol === 'http' || subscription.protocol === 'https')) {
      // Restoring a subscription through this link is not emulated, so its token is not registered.
      this.deliverer.confirm(subscription, 'UnsubscribeConfirmation', confirmationToken(subscription.arn), randomUUID());
    }
    this.removeSubscription(arn!);
    return {};
  }

  private removeSubscription(arn: string): void {
    const subscription = this.state.subscriptions.get(arn);
    if (!subscription) return;
    this.state.subscriptions.delete(arn);
    if (subscription.token) this.state.tokens.delete(subscription.token);
    const topic = this.state.topics.get(subscription.topicArn);
    if (topic) {
      topic.subscriptions.delete(arn);
      topic.deletedSubscriptions++;
    }
  }

  private describeSubscription(s: Subscription): Record<string, string> {
    return { SubscriptionArn: s.confirmed ? s.arn : 'PendingConfirmation', Owner: s.owner, Protocol: s.protocol, Endpoint: s.endpoint, TopicArn: s.topicArn };
  }

  ListSubscriptions(input: Input): Result {
    const { page, next } = paginate([...this.state.subscriptions.values()], str(input, 'NextToken'));
    return { Subscriptions: page.map((s) => this.describeSubscription(s)), NextToken: next };
  }

  ListSubscriptionsByTopic(input: Input): Result {
    const topic = this.topic(str(input, 'TopicArn'));
    const subs = [...topic.subscriptions].map((arn) => this.state.subscriptions.get(arn)!);
    const { page, next } = paginate(subs, str(input, 'NextToken'));
    return { Subscriptions: page.map((s) => this.describeSubscription(s)), NextToken: next };
  }

  GetSubscriptionAttributes(input: Input): Result {
    const s = this.subscription(str(input, 'SubscriptionArn'));
    const attributes: Record<string, string> = {
      ConfirmationWasAuthenticated: String(s.confirmed),
      PendingConfirmation: String(!s.confirmed),
      Owner: s.owner,
      RawMessageDelivery: 'false',
      TopicArn: s.topicArn,
      Endpoint: s.endpoint,
      Protocol: s.protocol,
      SubscriptionArn: s.arn,
      SubscriptionPrincipal: `arn:aws:iam::${this.context.accountId}:user/localcloud`,
      ...s.attributes,
    };
    if (s.attributes.FilterPolicy && !s.attributes.FilterPolicyScope) attributes.FilterPolicyScope = 'MessageAttributes';
    if (s.protocol === 'http' || s.protocol === 'https') attributes.EffectiveDeliveryPolicy = JSON.stringify({ healthyRetryPolicy: this.effectiveRetry(s) });
    return { Attributes: attributes };
  }

  private effectiveRetry(s: Subscription) {
    const topic = this.state.topics.get(s.topicArn);
    const parse = (text: string | undefined, pick: (v: any) => unknown) => {
      try {
        return text ? (pick(JSON.parse(text)) as object | undefined) : undefined;
      } catch {
        return undefined;
      }
    };
    return {
      minDelayTarget: 20, maxDelayTarget: 20, numRetries: 3, numMaxDelayRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: 'linear',
      ...parse(topic?.attributes.DeliveryPolicy, (v) => v.http?.defaultHealthyRetryPolicy),
      ...parse(s.attributes.DeliveryPolicy, (v) => v.healthyRetryPolicy),
    };
  }

  SetSubscriptionAttributes(input: Input): Result {
    const s = this.subscription(str(input, 'SubscriptionArn'));
    const name = required(input, 'AttributeName');
    const value = str(input, 'AttributeValue') ?? '';
    // Validate the attribute in the context of the others (FilterPolicyScope changes how FilterPolicy is read).
    const next = { ...s.attributes, [name]: value };
    const fifoSubscription = this.state.topics.get(s.topicArn)?.fifo === true && s.endpoint.endsWith('.fifo');
    const filterPolicy = this.checkSubscriptionAttributes(next, 'Invalid parameter: ', fifoSubscription);
    if (value === '' && (name === 'FilterPolicy' || name === 'RedrivePolicy' || name === 'DeliveryPolicy')) delete next[name];
    s.attributes = next;
    s.filterPolicy = filterPolicy;
    return {};
  }

  // ---- publishing -------------------------------------------------------------------------------

  Publish(input: Input): Result {
    const topicArn = str(input, 'TopicArn') ?? str(input, 'TargetArn');
    const phoneNumber = str(input, 'PhoneNumber');
    const message = str(input, 'Message');
    if (message === undefined) throw missingParameter('message');
    const options: PublishOptions = {
      subject: str(input, 'Subject'),
      messageAttributes: (input.MessageAttributes as SqsMessageAttributes | undefined) ?? {},
      messageStructure: str(input, 'MessageStructure'),
      groupId: str(input, 'MessageGroupId'),
      dedupId: str(input, 'MessageDeduplicationId'),
    };
    if (phoneNumber !== undefined && topicArn === undefined) return this.sms.publishToPhone(phoneNumber, message, options);
    if (topicArn === undefined) throw invalidParameter('Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter');
    const parameter = str(input, 'TopicArn') !== undefined ? 'TopicArn' : 'TargetArn';
    const parts = checkArn(topicArn, parameter);
    if (parameter === 'TargetArn' && parts[5]?.startsWith('endpoint/')) throw invalidParameter('Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified');
    const { messageId, sequenceNumber } = this.publish(topicArn, message, options);
    return { MessageId: messageId, SequenceNumber: sequenceNumber };
  }

  /** Validates and fans out one message; the internal API and PublishBatch use it too. Throws `SnsError`. */
  publish(topicArn: string, message: string, options: PublishOptions = {}): { messageId: string; sequenceNumber?: string } {
    const topic = this.topic(topicArn);
    const attributes = options.messageAttributes ?? {};
    if (message === '') throw invalidParameter('Invalid parameter: Empty message');
    checkSubject(options.subject);
    validateMessageAttributes(attributes);
    const limit = Number(topic.attributes.MaximumMessageSize ?? DEFAULT_MAX_MESSAGE_BYTES);
    if (Buffer.byteLength(message) + attributesSize(attributes) > limit) throw invalidParameter('Invalid parameter: Message too long');
    const perProtocol = this.resolveStructure(message, options.messageStructure);

    let dedupId: string | undefined;
    if (topic.fifo) {
      if (!options.groupId) throw invalidParameter('Invalid parameter: The MessageGroupId parameter is required for FIFO topics');
      dedupId = options.dedupId;
      if (!dedupId) {
        if (topic.attributes.ContentBasedDeduplication !== 'true') {
          throw invalidParameter('Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
        }
        dedupId = hash('sha256', message, 'hex');
      }
      const now = this.now();
      for (const [id, entry] of topic.dedup) if (entry.expires <= now) topic.dedup.delete(id);
      const duplicate = topic.dedup.get(dedupId);
      if (duplicate) return { messageId: duplicate.messageId, sequenceNumber: duplicate.sequenceNumber };
    } else if (options.dedupId !== undefined) {
      throw invalidParameter('Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type');
    }

    const messageId = randomUUID();
    const sequenceNumber = topic.fifo ? String(topic.nextSequence++).padStart(20, '0') : undefined;
    if (topic.fifo) topic.dedup.set(dedupId!, { expires: this.now() + DEDUP_WINDOW_MS, messageId, sequenceNumber: sequenceNumber! });
    const base = { messageId, topicArn: topic.arn, subject: options.subject, timestamp: this.now(), messageAttributes: attributes, sequenceNumber, groupId: topic.fifo ? options.groupId : undefined, dedupId };

    for (const subscriptionArn of topic.subscriptions) {
      const subscription = this.state.subscriptions.get(subscriptionArn);
      if (!subscription || !subscription.confirmed) continue;
      const notification: SnsNotification = { ...base, message: perProtocol(subscription.protocol) };
      if (subscription.filterPolicy && !matchesFilterPolicy(subscription.filterPolicy, attributes, message)) {
        if (this.context.events.hasListeners) {
          this.context.events.emit({ type: 'delivery', service: 'sns', action: 'Notification', resource: subscription.arn, time: this.now(), detail: { protocol: subscription.protocol, endpoint: subscription.endpoint, topicArn: topic.arn, messageId, status: 'filtered' } });
        }
        continue;
      }
      this.deliverer.deliver(subscription, notification);
    }
    return { messageId, sequenceNumber };
  }

  /** MessageStructure=json: one message per protocol, `default` for the rest. */
  private resolveStructure(message: string, structure: string | undefined): (protocol: string) => string {
    if (structure === undefined) return () => message;
    if (structure !== 'json') throw invalidParameter('Invalid parameter: MessageStructure');
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      throw invalidParameter('Invalid parameter: Message Structure - JSON message body failed to parse');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidParameter('Invalid parameter: Message Structure - JSON message body failed to parse');
    const messages = parsed as Record<string, unknown>;
    if (typeof messages.default !== 'string') throw invalidParameter('Invalid parameter: Message Structure - No default entry in JSON message body');
    return (protocol) => (typeof messages[protocol] === 'string' ? (messages[protocol] as string) : (messages.default as string));
  }

  PublishBatch(input: Input): Result {
    const topic = this.topic(str(input, 'TopicArn'));
    const entries = (input.PublishBatchRequestEntries as Input[] | undefined) ?? [];
    if (entries.length === 0) throw new SnsError('EmptyBatchRequest', 400, "The batch request doesn't contain any entries.");
    if (entries.length > MAX_BATCH_ENTRIES) throw new SnsError('TooManyEntriesInBatchRequest', 400, 'The batch request contains more entries than permissible.');
    const ids = new Set<string>();
    let totalBytes = 0;
    for (const entry of entries) {
      const id = str(entry, 'Id') ?? '';
      if (id.length > 80) throw new SnsError('InvalidBatchEntryId', 400, `The Id of a batch entry in the batch request is too long: ${id}`);
      if (!BATCH_ID.test(id)) throw new SnsError('InvalidBatchEntryId', 400, `The Id of a batch entry in the batch request contains an impermissible character: ${id}`);
      if (ids.has(id)) throw new SnsError('BatchEntryIdsNotDistinct', 400, 'Two or more batch entries in the request have the same Id.');
      ids.add(id);
      totalBytes += Buffer.byteLength(str(entry, 'Message') ?? '') + attributesSize((entry.MessageAttributes as SqsMessageAttributes | undefined) ?? {});
    }
    if (totalBytes > Number(topic.attributes.MaximumMessageSize ?? DEFAULT_MAX_MESSAGE_BYTES)) {
      throw new SnsError('BatchRequestTooLong', 400, 'The length of all the messages put together is more than the limit.');
    }
    const successful: Result[] = [];
    const failed: Result[] = [];
    for (const entry of entries) {
      const id = str(entry, 'Id')!;
      try {
        const message = str(entry, 'Message');
        if (message === undefined) throw missingParameter('message');
        const result = this.publish(topic.arn, message, {
          subject: str(entry, 'Subject'),
          messageAttributes: (entry.MessageAttributes as SqsMessageAttributes | undefined) ?? {},
          messageStructure: str(entry, 'MessageStructure'),
          groupId: str(entry, 'MessageGroupId'),
          dedupId: str(entry, 'MessageDeduplicationId'),
        });
        successful.push({ Id: id, MessageId: result.messageId, SequenceNumber: result.sequenceNumber });
      } catch (error) {
        if (!(error instanceof SnsError)) throw error;
        failed.push({ Id: id, Code: error.code, Message: error.message, SenderFault: error.fault === 'Sender' });
      }
    }
    return { Successful: successful, Failed: failed };
  }

  // ---- tags ---------------------------------------------------------------------------------------

  private tagged(input: Input): Topic {
    const arn = str(input, 'ResourceArn');
    checkArn(arn, 'ResourceArn');
    const topic = this.state.topics.get(arn!);
    if (!topic) throw resourceNotFound();
    return topic;
  }

  TagResource(input: Input): Result {
    const topic = this.tagged(input);
    const tags = (input.Tags as Array<{ Key: string; Value: string }> | undefined) ?? [];
    const merged = new Map(topic.tags);
    for (const { Key, Value } of tags) merged.set(Key, Value ?? '');
    if (merged.size > MAX_TAGS) throw new SnsError('TagLimitExceeded', 400, 'Could not complete request: tag quota of per resource exceeded');
    topic.tags = merged as Map<string, string>;
    return {};
  }

  UntagResource(input: Input): Result {
    const topic = this.tagged(input);
    for (const key of (input.TagKeys as string[] | undefined) ?? []) topic.tags.delete(key);
    return {};
  }

  ListTagsForResource(input: Input): Result {
    const topic = this.tagged(input);
    return { Tags: [...topic.tags].map(([Key, Value]) => ({ Key, Value })) };
  }


}

/** Long, unguessable and hex like AWS's tokens. */
const confirmationToken = (subscriptionArn: string): string =>
  hash('sha256', `${subscriptionArn}:${randomUUID()}`, 'hex') + randomUUID().replace(/-/g, '');

function defaultTopicAttribute(name: string, topic: Topic): string {
  const account = topic.arn.split(':')[4];
  if (name === 'Policy') {
    return JSON.stringify({
      Version: '2008-10-17',
      Id: '__default_policy_ID',
      Statement: [{
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:AddPermission', 'SNS:RemovePermission', 'SNS:DeleteTopic', 'SNS:Subscribe', 'SNS:ListSubscriptionsByTopic', 'SNS:Publish'],
        Resource: topic.arn,
        Condition: { StringEquals: { 'AWS:SourceOwner': account } },
      }],
    });
  }
  if (name === 'EffectiveDeliveryPolicy') {
    return JSON.stringify({ http: { defaultHealthyRetryPolicy: { minDelayTarget: 20, maxDelayTarget: 20, numRetries: 3, numMaxDelayRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: 'linear' }, disableSubscriptionOverrides: false, defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' } } });
  }
  if (name === 'FifoTopic') return String(topic.fifo);
  if (name === 'ContentBasedDeduplication' && topic.fifo) return 'false';
  return '';
}

