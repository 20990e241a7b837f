import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  InvalidMessageContents,
  MessageNotInflight,
  ReceiptHandleIsInvalid,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  TooManyEntriesInBatchRequest,
  BatchEntryIdsNotDistinct,
  EmptyBatchRequest,
  InvalidBatchEntryId,
  type Message,
} from '@aws-sdk/client-sqs';
import { createHash } from 'node:crypto';
import { rejectionOf, startSqsFixture, testCredentials, type SqsFixture } from './testing.ts';

let f: SqsFixture;
let n = 0;
const queue = (attributes?: Record<string, string>) => f.createQueue(`q${++n}`, attributes);
const send = (QueueUrl: string, MessageBody: string, extra: object = {}) => f.sqs.send(new SendMessageCommand({ QueueUrl, MessageBody, ...extra }));
const receive = async (QueueUrl: string, extra: object = {}): Promise<Message[]> =>
  (await f.sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, ...extra }))).Messages ?? [];
const counts = async (QueueUrl: string) =>
  (
    await f.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
      }),
    )
  ).Attributes;

beforeAll(async () => {
  f = await startSqsFixture();
});
afterAll(() => f.stop());

describe('SQS messages', () => {
  it('sends and receives with the MD5 digests AWS computes', async () => {
    const url = await queue();
    const sent = await send(url, 'hello wörld 🚀');
    expect(sent.MD5OfMessageBody).toBe(createHash('md5').update('hello wörld 🚀').digest('hex'));
    const [message] = await receive(url);
    expect(message.MessageId).toBe(sent.MessageId);
    expect(message.Body).toBe('hello wörld 🚀');
    expect(message.MD5OfBody).toBe(sent.MD5OfMessageBody);
  });

  it('hides a received message for the default 30 s visibility timeout, then redelivers it with a new receipt handle', async () => {
    const url = await queue();
    await send(url, 'once');
    const [first] = await receive(url, { MessageSystemAttributeNames: ['ApproximateReceiveCount'] });
    expect(await receive(url)).toEqual([]);
    f.clock.advance(29_999);
    expect(await receive(url)).toEqual([]);
    f.clock.advance(1);
    const [second] = await receive(url, { MessageSystemAttributeNames: ['ApproximateReceiveCount'] });
    expect(second.MessageId).toBe(first.MessageId);
    expect(second.ReceiptHandle).not.toBe(first.ReceiptHandle);
    expect(second.Attributes?.ApproximateReceiveCount).toBe('2');
  });

  it('honours a per-receive visibility timeout', async () => {
    const url = await queue();
    await send(url, 'short');
    await receive(url, { VisibilityTimeout: 5 });
    f.clock.advance(5_000);
    expect(await receive(url)).toHaveLength(1);
  });

  it('extends and resets visibility with ChangeMessageVisibility', async () => {
    const url = await queue();
    await send(url, 'm');
    const [m] = await receive(url, { VisibilityTimeout: 10 });
    await f.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 100 }));
    f.clock.advance(50_000);
    expect(await receive(url)).toEqual([]);
    const [again] = await (async () => {
      f.clock.advance(50_000);
      return receive(url);
    })();
    await f.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: again.ReceiptHandle, VisibilityTimeout: 0 }));
    expect(await receive(url)).toHaveLength(1);
  });

  it('refuses to extend visibility beyond 12 hours from the receive', async () => {
    const url = await queue();
    await send(url, 'm');
    const [m] = await receive(url, { VisibilityTimeout: 43_200 });
    f.clock.advance(3_600_000);
    await f.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 39_600 }));
    const error = await rejectionOf(f.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 39_601 })));
    expect(error.message).toBe('Value 39601 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds]');
  });

  it('keeps the AWSTraceHeader system attribute and returns its MD5', async () => {
    const url = await queue();
    const header = 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1';
    const sent = await send(url, 'traced', { MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: header } } });
    expect(sent.MD5OfMessageSystemAttributes).toMatch(/^[0-9a-f]{32}$/);
    const [m] = await receive(url, { MessageSystemAttributeNames: ['AWSTraceHeader'] });
    expect(m.Attributes).toEqual({ AWSTraceHeader: header });
  });

  it('refuses ChangeMessageVisibility for a message not in flight, and invalid receipt handles', async () => {
    const url = await queue();
    await send(url, 'm');
    const [m] = await receive(url, { VisibilityTimeout: 1 });
    f.clock.advance(1_000);
    const stale = await rejectionOf(f.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 5 })));
    expect(stale).toBeInstanceOf(MessageNotInflight);
    expect(stale.Code).toBe('AWS.SimpleQueueService.MessageNotInflight');
    const garbage = await rejectionOf(f.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: 'garbage' })));
    expect(garbage).toBeInstanceOf(ReceiptHandleIsInvalid);
    expect(garbage.message).toBe('The input receipt handle "garbage" is not a valid receipt handle.');
    const range = await rejectionOf(f.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 43_201 })));
    expect(range.name).toBe('InvalidParameterValue');
  });

  it('deletes with the latest receipt handle; an outdated handle succeeds but deletes nothing', async () => {
    const url = await queue();
    await send(url, 'm');
    const [first] = await receive(url, { VisibilityTimeout: 1 });
    f.clock.advance(1_000);
    const [second] = await receive(url, { VisibilityTimeout: 1 });
    await f.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first.ReceiptHandle }));
    f.clock.advance(1_000);
    const [third] = await receive(url);
    expect(third.MessageId).toBe(second.MessageId);
    await f.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: third.ReceiptHandle }));
    f.clock.advance(60_000);
    expect(await receive(url)).toEqual([]);
    expect(await counts(url)).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0', ApproximateNumberOfMessagesDelayed: '0' });
  });

  it('long polling returns as soon as a message arrives', async () => {
    const url = await queue();
    const polling = receive(url, { WaitTimeSeconds: 20 });
    await new Promise((r) => setTimeout(r, 20));
    await send(url, 'late');
    const [m] = await polling;
    expect(m.Body).toBe('late');
  });

  it('long polling returns empty after WaitTimeSeconds, also from the queue default', async () => {
    const url = await queue({ ReceiveMessageWaitTimeSeconds: '3' });
    let settled = false;
    const polling = receive(url).then((m) => ((settled = true), m));
    await new Promise((r) => setTimeout(r, 20));
    f.clock.advance(2_999);
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    f.clock.advance(1);
    expect(await polling).toEqual([]);
    const range = await rejectionOf(receive(url, { WaitTimeSeconds: 21 }));
    expect(range.name).toBe('InvalidParameterValue');
    expect(range.message).toBe('Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.');
  });

  it('long polling wakes when a visibility timeout runs out', async () => {
    const url = await queue();
    await send(url, 'm');
    await receive(url, { VisibilityTimeout: 2 });
    const polling = receive(url, { WaitTimeSeconds: 10 });
    await new Promise((r) => setTimeout(r, 20));
    f.clock.advance(2_000);
    expect(await polling).toHaveLength(1);
  });

  it('delays messages by queue default and per message, counting them as delayed', async () => {
    const url = await queue({ DelaySeconds: '10' });
    await send(url, 'queue-delay');
    await send(url, 'own-delay', { DelaySeconds: 2 });
    expect(await counts(url)).toMatchObject({ ApproximateNumberOfMessagesDelayed: '2', ApproximateNumberOfMessages: '0' });
    f.clock.advance(2_000);
    expect((await receive(url)).map((m) => m.Body)).toEqual(['own-delay']);
    f.clock.advance(8_000);
    expect((await receive(url)).map((m) => m.Body)).toEqual(['queue-delay']);
    expect(await counts(url)).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '2', ApproximateNumberOfMessagesDelayed: '0' });
  });

  it('drops messages older than the retention period', async () => {
    const url = await queue({ MessageRetentionPeriod: '60' });
    await send(url, 'old');
    f.clock.advance(60_000);
    expect(await receive(url)).toEqual([]);
  });

  it('returns system attributes (All or by name)', async () => {
    const url = await queue();
    const sentAt = f.clock.now();
    await send(url, 'm');
    f.clock.advance(500);
    const [m] = await receive(url, { MessageSystemAttributeNames: ['All'] });
    expect(m.Attributes).toEqual({
      SenderId: testCredentials.accessKeyId,
      SentTimestamp: String(sentAt),
      ApproximateReceiveCount: '1',
      ApproximateFirstReceiveTimestamp: String(sentAt + 500),
    });
    f.clock.advance(30_000);
    const [again] = await receive(url, { AttributeNames: ['SentTimestamp'] });
    expect(again.Attributes).toEqual({ SentTimestamp: String(sentAt) });
  });

  it('selects message attributes by All, name and prefix.*, with a matching MD5', async () => {
    const url = await queue();
    const MessageAttributes = {
      'order.id': { DataType: 'String', StringValue: '42' },
      'order.total': { DataType: 'Number', StringValue: '9.5' },
      blob: { DataType: 'Binary', BinaryValue: new Uint8Array([0, 1, 2, 255]) },
      note: { DataType: 'String.custom', StringValue: 'ü' },
    };
    await send(url, 'm', { MessageAttributes });
    const select = async (names: string[]) => {
      const [m] = await receive(url, { MessageAttributeNames: names, VisibilityTimeout: 0 });
      return Object.keys(m.MessageAttributes ?? {}).sort();
    };
    expect(await select(['All'])).toEqual(['blob', 'note', 'order.id', 'order.total']);
    expect(await select(['note'])).toEqual(['note']);
    expect(await select(['order.*'])).toEqual(['order.id', 'order.total']);
    expect(await select(['absent'])).toEqual([]);
    const [m] = await receive(url, { MessageAttributeNames: ['blob'] });
    expect([...(m.MessageAttributes!.blob.BinaryValue as Uint8Array)]).toEqual([0, 1, 2, 255]);
  });

  it('validates message attributes', async () => {
    const url = await queue();
    const number = await rejectionOf(send(url, 'm', { MessageAttributes: { n: { DataType: 'Number', StringValue: 'abc' } } }));
    expect(number.name).toBe('InvalidParameterValue');
    const type = await rejectionOf(send(url, 'm', { MessageAttributes: { n: { DataType: 'Date', StringValue: 'x' } } }));
    expect(type.message).toMatch(/supported type prefixes: Binary, Number, String/);
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: 'v' }]));
    const tooMany = await rejectionOf(send(url, 'm', { MessageAttributes: many }));
    expect(tooMany.message).toBe('Number of message attributes [11] exceeds the allowed maximum [10].');
  });

  it('accepts 1 MiB including attributes and refuses one byte more', async () => {
    const url = await queue();
    const attribute = { k: { DataType: 'String', StringValue: 'v' } }; // 1 + 6 + 1 = 8 bytes
    await send(url, 'x'.repeat(1_048_576 - 8), { MessageAttributes: attribute });
    const error = await rejectionOf(send(url, 'x'.repeat(1_048_576 - 7), { MessageAttributes: attribute }));
    expect(error.name).toBe('InvalidParameterValue');
    expect(error.message).toBe('One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.');
  });

  it('refuses characters outside the allowed set (InvalidMessageContents)', async () => {
    const url = await queue();
    const error = await rejectionOf(send(url, 'nul\u0000byte'));
    expect(error).toBeInstanceOf(InvalidMessageContents);
    await send(url, 'tab\tand\r\nnewline \u{1F600}');
  });

  it('refuses per-queue-type parameters and MaxNumberOfMessages above 10', async () => {
    const url = await queue();
    const dedup = await rejectionOf(send(url, 'm', { MessageDeduplicationId: 'd' }));
    expect(dedup.message).toBe('Value d for parameter MessageDeduplicationId is invalid. Reason: The request include parameter that is not valid for this queue type.');
    const max = await rejectionOf(f.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 11 })));
    expect(max.message).toBe('Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.');
  });

  it('sends a batch with per-entry failures reported as SenderFault', async () => {
    const url = await queue();
    const result = await f.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'ok', MessageBody: 'fine' },
          { Id: 'bad', MessageBody: 'bad\u0001' },
          { Id: 'ok2', MessageBody: 'fine too', DelaySeconds: 1 },
        ],
      }),
    );
    expect(result.Successful?.map((s) => s.Id)).toEqual(['ok', 'ok2']);
    expect(result.Failed).toEqual([{ Id: 'bad', SenderFault: true, Code: 'InvalidMessageContents', Message: expect.stringMatching(/^Invalid characters found/) }]);
  });

  it('validates batch requests as a whole', async () => {
    const url = await queue();
    const entries = (count: number, id = (i: number) => `e${i}`) => Array.from({ length: count }, (_, i) => ({ Id: id(i), MessageBody: 'b' }));
    expect(await rejectionOf(f.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries(11) })))).toBeInstanceOf(TooManyEntriesInBatchRequest);
    expect(await rejectionOf(f.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries(2, () => 'same') })))).toBeInstanceOf(
      BatchEntryIdsNotDistinct,
    );
    expect(await rejectionOf(f.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [] })))).toBeInstanceOf(EmptyBatchRequest);
    expect(await rejectionOf(f.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries(1, () => 'bad id!') })))).toBeInstanceOf(
      InvalidBatchEntryId,
    );
    const tooLong = await rejectionOf(
      f.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [1, 2].map((i) => ({ Id: `b${i}`, MessageBody: 'x'.repeat(600_000) })) })),
    );
    expect(tooLong.name).toBe('BatchRequestTooLong');
  });

  it('deletes and changes visibility in batches with per-entry failures', async () => {
    const url = await queue();
    await f.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [1, 2, 3].map((i) => ({ Id: `m${i}`, MessageBody: `b${i}` })) }));
    const messages = await receive(url);
    expect(messages).toHaveLength(3);
    const changed = await f.sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'a', ReceiptHandle: messages[0].ReceiptHandle, VisibilityTimeout: 0 },
          { Id: 'b', ReceiptHandle: 'nope', VisibilityTimeout: 0 },
        ],
      }),
    );
    expect(changed.Successful).toEqual([{ Id: 'a' }]);
    expect(changed.Failed?.[0]).toMatchObject({ Id: 'b', Code: 'ReceiptHandleIsInvalid', SenderFault: true });
    const deleted = await f.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'x', ReceiptHandle: messages[1].ReceiptHandle },
          { Id: 'y', ReceiptHandle: messages[2].ReceiptHandle },
          { Id: 'z', ReceiptHandle: 'bad' },
        ],
      }),
    );
    expect(deleted.Successful?.map((e) => e.Id)).toEqual(['x', 'y']);
    expect(deleted.Failed?.map((e) => e.Id)).toEqual(['z']);
    expect(await counts(url)).toEqual({ ApproximateNumberOfMessages: '1', ApproximateNumberOfMessagesNotVisible: '0', ApproximateNumberOfMessagesDelayed: '0' });
  });
});
