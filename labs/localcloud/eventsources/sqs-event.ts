/** The event Lambda hands a function for a batch of SQS messages (`Records` with `eventSource: aws:sqs`). */
import type { SqsMessageAttributes, SqsReceivedMessage } from '../sqs/api.ts';

export interface SqsRecordAttributeValue {
  stringValue?: string;
  binaryValue?: string;
  stringListValues: string[];
  binaryListValues: string[];
  dataType: string;
}

function recordAttributes(attributes: SqsMessageAttributes): Record<string, SqsRecordAttributeValue> {
  const out: Record<string, SqsRecordAttributeValue> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const mapped: SqsRecordAttributeValue = { stringListValues: [], binaryListValues: [], dataType: value.DataType };
    if (value.StringValue !== undefined) mapped.stringValue = value.StringValue;
    if (value.BinaryValue !== undefined) mapped.binaryValue = value.BinaryValue;
    out[name] = mapped;
  }
  return out;
}

/** System attributes Lambda passes on, in the order AWS lists them. */
const systemAttributeNames = [
  'ApproximateReceiveCount',
  'SentTimestamp',
  'SequenceNumber',
  'MessageGroupId',
  'SenderId',
  'MessageDeduplicationId',
  'ApproximateFirstReceiveTimestamp',
  'AWSTraceHeader',
  'DeadLetterQueueSourceArn',
];

export function sqsRecord(message: SqsReceivedMessage, queueArn: string, region: string): Record<string, unknown> {
  const attributes: Record<string, string> = {};
  for (const name of systemAttributeNames) if (message.attributes[name] !== undefined) attributes[name] = message.attributes[name];
  const record: Record<string, unknown> = {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes,
    messageAttributes: recordAttributes(message.messageAttributes),
  };
  if (message.md5OfMessageAttributes) record.md5OfMessageAttributes = message.md5OfMessageAttributes;
  Object.assign(record, { md5OfBody: message.md5OfBody, eventSource: 'aws:sqs', eventSourceARN: queueArn, awsRegion: region });
  return record;
}

/**
 * Which messages of a batch go back to the queue after a successful invocation with ReportBatchItemFailures:
 * the ids the function named, or the whole batch when its answer is malformed (as Lambda treats it).
 * On FIFO queues every later message of a failed message's group stays too, so the group keeps its order.
 */
export function failedMessageIds(payload: string, batch: SqsReceivedMessage[], fifo: boolean): Set<string> {
  const all = new Set(batch.map((m) => m.messageId));
  let answer: unknown;
  try {
    answer = JSON.parse(payload);
  } catch {
    return all;
  }
  if (answer === null || typeof answer !== 'object') return new Set();
  const failures = (answer as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return new Set();
  if (!Array.isArray(failures)) return all;
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !all.has(id)) return all;
    failed.add(id);
  }
  if (fifo) {
    const haltedGroups = new Set<string>();
    for (const message of batch) {
      const group = message.attributes.MessageGroupId;
      if (haltedGroups.has(group)) failed.add(message.messageId);
      else if (failed.has(message.messageId)) haltedGroups.add(group);
    }
  }
  return failed;
}
