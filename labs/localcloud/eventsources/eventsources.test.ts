import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateEventSourceMappingCommand, DeleteEventSourceMappingCommand, GetEventSourceMappingCommand, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { eventSourcesApi, type CreateEventSourceMappingInput, type EventSourcesInternalApi } from './api.ts';
import { eventually, startComputeFixture, testCredentials, type ComputeFixture } from '../lambda/testing.ts';

const consumer = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'consumer');

type Record_ = { messageId: string; body: string; attributes: Record<string, string>; [key: string]: unknown };

let f: ComputeFixture;
let sqs: SQSClient;
let esm: EventSourcesInternalApi;
/** Batches each function received, in order, read from its log. */
const batches = new Map<string, Record_[][]>();

beforeAll(async () => {
  f = await startComputeFixture();
  sqs = new SQSClient({ endpoint: f.cloud.endpoint, region: 'eu-central-1', credentials: testCredentials, maxAttempts: 1 });
  esm = eventSourcesApi(f.cloud.context.registry);
  f.cloud.context.events.subscribe((e) => {
    const text = String(e.detail?.text ?? '');
    if (e.type !== 'log' || !text.includes('\tBATCH ')) return;
    const name = e.resource!.split(':').at(-1)!;
    const list = batches.get(name) ?? [];
    list.push((JSON.parse(text.slice(text.indexOf('\tBATCH ') + 7)) as { Records: Record_[] }).Records);
    batches.set(name, list);
  });
});
afterAll(async () => {
  sqs.destroy();
  await f.stop();
});

const batchesOf = (fn: string) => batches.get(fn) ?? [];

async function queue(name: string, attributes: Record<string, string> = {}) {
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  return { url, arn };
}

async function counts(url: string) {
  const a = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }))).Attributes!;
  return { visible: Number(a.ApproximateNumberOfMessages), inflight: Number(a.ApproximateNumberOfMessagesNotVisible) };
}

const send = (url: string, body: string, extra: Partial<ConstructorParameters<typeof SendMessageCommand>[0]> = {}) =>
  sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, ...extra }));

async function consumerWith(name: string, mode: string, arn: string, mapping: Partial<CreateEventSourceMappingInput> = {}) {
  await f.createFunction(name, consumer, { environment: { MODE: mode } });
  return esm.createEventSourceMapping({ eventSourceArn: arn, functionName: name, ...mapping });
}

