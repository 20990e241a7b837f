/**
 * The HTTP-free API that the SQS module offers other services through `context.registry.get('sqs')`.
 * SNS delivers with `sendMessage`, Lambda event source mappings poll with `receive`/`delete`/`changeVisibility`,
 * the inspection endpoint reads with `peek`. Queues may be named by URL or by ARN everywhere.
 * Failures throw `SqsApiError` (same `code` as the wire error, e.g. `QueueDoesNotExist`).
 */

export const SQS_REGISTRY_KEY = 'sqs';

/** A message attribute as on the wire; `BinaryValue` is base64. */
export interface SqsMessageAttributeValue {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

export type SqsMessageAttributes = Record<string, SqsMessageAttributeValue>;

export interface SqsSendOptions {
  /** FIFO only (required there). */
  groupId?: string;
  /** FIFO only; content-based deduplication is used when omitted and the queue enables it. */
  dedupId?: string;
  /** Standard queues only. */
  delaySeconds?: number;
}

export interface SqsSendResult {
  messageId: string;
  md5OfBody: string;
  md5OfMessageAttributes?: string;
  sequenceNumber?: string;
}

export interface SqsReceivedMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  md5OfBody: string;
  md5OfMessageAttributes?: string;
  /** System attributes (SentTimestamp, ApproximateReceiveCount, MessageGroupId, …) as strings. */
  attributes: Record<string, string>;
  messageAttributes: SqsMessageAttributes;
}

export interface SqsReceiveOptions {
  /** 1–10, default 1. */
  maxMessages?: number;
  /** Seconds; default the queue's VisibilityTimeout. */
  visibilityTimeout?: number;
  /** Long-poll seconds 0–20; default 0 (returns at once). */
  waitSeconds?: number;
}

/** A message as the inspection endpoint shows it; reading it changes nothing. */
export interface SqsPeekedMessage {
  messageId: string;
  body: string;
  state: 'visible' | 'inflight' | 'delayed';
  attributes: Record<string, string>;
  messageAttributes: SqsMessageAttributes;
}

export interface SqsInternalApi {
  sendMessage(queue: string, body: string, messageAttributes?: SqsMessageAttributes, options?: SqsSendOptions): SqsSendResult;
  receive(queue: string, options?: SqsReceiveOptions): Promise<SqsReceivedMessage[]>;
  delete(queue: string, receiptHandle: string): void;
  changeVisibility(queue: string, receiptHandle: string, visibilityTimeoutSeconds: number): void;
  peek(queue: string): SqsPeekedMessage[];
  /** URL for an ARN of an existing queue, else undefined. */
  queueArnToUrl(queueArn: string): string | undefined;
  queueUrlToArn(queueUrl: string): string | undefined;
  getQueueAttributes(queue: string, names?: string[]): Record<string, string>;
  /** Called whenever a message of `queue` may have become receivable (send, visibility expiry); returns unsubscribe. */
  watch(queue: string, listener: () => void): () => void;
}

export class SqsApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** Typed lookup for other services; throws when the SQS module is not registered. */
export function sqsApi(registry: Map<string, unknown>): SqsInternalApi {
  const api = registry.get(SQS_REGISTRY_KEY);
  if (!api) throw new Error('The SQS module is not registered in labs/localcloud/services.ts');
  return api as SqsInternalApi;
}
