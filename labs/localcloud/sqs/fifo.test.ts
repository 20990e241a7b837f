import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { rejectionOf, startSqsFixture, type SqsFixture } from './testing.ts';

let f: SqsFixture;
let n = 0;
const fifo = (attributes: Record<string, string> = {}) => f.createQueue(`f${++n}.fifo`, { FifoQueue: 'true', ...attributes });
const send = (QueueUrl: string, MessageBody: string, extra: object = {}) => f.sqs.send(new SendMessageCommand({ QueueUrl, MessageBody, ...extra }));
const receive = async (QueueUrl: string, extra: object = {}): Promise<Message[]> =>
  (await f.sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'], ...extra }))).Messages ?? [];
const remove = (QueueUrl: string, m: Message) => f.sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));

beforeAll(async () => {
  f = await startSqsFixture();
});
afterAll(() => f.stop());

describe('SQS FIFO queues', () => {
  it('requires MessageGroupId and a deduplication id or content-based deduplication', async () => {
    const url = await fifo();
    const group = await rejectionOf(send(url, 'm', { MessageDeduplicationId: 'd' }));
    expect(group.name).toBe('MissingParameter');
    expect(group.message).toBe('The request must contain the parameter MessageGroupId.');
    const dedup = await rejectionOf(send(url, 'm', { MessageGroupId: 'g' }));
    expect(dedup.message).toBe('The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
  });

  it('refuses per-message DelaySeconds', async () => {
    const url = await fifo({ ContentBasedDeduplication: 'true' });
    const error = await rejectionOf(send(url, 'm', { MessageGroupId: 'g', DelaySeconds: 5 }));
    expect(error.message).toBe('Value 5 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.');
  });

  it('deduplicates by id within 5 minutes, returning the first MessageId', async () => {
    const url = await fifo();
    const first = await send(url, 'a', { MessageGroupId: 'g', MessageDeduplicationId: 'same' });
    const dup = await send(url, 'b', { MessageGroupId: 'g', MessageDeduplicationId: 'same' });
    expect(dup.MessageId).toBe(first.MessageId);
    expect(first.SequenceNumber).toMatch(/^\d{20}$/);
    const [only, ...rest] = await receive(url);
    expect(rest).toEqual([]);
    await remove(url, only);
    // Still deduplicated after deletion, until the window ends.
    await send(url, 'c', { MessageGroupId: 'g', MessageDeduplicationId: 'same' });
    expect(await receive(url)).toEqual([]);
    f.clock.advance(5 * 60_000);
    await send(url, 'd', { MessageGroupId: 'g', MessageDeduplicationId: 'same' });
    expect((await receive(url)).map((m) => m.Body)).toEqual(['d']);
  });

  it('deduplicates by SHA-256 of the body with ContentBasedDeduplication', async () => {
    const url = await fifo({ ContentBasedDeduplication: 'true' });
    await send(url, 'same body', { MessageGroupId: 'g' });
    await send(url, 'same body', { MessageGroupId: 'other' });
    await send(url, 'other body', { MessageGroupId: 'g' });
    const messages = await receive(url);
    expect(messages.map((m) => m.Body).sort()).toEqual(['other body', 'same body']);
    expect(messages.find((m) => m.Body === 'same body')!.Attributes!.MessageDeduplicationId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('scopes deduplication per group with DeduplicationScope=messageGroup', async () => {
    const url = await fifo({ DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' });
    await send(url, 'a', { MessageGroupId: 'g1', MessageDeduplicationId: 'd' });
    await send(url, 'b', { MessageGroupId: 'g2', MessageDeduplicationId: 'd' });
    expect((await receive(url)).map((m) => m.Body).sort()).toEqual(['a', 'b']);
  });

  it('keeps strict order within a group, increasing SequenceNumbers, and blocks a group while a message is in flight', async () => {
    const url = await fifo({ ContentBasedDeduplication: 'true' });
    for (const body of ['1', '2', '3']) await send(url, body, { MessageGroupId: 'g' });
    await send(url, 'x', { MessageGroupId: 'h' });
    const first = await receive(url, { MaxNumberOfMessages: 1 });
    expect(first.map((m) => m.Body)).toEqual(['1']);
    // Group g is blocked while '1' is in flight; only group h is receivable.
    expect((await receive(url)).map((m) => m.Body)).toEqual(['x']);
    await remove(url, first[0]);
    const rest = await receive(url);
    expect(rest.map((m) => m.Body)).toEqual(['2', '3']);
    const sequence = rest.map((m) => BigInt(m.Attributes!.SequenceNumber!));
    expect(sequence[0] < sequence[1]).toBe(true);
    expect(rest[0].Attributes!.MessageGroupId).toBe('g');
  });

  it('redelivers the same head after a visibility timeout, keeping order', async () => {
    const url = await fifo({ ContentBasedDeduplication: 'true' });
    for (const body of ['1', '2']) await send(url, body, { MessageGroupId: 'g' });
    expect((await receive(url, { VisibilityTimeout: 5 })).map((m) => m.Body)).toEqual(['1', '2']);
    f.clock.advance(5_000);
    const again = await receive(url);
    expect(again.map((m) => m.Body)).toEqual(['1', '2']);
    expect(again[0].Attributes!.ApproximateReceiveCount).toBe('2');
  });
});

describe('dead-letter queues', () => {
  it('moves a message on the receive after maxReceiveCount', async () => {
    const dlq = await f.createQueue('dead');
    const src = await f.createQueue('live', {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-central-1:000000000000:dead', maxReceiveCount: 2 }),
    });
    const sent = await send(src, 'poison');
    for (let i = 0; i < 2; i++) {
      expect(await receive(src, { VisibilityTimeout: 1 })).toHaveLength(1);
      f.clock.advance(1_000);
    }
    expect(await receive(src)).toEqual([]);
    const [dead] = await receive(dlq);
    expect(dead.MessageId).toBe(sent.MessageId);
    expect(dead.Body).toBe('poison');
    expect(dead.Attributes!.DeadLetterQueueSourceArn).toBe('arn:aws:sqs:eu-central-1:000000000000:live');
  });

  it('works FIFO to FIFO and refuses a standard DLQ for a FIFO source', async () => {
    const dlq = await fifo();
    const dlqArn = `arn:aws:sqs:eu-central-1:000000000000:${dlq.split('/').pop()}`;
    const src = await fifo({ ContentBasedDeduplication: 'true', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 1 }) });
    await send(src, 'p', { MessageGroupId: 'g' });
    await send(src, 'q', { MessageGroupId: 'g' });
    await receive(src, { VisibilityTimeout: 1 });
    f.clock.advance(1_000);
    expect(await receive(src)).toEqual([]);
    expect((await receive(dlq)).map((m) => m.Body)).toEqual(['p', 'q']);
    await f.createQueue('std-dlq');
    const mismatch = await rejectionOf(
      fifo({ RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-central-1:000000000000:std-dlq', maxReceiveCount: 1 }) }),
    );
    expect(mismatch.name).toBe('InvalidParameterValue');
  });
});