/** Lets in-flight invocations finish (real time) so the next clock step sees their deletes. */
const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SQS → Lambda event source mapping', () => {
  it('invokes with the exact SQS event and deletes what succeeded', async () => {
    const q = await queue('orders');
    await consumerWith('shape', 'report', q.arn);
    const sent = await send(q.url, 'order-1', { MessageAttributes: { tenant: { DataType: 'String', StringValue: 'acme' } } });
    const [batch] = await eventually(() => batchesOf('shape').length === 1 && batchesOf('shape'));
    const [record] = batch;
    expect(Object.keys(record)).toEqual(['messageId', 'receiptHandle', 'body', 'attributes', 'messageAttributes', 'md5OfMessageAttributes', 'md5OfBody', 'eventSource', 'eventSourceARN', 'awsRegion']);
    expect(record).toMatchObject({
      messageId: sent.MessageId,
      body: 'order-1',
      messageAttributes: { tenant: { stringValue: 'acme', stringListValues: [], binaryListValues: [], dataType: 'String' } },
      md5OfBody: sent.MD5OfMessageBody,
      md5OfMessageAttributes: sent.MD5OfMessageAttributes,
      eventSource: 'aws:sqs',
      eventSourceARN: q.arn,
      awsRegion: 'eu-central-1',
    });
    expect(record.attributes).toMatchObject({ ApproximateReceiveCount: '1', SentTimestamp: String(f.clock.now()), ApproximateFirstReceiveTimestamp: expect.any(String), SenderId: expect.any(String) });
    await eventually(async () => {
      const c = await counts(q.url);
      return c.visible === 0 && c.inflight === 0;
    });
  });

  it('waits up to the batching window for a full batch', async () => {
    const q = await queue('window');
    await consumerWith('windowed', 'report', q.arn, { batchSize: 5, maximumBatchingWindowInSeconds: 10 });
    for (const body of ['a', 'b', 'c']) await send(q.url, body);
    await settle(300);
    expect(batchesOf('windowed')).toHaveLength(0);
    f.clock.advance(10_000);
    const first = await eventually(() => batchesOf('windowed').length === 1 && batchesOf('windowed')[0]);
    expect(first.map((r) => r.body).sort()).toEqual(['a', 'b', 'c']);
    for (const body of ['d', 'e', 'f', 'g', 'h']) await send(q.url, body);
    const second = await eventually(() => batchesOf('windowed').length === 2 && batchesOf('windowed')[1]);
    expect(second).toHaveLength(5);
  });

  it('returns only the reported failures and moves them to the DLQ after maxReceiveCount', async () => {
    const dlq = await queue('failures-dlq');
    const q = await queue('failures', { VisibilityTimeout: '30', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }) });
    for (const body of ['ok-1', 'fail-1', 'ok-2']) await send(q.url, body);
    await consumerWith('partial', 'report', q.arn, { functionResponseTypes: ['ReportBatchItemFailures'], maximumBatchingWindowInSeconds: 1 });
    await settle();
    f.clock.advance(1_000);
    await eventually(() => batchesOf('partial').length === 1);
    await eventually(async () => (await counts(q.url)).inflight === 1);
    expect(await counts(q.url)).toEqual({ visible: 0, inflight: 1 });
    f.clock.advance(30_000);
    await settle();
    f.clock.advance(1_000);
    const retry = await eventually(() => batchesOf('partial').length === 2 && batchesOf('partial')[1]);
    expect(retry.map((r) => [r.body, r.attributes.ApproximateReceiveCount])).toEqual([['fail-1', '2']]);
    await settle();
    f.clock.advance(30_000);
    await settle();
    f.clock.advance(1_000);
    await eventually(async () => (await counts(dlq.url)).visible === 1);
    await settle();
    expect(batchesOf('partial')).toHaveLength(2);
    expect(await counts(q.url)).toEqual({ visible: 0, inflight: 0 });
  });

  it('returns the whole batch after the visibility timeout when the function fails', async () => {
    const q = await queue('whole', { VisibilityTimeout: '20' });
    for (const body of ['fine', 'fail-x']) await send(q.url, body);
    await consumerWith('thrower', 'throw', q.arn, { maximumBatchingWindowInSeconds: 1 });
    await settle();
    f.clock.advance(1_000);
    await eventually(() => batchesOf('thrower').length === 1);
    await settle();
    expect(await counts(q.url)).toEqual({ visible: 0, inflight: 2 });
    f.clock.advance(20_000);
    await settle();
    f.clock.advance(1_000);
    const again = await eventually(() => batchesOf('thrower').length === 2 && batchesOf('thrower')[1]);
    expect(again.map((r) => r.body).sort()).toEqual(['fail-x', 'fine']);
  });

  it('keeps FIFO order per group and halts a group behind its failed message', async () => {
    const q = await queue('ordered.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true', VisibilityTimeout: '30' });
    await send(q.url, 'failonce-a1', { MessageGroupId: 'a' });
    await send(q.url, 'a2', { MessageGroupId: 'a' });
    await send(q.url, 'b1', { MessageGroupId: 'b' });
    await consumerWith('fifo', 'report', q.arn, { functionResponseTypes: ['ReportBatchItemFailures'], batchSize: 10 });
    const first = await eventually(() => batchesOf('fifo').length >= 1 && batchesOf('fifo').flat());
    await settle();
    expect(first.map((r) => r.body)).toEqual(['failonce-a1', 'a2', 'b1']);
    expect(await counts(q.url)).toEqual({ visible: 0, inflight: 2 });
    f.clock.advance(30_000);
    const second = await eventually(() => batchesOf('fifo').length === 2 && batchesOf('fifo')[1]);
    expect(second.map((r) => r.body)).toEqual(['failonce-a1', 'a2']);
    await eventually(async () => (await counts(q.url)).inflight === 0);
  });

  it('runs at most MaximumConcurrency batches at once', async () => {
    const q = await queue('busy');
    for (let i = 0; i < 6; i++) await send(q.url, `m-${i}`);
    let running = 0;
    let peak = 0;
    const off = f.cloud.context.events.subscribe((e) => {
      if (e.type !== 'log' || !e.resource?.endsWith(':limited')) return;
      const text = String(e.detail?.text ?? '');
      if (text.startsWith('START')) peak = Math.max(peak, ++running);
      if (text.includes('REPORT RequestId')) running--;
    });
    await consumerWith('limited', 'slow', q.arn, { batchSize: 1, scalingConfig: { maximumConcurrency: 2 } });
    await eventually(() => batchesOf('limited').length === 6, 10_000);
    off();
    expect(peak).toBe(2);
  });

  it('refuses invalid mappings with the reason', async () => {
    const fifo = await queue('checks.fifo', { FifoQueue: 'true' });
    const std = await queue('checks', { VisibilityTimeout: '5' });
    await f.createFunction('checked', consumer, { timeout: 10 });
    const create = (input: Partial<CreateEventSourceMappingInput>) => () => esm.createEventSourceMapping({ eventSourceArn: std.arn, functionName: 'checked', ...input });
    expect(create({ eventSourceArn: fifo.arn, batchSize: 11 })).toThrow(/BatchSize 11 is out of range: 1 to 10 for FIFO/);
    expect(create({ eventSourceArn: fifo.arn, maximumBatchingWindowInSeconds: 5 })).toThrow('Batching window is not supported for FIFO queues');
    expect(create({ batchSize: 100 })).toThrow('Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10');
    expect(create({})).toThrow('Queue visibility timeout: 5 seconds is less than Function timeout: 10 seconds');
    expect(create({ eventSourceArn: 'arn:aws:sqs:eu-central-1:000000000000:missing' })).toThrow(/does not exist/);
    expect(create({ eventSourceArn: fifo.arn, functionName: 'ghost' })).toThrow('Function not found: ghost');
    expect(create({ eventSourceArn: fifo.arn, scalingConfig: { maximumConcurrency: 1 } })).toThrow(/MaximumConcurrency 1 is out of range/);
  });
});

