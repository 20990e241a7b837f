/**
 * SQS operations as AWS documents them. Inputs and outputs use the JSON-protocol shapes (protocol.ts converts the
 * query protocol to and from them); this file knows nothing of HTTP.
 */
import type { Clock } from '../core/clock.ts';
import type { SqsMessageAttributes, SqsMessageAttributeValue, SqsPeekedMessage } from './api.ts';
import { md5Hex, md5OfAttributes, sha256Hex } from './digest.ts';
import { errors, SqsError, batchEntryCode } from './errors.ts';
import { MessageState, QueueState, type QueueConfig, type StoredMessage } from './state.ts';

export interface SqsFaultHooks {
  /** True when an injected fault of `kind` should happen now for this queue (emits the fault event). */
  roll(operation: string, queueArn: string, kind: 'duplicate' | 'reorder'): boolean;
}

export interface SqsEnvironment {
  clock: Clock;
  region: string;
  accountId: string;
  endpoint(): string;
  newId(): string;
  faults?: SqsFaultHooks;
}

// Loosely typed input after protocol.ts checked the field types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Input = Record<string, any>;
export type Output = Record<string, unknown>;

const DEFAULT_SENDER = 'AIDAIT2UOQQY3AUEKVGXU';
const MAX_VISIBILITY = 43_200;
const DEDUP_WINDOW_MS = 5 * 60_000;
const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const BATCH_ID = /^[A-Za-z0-9_-]{1,80}$/;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,256}$/;
const GROUP_ID = /^[\x21-\x7e]{1,128}$/;
// Characters SQS accepts in bodies and string attribute values; the plain-ASCII test is a fast path for most bodies.
const INVALID_CHARS = /[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const PLAIN_ASCII = /^[\x09\x0a\x0d\x20-\x7e]*$/;
const hasInvalidChars = (text: string) => !PLAIN_ASCII.test(text) && INVALID_CHARS.test(text);

interface NumericAttribute {
  min: number;
  max: number;
}
const numericAttributes: Record<string, NumericAttribute> = {
  DelaySeconds: { min: 0, max: 900 },
  MaximumMessageSize: { min: 1024, max: 1_048_576 },
  MessageRetentionPeriod: { min: 60, max: 1_209_600 },
  ReceiveMessageWaitTimeSeconds: { min: 0, max: 20 },
  VisibilityTimeout: { min: 0, max: MAX_VISIBILITY },
};
const defaults = { DelaySeconds: 0, MaximumMessageSize: 1_048_576, MessageRetentionPeriod: 345_600, ReceiveMessageWaitTimeSeconds: 0, VisibilityTimeout: 30 };
const stringAttributes = new Set(['Policy', 'RedrivePolicy', 'RedriveAllowPolicy', 'KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'SqsManagedSseEnabled']);
const fifoAttributes = new Set(['ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit']);
const readOnlyAttributes = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'QueueArn',
];
const systemAttributeNames = [
  'SenderId',
  'SentTimestamp',
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
  'SequenceNumber',
  'MessageDeduplicationId',
  'MessageGroupId',
  'AWSTraceHeader',
  'DeadLetterQueueSourceArn',
];

const seconds = (ms: number) => Math.floor(ms / 1000).toString();
const isInteger = (value: unknown) => typeof value === 'number' ? Number.isInteger(value) : typeof value === 'string' && /^-?\d+$/.test(value);

export class SqsService {
  readonly queues = new Map<string, QueueState>();
  private handleCounter = 0;

  constructor(private readonly env: SqsEnvironment) {}

  // ---------------------------------------------------------------- queue lookup

  /** Finds a queue by URL (any host), ARN or plain name. */
  find(ref: string): QueueState | undefined {
    const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf(':') + 1) : ref.slice(ref.lastIndexOf('/') + 1);
    return this.queues.get(name);
  }

  resolve(ref: unknown, parameter = 'QueueUrl'): QueueState {
    if (typeof ref !== 'string' || ref === '') throw errors.missing(parameter);
    const queue = this.find(ref);
    if (!queue) throw errors.queueDoesNotExist();
    return queue;
  }

  private now(): number {
    return this.env.clock.now();
  }

  // ---------------------------------------------------------------- queues

  CreateQueue(input: Input): Output {
    const name = input.QueueName;
    if (typeof name !== 'string' || name === '') throw errors.missing('QueueName');
    const attributes: Record<string, string> = { ...(input.Attributes ?? {}) };
    const fifo = attributes.FifoQueue === 'true';
    if (attributes.FifoQueue !== undefined && attributes.FifoQueue !== 'true' && attributes.FifoQueue !== 'false') {
      throw errors.invalidAttributeValue('FifoQueue');
    }
    if (fifo !== name.endsWith('.fifo') || !QUEUE_NAME.test(fifo ? name.slice(0, -5) : name)) {
      throw errors.invalidParameter(
        fifo || name.endsWith('.fifo')
          ? 'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.'
          : 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
      );
    }
    delete attributes.FifoQueue;
    const existing = this.queues.get(name);
    if (existing) {
      const current = this.attributesOf(existing);
      for (const [key, value] of Object.entries(attributes)) {
        if (current[key] !== String(value)) {
          throw new SqsError('QueueNameExists', `A queue already exists with the same name and a different value for attribute ${key}`);
        }
      }
      return { QueueUrl: existing.url };
    }
    const config: QueueConfig = { ...defaults, extra: fifo ? { FifoQueue: 'true', ContentBasedDeduplication: 'false', DeduplicationScope: 'queue', FifoThroughputLimit: 'perQueue' } : {} };
    config.extra.SqsManagedSseEnabled = 'true';
    const queue = new QueueState(
      name,
      `${this.env.endpoint()}/${this.env.accountId}/${name}`,
      `arn:aws:sqs:${this.env.region}:${this.env.accountId}:${name}`,
      fifo,
      config,
      this.now(),
    );
    this.applyAttributes(queue, attributes);
    for (const [key, value] of Object.entries<string>(input.tags ?? {})) queue.tags.set(key, value);
    this.queues.set(name, queue);
    return { QueueUrl: queue.url };
  }

  GetQueueUrl(input: Input): Output {
    const queue = this.queues.get(this.required(input, 'QueueName'));
    if (!queue) throw errors.queueDoesNotExist();
    return { QueueUrl: queue.url };
  }

  ListQueues(input: Input): Output {
    const prefix: string = input.QueueNamePrefix ?? '';
    const max = input.MaxResults;
    if (max !== undefined && (!isInteger(max) || Number(max) < 1 || Number(max) > 1000)) {
      throw errors.invalidValue('MaxResults', max, 'MaxResults must be an integer between 1 and 1000.');
    }
    let names = [...this.queues.keys()].filter((n) => n.startsWith(prefix)).sort();
    if (input.NextToken !== undefined) {
      const after = Buffer.from(String(input.NextToken), 'base64url').toString('utf8');
      names = names.filter((n) => n > after);
    }
    const limit = max === undefined ? 1000 : Number(max);
    const page = names.slice(0, limit);
    const output: Output = {};
    if (page.length > 0) output.QueueUrls = page.map((n) => this.queues.get(n)!.url);
    if (max !== undefined && names.length > limit) output.NextToken = Buffer.from(page[page.length - 1], 'utf8').toString('base64url');
    return output;
  }

  DeleteQueue(input: Input): Output {
    const queue = this.resolve(input.QueueUrl);
    this.queues.delete(queue.name);
    queue.wakeTimer?.cancel();
    queue.purge();
    this.notify(queue);
    return {};
  }

  PurgeQueue(input: Input): Output {
    const queue = this.resolve(input.QueueUrl);
    const now = this.now();
    if (now - queue.lastPurge < 60_000) {
      throw new SqsError('PurgeQueueInProgress', `Only one PurgeQueue operation on ${queue.name} is allowed every 60 seconds.`);
    }
    queue.lastPurge = now;
    queue.purge();
    return {};
  }

  GetQueueAttributes(input: Input): Output {
    const queue = this.resolve(input.QueueUrl);
    const all = this.attributesOf(queue);
    const names: string[] = input.AttributeNames ?? [];
    const known = new Set([...Object.keys(numericAttributes), ...stringAttributes, ...fifoAttributes, ...readOnlyAttributes, 'FifoQueue', 'All']);
    for (const name of names) if (!known.has(name)) throw errors.unknownAttribute(name);
    const wanted = names.includes('All') ? Object.keys(all) : names;
    const Attributes: Record<string, string> = {};
    for (const name of wanted) if (all[name] !== undefined) Attributes[name] = all[name];
    return Object.keys(Attributes).length > 0 ? { Attributes } : {};
  }

  SetQueueAttributes(input: Input): Output {
    const queue = this.resolve(input.QueueUrl);
    const attributes: Record<string, string> = input.Attributes ?? {};
    if ('FifoQueue' in attributes) throw new SqsError('InvalidAttributeName', 'Unknown Attribute FifoQueue.');
    this.applyAttributes(queue, attributes);
    queue.lastModified = this.now();
    return {};
  }

  TagQueue(input: Input): Output {
    const queue = this.resolve(input.QueueUrl);
    const tags: Record<string, string> = input.Tags ?? {};
    if (Object.keys(tags).length === 0) throw errors.missing('Tags');
    for (const [key, value] of Object.entries(tags)) queue.tags.set(key, String(value));
    if (queue.tags.size > 50) throw errors.invalidParameter('Too many tags added for queue ' + queue.name + '.');
    return {};
  }

  UntagQueue(input: Input): Output {
    const queue = this.resolve(input.QueueUrl);
    const keys: string[] = input.TagKeys ?? [];
    if (keys.length === 0) throw errors.missing('TagKeys');
    for (const key of keys) queue.tags.delete(key);
    return {};
  }

  ListQueueTags(input: Input): Output {
    const queue = this.resolve(input.QueueUrl);
    return queue.tags.size > 0 ? { Tags: Object.fromEntries(queue.tags) } : {};
  }

  ListDeadLetterSourceQueues(input: Input): Output {
    const target = this.resolve(input.QueueUrl);
    const sources = [...this.queues.values()].filter((q) => q.redrive?.targetArn === target.arn).map((q) => q.url).sort();
    return { queueUrls: sources };
  }

  /** Every attribute as GetQueueAttributes `All` returns it. */
  attributesOf(queue: QueueState): Record<string, string> {
    queue.settle(this.now());
    const { extra, ...numbers } = queue.config;
    const result: Record<string, string> = {
      QueueArn: queue.arn,
      ApproximateNumberOfMessages: String(queue.visibleCount),
      ApproximateNumberOfMessagesNotVisible: String(queue.inflightCount),
      ApproximateNumberOfMessagesDelayed: String(queue.delayedCount),
      CreatedTimestamp: seconds(queue.created),
      LastModifiedTimestamp: seconds(queue.lastModified),
    };
    for (const [key, value] of Object.entries(numbers)) result[key] = String(value);
    return { ...result, ...extra };
  }

  private applyAttributes(queue: QueueState, attributes: Record<string, string>): void {
    // Validate everything first so a bad attribute changes nothing.
    const changes: Array<() => void> = [];
    for (const [name, raw] of Object.entries(attributes)) {
      const value = String(raw);
      const numeric = numericAttributes[name];
      if (numeric) {
        if (!isInteger(value) || Number(value) < numeric.min || Number(value) > numeric.max) throw errors.invalidAttributeValue(name);
        changes.push(() => ((queue.config as unknown as Record<string, number>)[name] = Number(value)));
      } else if (name === 'RedrivePolicy') {
        const redrive = value === '' ? undefined : this.parseRedrive(queue, value);
        changes.push(() => {
          queue.redrive = redrive;
          if (redrive) queue.config.extra.RedrivePolicy = JSON.stringify({ deadLetterTargetArn: redrive.targetArn, maxReceiveCount: redrive.maxReceiveCount });
          else delete queue.config.extra.RedrivePolicy;
        });
      } else if (stringAttributes.has(name)) {
        if (name === 'SqsManagedSseEnabled' && value !== 'true' && value !== 'false') throw errors.invalidAttributeValue(name);
        changes.push(() => (queue.config.extra[name] = value));
      } else if (fifoAttributes.has(name) && queue.fifo) {
        const allowed: Record<string, string[]> = {
          ContentBasedDeduplication: ['true', 'false'],
          DeduplicationScope: ['queue', 'messageGroup'],
          FifoThroughputLimit: ['perQueue', 'perMessageGroupId'],
        };
        if (!allowed[name].includes(value)) throw errors.invalidAttributeValue(name);
        changes.push(() => (queue.config.extra[name] = value));
      } else {
        throw errors.unknownAttribute(name);
      }
    }
    for (const change of changes) change();
  }

  private parseRedrive(queue: QueueState, value: string): { targetArn: string; maxReceiveCount: number } {
    const invalid = (reason: string) => errors.invalidValue('RedrivePolicy', value, reason);
    let policy: { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    try {
      policy = JSON.parse(value);
    } catch {
      throw invalid('Redrive policy is not a valid JSON map.');
    }
    if (typeof policy !== 'object' || policy === null) throw invalid('Redrive policy is not a valid JSON map.');
    if (typeof policy.deadLetterTargetArn !== 'string') throw invalid('Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
    const count = Number(policy.maxReceiveCount);
    if (!isInteger(policy.maxReceiveCount) || count < 1 || count > 1000) throw invalid('Invalid value for maxReceiveCount: ' + String(policy.maxReceiveCount) + ', valid values are from 1 to 1000 both inclusive.');
    const target = this.find(policy.deadLetterTargetArn);
    if (!target || target.arn !== policy.deadLetterTargetArn) throw invalid('Dead letter target does not exist.');
    if (target.fifo !== queue.fifo) throw invalid('Dead-letter queue must be same type of queue as the source.');
    return { targetArn: target.arn, maxReceiveCount: count };
  }

  // ---------------------------------------------------------------- sending

  SendMessage(input: Input, senderId?: string): Output {
    const queue = this.resolve(input.QueueUrl);
    return this.sendOne(queue, input, senderId);
  }

  SendMessageBatch(input: Input, senderId?: string): Output {
    const queue = this.resolve(input.QueueUrl);
    const entries = this.batchEntries(input.Entries, 'SendMessageBatchRequestEntry');
    const total = entries.reduce((sum: number, e: Input) => sum + this.messageSize(e.MessageBody, e.MessageAttributes), 0);
    if (total > queue.config.MaximumMessageSize) {
      throw new SqsError('BatchRequestTooLong', `Batch requests cannot be longer than ${queue.config.MaximumMessageSize} bytes. You have sent ${total} bytes.`);
    }
    return this.runBatch(entries, (entry) => ({ Id: entry.Id, ...this.sendOne(queue, entry, senderId) }));
  }

  private sendOne(queue: QueueState, input: Input, senderId?: string): Output {
    const body = input.MessageBody;
    if (typeof body !== 'string' || body === '') throw errors.missing('MessageBody');
    if (hasInvalidChars(body)) throw errors.invalidContents();
    const attributes = this.validateAttributes(input.MessageAttributes);
    const size = this.messageSize(body, attributes);
    if (size > queue.config.MaximumMessageSize) {
      throw errors.invalidParameter(`One or more parameters are invalid. Reason: Message must be shorter than ${queue.config.MaximumMessageSize} bytes.`);
    }
    const traceHeader = input.MessageSystemAttributes?.AWSTraceHeader?.StringValue;
    const now = this.now();
    let delay = queue.config.DelaySeconds;
    let groupId: string | undefined = input.MessageGroupId;
    let dedupId: string | undefined = input.MessageDeduplicationId;
    if (groupId !== undefined && !GROUP_ID.test(groupId)) {
      throw errors.invalidParameter('MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.');
    }
    if (queue.fifo) {
      if (input.DelaySeconds !== undefined && Number(input.DelaySeconds) !== 0) {
        throw errors.invalidValue('DelaySeconds', input.DelaySeconds, 'The request include parameter that is not valid for this queue type.');
      }
      if (groupId === undefined) throw errors.missing('MessageGroupId');
      if (dedupId === undefined) {
        if (queue.config.extra.ContentBasedDeduplication !== 'true') {
          throw errors.invalidParameter('The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
        }
        dedupId = sha256Hex(body);
      } else if (!/^[\x21-\x7e]{1,128}$/.test(dedupId)) {
        throw errors.invalidParameter('MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 in length.');
      }
    } else {
      if (dedupId !== undefined) {
        throw errors.invalidValue('MessageDeduplicationId', dedupId, 'The request include parameter that is not valid for this queue type.');
      }
      if (input.DelaySeconds !== undefined) {
        const requested = Number(input.DelaySeconds);
        if (!isInteger(input.DelaySeconds) || requested < 0 || requested > 900) {
          throw errors.invalidValue('DelaySeconds', input.DelaySeconds, 'DelaySeconds must be >= 0 and <= 900.');
        }
        delay = requested;
      }
    }

    const md5Body = md5Hex(body);
    const md5Attributes = attributes ? md5OfAttributes(attributes) : undefined;
    const md5System = traceHeader !== undefined ? md5OfAttributes({ AWSTraceHeader: { DataType: 'String', StringValue: traceHeader } }) : undefined;
    if (queue.fifo) {
      const key = queue.config.extra.DeduplicationScope === 'messageGroup' ? `${groupId}\u0000${dedupId}` : dedupId!;
      this.expireDedup(queue, now);
      const seen = queue.dedup.get(key);
      if (seen) return this.sendResult(seen.messageId, md5Body, md5Attributes, md5System, seen.sequenceNumber);
      const message = this.newMessage(body, md5Body, attributes, md5Attributes, size, now, senderId, traceHeader);
      message.groupId = groupId;
      message.dedupId = dedupId;
      message.sequenceNumber = queue.nextSequenceNumber();
      queue.dedup.set(key, { expires: now + DEDUP_WINDOW_MS, messageId: message.id, sequenceNumber: message.sequenceNumber });
      this.enqueue(queue, message, delay);
      return this.sendResult(message.id, md5Body, md5Attributes, md5System, message.sequenceNumber);
    }
    const message = this.newMessage(body, md5Body, attributes, md5Attributes, size, now, senderId, traceHeader);
    if (groupId !== undefined) message.groupId = groupId;
    this.enqueue(queue, message, delay);
    return this.sendResult(message.id, md5Body, md5Attributes, md5System);
  }

  private sendResult(messageId: string, md5Body: string, md5Attributes?: string, md5System?: string, sequenceNumber?: string): Output {
    const result: Output = { MessageId: messageId, MD5OfMessageBody: md5Body };
    if (md5Attributes) result.MD5OfMessageAttributes = md5Attributes;
    if (md5System) result.MD5OfMessageSystemAttributes = md5System;
    if (sequenceNumber) result.SequenceNumber = sequenceNumber;
    return result;
  }

  private newMessage(
    body: string,
    md5Body: string,
    attributes: SqsMessageAttributes | undefined,
    md5Attributes: string | undefined,
    size: number,
    now: number,
    senderId: string | undefined,
    traceHeader: string | undefined,
  ): StoredMessage {
    const message: StoredMessage = {
      id: this.env.newId(),
      body,
      md5Body,
      size,
      sent: now,
      senderId: senderId ?? DEFAULT_SENDER,
      receiveCount: 0,
      firstReceive: 0,
      receivedAt: 0,
      visibleAt: now,
      state: MessageState.Visible,
      version: 0,
    };
    if (attributes) [message.attributes, message.md5Attributes] = [attributes, md5Attributes];
    if (traceHeader !== undefined) message.traceHeader = traceHeader;
    return message;
  }

  private enqueue(queue: QueueState, message: StoredMessage, delaySeconds: number): void {
    queue.enqueue(message, this.now(), delaySeconds * 1000);
    if (delaySeconds === 0) this.notify(queue);
    else this.armWake(queue);
  }

  private expireDedup(queue: QueueState, now: number): void {
    for (const [key, entry] of queue.dedup) {
      if (entry.expires > now) break;
      queue.dedup.delete(key);
    }
  }

  private messageSize(body: unknown, attributes: SqsMessageAttributes | undefined): number {
    let size = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : 0;
    for (const [name, value] of Object.entries(attributes ?? {})) {
      size += Buffer.byteLength(name) + Buffer.byteLength(value?.DataType ?? '');
      size += value?.BinaryValue !== undefined ? Buffer.from(value.BinaryValue, 'base64').length : Buffer.byteLength(value?.StringValue ?? '');
    }
    return size;
  }

  private validateAttributes(raw: unknown): SqsMessageAttributes | undefined {
    if (raw === undefined || raw === null) return undefined;
    const entries = Object.entries(raw as Record<string, SqsMessageAttributeValue>);
    if (entries.length === 0) return undefined;
    if (entries.length > 10) throw errors.invalidParameter(`Number of message attributes [${entries.length}] exceeds the allowed maximum [10].`);
    const result: SqsMessageAttributes = {};
    for (const [name, value] of entries) {
      if (!ATTRIBUTE_NAME.test(name) || /^(aws\.|amazon\.)/i.test(name) || name.includes('..') || name.startsWith('.') || name.endsWith('.')) {
        throw errors.invalidParameter(`Message (user) attribute name '${name}' is invalid.`);
      }
      const type = value?.DataType;
      if (typeof type !== 'string' || type === '') throw errors.invalidParameter(`The message attribute '${name}' must contain non-empty attribute type.`);
      const base = type.split('.')[0];
      if (base !== 'String' && base !== 'Number' && base !== 'Binary') {
        throw errors.invalidParameter(
          `The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`,
        );
      }
      const present = base === 'Binary' ? value.BinaryValue : value.StringValue;
      if (present === undefined || present === '') {
        throw errors.invalidParameter(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${base}'.`);
      }
      if (base === 'Number' && !Number.isFinite(Number(value.StringValue))) {
        throw errors.invalidParameter(`Can't cast the value of message (user) attribute '${name}' to a number.`);
      }
      if (base !== 'Binary' && hasInvalidChars(value.StringValue!)) throw errors.invalidContents();
      result[name] = base === 'Binary' ? { DataType: type, BinaryValue: value.BinaryValue } : { DataType: type, StringValue: value.StringValue };
    }
    return result;
  }

  // ---------------------------------------------------------------- receiving

  async ReceiveMessage(input: Input): Promise<Output> {
    const queue = this.resolve(input.QueueUrl);
    const max = this.boundedInteger(input, 'MaxNumberOfMessages', 1, 10, 1, 'Must be between 1 and 10, if provided.');
    const wait = this.boundedInteger(input, 'WaitTimeSeconds', 0, 20, queue.config.ReceiveMessageWaitTimeSeconds, 'Must be >= 0 and <= 20, if provided.');
    const visibility = this.boundedInteger(input, 'VisibilityTimeout', 0, MAX_VISIBILITY, queue.config.VisibilityTimeout, 'Must be between 0 and 43200, if provided.');
    const systemNames: string[] = [...(input.AttributeNames ?? []), ...(input.MessageSystemAttributeNames ?? [])];
    const attributeNames: string[] = input.MessageAttributeNames ?? [];
    const messages = await this.receive(queue, max, visibility, wait);
    if (messages.length === 0) return {};
    return { Messages: messages.map((m) => this.formatMessage(m, systemNames, attributeNames)) };
  }

  /** Receives with optional long polling; resolves early as soon as messages arrive. */
  receive(queue: QueueState, max: number, visibilitySeconds: number, waitSeconds: number): Promise<ReceivedSnapshot[]> {
    const now = this.receiveNow(queue, max, visibilitySeconds);
    if (now.length > 0 || waitSeconds === 0) return Promise.resolve(now);
    return new Promise((resolve) => {
      let finished = false;
      const finish = (messages: ReceivedSnapshot[]) => {
        if (finished) return;
        finished = true;
        deadline.cancel();
        queue.waiters.delete(waiter);
        resolve(messages);
      };
      const waiter = () => {
        if (!this.queues.has(queue.name)) return finish([]);
        const messages = this.receiveNow(queue, max, visibilitySeconds);
        if (messages.length > 0) finish(messages);
      };
      const deadline = this.env.clock.schedule(waitSeconds * 1000, () => finish([]));
      queue.waiters.add(waiter);
      this.armWake(queue);
    });
  }

  private receiveNow(queue: QueueState, max: number, visibilitySeconds: number): ReceivedSnapshot[] {
    const now = this.now();
    queue.settle(now);
    const retentionMs = queue.config.MessageRetentionPeriod * 1000;
    if (!queue.fifo && queue.visibleCount > 1 && this.env.faults?.roll('ReceiveMessage', queue.arn, 'reorder')) queue.rotateReady();
    const taken = queue.collect(max, (message) => {
      if (now - message.sent >= retentionMs) {
        queue.remove(message);
        return false;
      }
      if (queue.redrive && message.receiveCount >= queue.redrive.maxReceiveCount) {
        const target = this.find(queue.redrive.targetArn);
        if (target) {
          queue.remove(message);
          this.moveToDeadLetter(queue, target, message);
          return false;
        }
      }
      return true;
    });
    const snapshots: ReceivedSnapshot[] = [];
    for (const message of taken) {
      message.receiveCount++;
      if (message.firstReceive === 0) message.firstReceive = now;
      const handle = Buffer.from(`${queue.name} ${message.id} ${(++this.handleCounter).toString(36)} ${now.toString(36)}`, 'utf8').toString('base64');
      queue.markInflight(message, handle, now, visibilitySeconds * 1000);
      snapshots.push({ message, handle, receiveCount: message.receiveCount });
      if (!queue.fifo && this.env.faults?.roll('ReceiveMessage', queue.arn, 'duplicate')) {
        // At-least-once delivery: a copy with the same MessageId stays behind and is delivered again.
        const copy: StoredMessage = { ...message, handle: undefined, state: MessageState.Visible, version: 0 };
        queue.enqueue(copy, now, 0);
      }
    }
    if (taken.length > 0) this.armWake(queue);
    return snapshots;
  }

  private moveToDeadLetter(source: QueueState, target: QueueState, message: StoredMessage): void {
    const moved: StoredMessage = { ...message, handle: undefined, version: 0, sourceArn: source.arn };
    if (target.fifo) moved.sequenceNumber = target.nextSequenceNumber();
    this.enqueue(target, moved, 0);
  }

  private formatMessage(snapshot: ReceivedSnapshot, systemNames: string[], attributeNames: string[]): Output {
    const { message, handle } = snapshot;
    const output: Output = { MessageId: message.id, ReceiptHandle: handle, MD5OfBody: message.md5Body, Body: message.body };
    const system = this.systemAttributes(snapshot, systemNames);
    if (system) output.Attributes = system;
    const selected = selectAttributes(message.attributes, attributeNames);
    if (selected) {
      output.MessageAttributes = selected;
      output.MD5OfMessageAttributes = selected === message.attributes ? message.md5Attributes : md5OfAttributes(selected);
    }
    return output;
  }

  systemAttributes(snapshot: ReceivedSnapshot, names: string[]): Record<string, string> | undefined {
    if (names.length === 0) return undefined;
    const { message } = snapshot;
    const all: Record<string, string | undefined> = {
      SenderId: message.senderId,
      SentTimestamp: String(message.sent),
      ApproximateReceiveCount: String(snapshot.receiveCount),
      ApproximateFirstReceiveTimestamp: message.firstReceive ? String(message.firstReceive) : undefined,
      SequenceNumber: message.sequenceNumber,
      MessageDeduplicationId: message.dedupId,
      MessageGroupId: message.groupId,
      AWSTraceHeader: message.traceHeader,
      DeadLetterQueueSourceArn: message.sourceArn,
    };
    const wanted = names.includes('All') ? systemAttributeNames : names;
    const result: Record<string, string> = {};
    for (const name of wanted) if (all[name] !== undefined) result[name] = all[name]!;
    return Object.keys(result).length > 0 ? result : undefined;
  }

  // ---------------------------------------------------------------- deleting and visibility

  DeleteMessage(input: Input): Output {
    const queue = this.resolve(input.QueueUrl);
    this.deleteOne(queue, this.required(input, 'ReceiptHandle'));
    return {};
  }

  DeleteMessageBatch(input: Input): Output {
    const queue = this.resolve(input.QueueUrl);
    const entries = this.batchEntries(input.Entries, 'DeleteMessageBatchRequestEntry');
    return this.runBatch(entries, (entry) => {
      this.deleteOne(queue, this.required(entry, 'ReceiptHandle'));
      return { Id: entry.Id };
    });
  }

  ChangeMessageVisibility(input: Input): Output {
    const queue = this.resolve(input.QueueUrl);
    this.changeOne(queue, this.required(input, 'ReceiptHandle'), input.VisibilityTimeout);
    return {};
  }

  ChangeMessageVisibilityBatch(input: Input): Output {
    const queue = this.resolve(input.QueueUrl);
    const entries = this.batchEntries(input.Entries, 'ChangeMessageVisibilityBatchRequestEntry');
    return this.runBatch(entries, (entry) => {
      this.changeOne(queue, this.required(entry, 'ReceiptHandle'), entry.VisibilityTimeout);
      return { Id: entry.Id };
    });
  }

  /** Deletes the message of an in-flight receipt handle. A stale handle of this queue succeeds and deletes nothing, as AWS documents. */
  deleteOne(queue: QueueState, handle: string): void {
    this.checkHandle(queue, handle);
    queue.settle(this.now());
    const message = queue.inflight.get(handle);
    if (!message) return;
    queue.remove(message);
    if (queue.fifo) this.notify(queue);
  }

  changeOne(queue: QueueState, handle: string, timeout: unknown): void {
    if (timeout === undefined) throw errors.missing('VisibilityTimeout');
    const value = Number(timeout);
    if (!isInteger(timeout) || value < 0 || value > MAX_VISIBILITY) {
      throw errors.invalidValue('VisibilityTimeout', timeout, 'Must be between 0 and 43200, if provided.');
    }
    this.checkHandle(queue, handle);
    const now = this.now();
    queue.settle(now);
    const message = queue.inflight.get(handle);
    if (!message) throw errors.notInflight();
    if (now - message.receivedAt + value * 1000 > MAX_VISIBILITY * 1000) {
      throw errors.invalidValue('VisibilityTimeout', timeout, `Total VisibilityTimeout for the message is beyond the limit [${MAX_VISIBILITY} seconds]`);
    }
    queue.changeVisibility(message, now, value * 1000);
    if (value === 0 && queue.settle(now) > 0) this.notify(queue);
    else this.armWake(queue);
  }

  private checkHandle(queue: QueueState, handle: string): void {
    const decoded = Buffer.from(handle, 'base64').toString('utf8').split(' ');
    if (decoded.length !== 4 || decoded[0] !== queue.name) throw errors.invalidReceiptHandle(handle);
  }

  // ---------------------------------------------------------------- inspection

  peek(queue: QueueState): SqsPeekedMessage[] {
    queue.settle(this.now());
    const states = { [MessageState.Visible]: 'visible', [MessageState.Inflight]: 'inflight', [MessageState.Delayed]: 'delayed' } as const;
    return [...queue.allMessages()].map((m) => ({
      messageId: m.id,
      body: m.body,
      state: states[m.state as 0 | 1 | 2],
      attributes: this.systemAttributes({ message: m, handle: '', receiveCount: m.receiveCount }, ['All']) ?? {},
      messageAttributes: m.attributes ?? {},
    }));
  }

  // ---------------------------------------------------------------- waking long polls and watchers

  notify(queue: QueueState): void {
    if (queue.waiters.size === 0 && queue.watchers.size === 0) return; // the common case on every send
    for (const waiter of [...queue.waiters]) waiter();
    for (const watcher of [...queue.watchers]) watcher();
    this.armWake(queue);
  }

  /** Keeps one timer per queue at the next moment a message becomes visible, while anyone waits. */
  armWake(queue: QueueState): void {
    if (queue.waiters.size === 0 && queue.watchers.size === 0) return;
    const at = queue.pending.peekTime();
    if (at === undefined || (queue.wakeTimer && queue.wakeAt <= at)) return;
    queue.wakeTimer?.cancel();
    queue.wakeAt = at;
    queue.wakeTimer = this.env.clock.schedule(at - this.now(), () => {
      queue.wakeTimer = undefined;
      queue.wakeAt = Infinity;
      if (queue.settle(this.now()) > 0) this.notify(queue);
      else this.armWake(queue);
    });
  }

  stop(): void {
    for (const queue of this.queues.values()) {
      queue.wakeTimer?.cancel();
      queue.watchers.clear();
      // Release long polls with an empty answer.
      this.queues.delete(queue.name);
      for (const waiter of [...queue.waiters]) waiter();
    }
  }

  // ---------------------------------------------------------------- helpers

  private required(input: Input, name: string): string {
    const value = input[name];
    if (typeof value !== 'string' || value === '') throw errors.missing(name);
    return value;
  }

  private boundedInteger(input: Input, name: string, min: number, max: number, fallback: number, reason: string): number {
    const value = input[name];
    if (value === undefined) return fallback;
    if (!isInteger(value) || Number(value) < min || Number(value) > max) throw errors.invalidValue(name, value, reason);
    return Number(value);
  }

  private batchEntries(entries: unknown, entryName: string): Input[] {
    if (!Array.isArray(entries) || entries.length === 0) {
      throw new SqsError('EmptyBatchRequest', `There should be at least one ${entryName} in the request.`);
    }
    if (entries.length > 10) {
      throw new SqsError('TooManyEntriesInBatchRequest', `Maximum number of entries per request are 10. You have sent ${entries.length}.`);
    }
    const ids = new Set<string>();
    for (const entry of entries as Input[]) {
      if (typeof entry?.Id !== 'string' || !BATCH_ID.test(entry.Id)) {
        throw new SqsError(
          'InvalidBatchEntryId',
          'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
        );
      }
      if (ids.has(entry.Id)) throw new SqsError('BatchEntryIdsNotDistinct', `Id ${entry.Id} repeated.`);
      ids.add(entry.Id);
    }
    return entries as Input[];
  }

  private runBatch(entries: Input[], each: (entry: Input) => Output): Output {
    const Successful: Output[] = [];
    const Failed: Output[] = [];
    for (const entry of entries) {
      try {
        Successful.push(each(entry));
      } catch (error) {
        if (!(error instanceof SqsError)) throw error;
        Failed.push({ Id: entry.Id, SenderFault: true, Code: batchEntryCode(error), Message: error.message });
      }
    }
    return { Successful, Failed };
  }
}

export interface ReceivedSnapshot {
  message: StoredMessage;
  handle: string;
  receiveCount: number;
}

/** Message attributes selected by `All`, `.*`, exact names or `prefix.*`; undefined when none match. */
export function selectAttributes(attributes: SqsMessageAttributes | undefined, names: string[]): SqsMessageAttributes | undefined {
  if (!attributes || names.length === 0) return undefined;
  if (names.includes('All') || names.includes('.*')) return attributes;
  const selected: SqsMessageAttributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    const match = names.some((pattern) => (pattern.endsWith('.*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
    if (match) selected[name] = value;
  }
  return Object.keys(selected).length > 0 ? selected : undefined;
}