describe('SNS → Lambda subscription', () => {
  it('delivers the SNS event through invokeAsync', async () => {
    const sns = new SNSClient({ endpoint: f.cloud.endpoint, region: 'eu-central-1', credentials: testCredentials, maxAttempts: 1 });
    const fn = await f.createFunction('sns-consumer', consumer);
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'alerts' }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'lambda', Endpoint: fn.functionArn }));
    const batches: unknown[] = [];
    const off = f.cloud.context.events.subscribe((e) => {
      const text = String(e.detail?.text ?? '');
      if (e.type === 'log' && e.resource === fn.functionArn && text.includes('\tBATCH ')) batches.push(JSON.parse(text.slice(text.indexOf('\tBATCH ') + 7)));
    });
    const { MessageId } = await sns.send(new PublishCommand({ TopicArn, Message: 'disk full', Subject: 'ops' }));
    await eventually(() => batches.length === 1);
    off();
    sns.destroy();
    const [record] = (batches[0] as { Records: Array<Record<string, unknown> & { Sns: Record<string, unknown> }> }).Records;
    expect(record).toMatchObject({ EventSource: 'aws:sns', EventVersion: '1.0' });
    expect(record.Sns).toMatchObject({ Type: 'Notification', MessageId, TopicArn, Subject: 'ops', Message: 'disk full' });
  });
});

describe('event source mappings over the Lambda API', () => {
  it('creates, lists, reads and deletes mappings with @aws-sdk/client-lambda', async () => {
    const q = await queue('via-sdk');
    await f.createFunction('via-sdk', consumer);
    const created = await f.client.send(new CreateEventSourceMappingCommand({ EventSourceArn: q.arn, FunctionName: 'via-sdk', BatchSize: 5, FunctionResponseTypes: ['ReportBatchItemFailures'] }));
    expect(created).toMatchObject({ EventSourceArn: q.arn, FunctionArn: f.lambda.getFunction('via-sdk')!.functionArn, BatchSize: 5, State: 'Creating' });
    const listed = await f.client.send(new ListEventSourceMappingsCommand({ FunctionName: 'via-sdk' }));
    expect(listed.EventSourceMappings?.map((m) => m.UUID)).toEqual([created.UUID]);
    expect((await f.client.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).State).toBe('Enabled');
    await send(q.url, 'through the sdk mapping');
    await eventually(() => batchesOf('via-sdk').length === 1);
    await f.client.send(new DeleteEventSourceMappingCommand({ UUID: created.UUID }));
    const gone = await f.client.send(new GetEventSourceMappingCommand({ UUID: created.UUID })).then(() => undefined, (e: { name: string }) => e);
    expect(gone?.name).toBe('ResourceNotFoundException');
    const bad = await f.client.send(new CreateEventSourceMappingCommand({ EventSourceArn: q.arn, FunctionName: 'via-sdk', BatchSize: 0 })).then(() => undefined, (e: { name: string; message: string }) => e);
    expect(bad).toMatchObject({ name: 'InvalidParameterValueException', message: expect.stringContaining('BatchSize 0 is out of range') });
  });
});

