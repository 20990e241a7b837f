/** The HTTP-free API other services use (SNS delivery, Lambda event source mappings, inspection). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { sqsApi, SqsApiError, type SqsInternalApi } from './api.ts';
import { startSqsFixture, type SqsFixture } from './testing.ts';

let f: SqsFixture;
let api: SqsInternalApi;
beforeAll(async () => {
  f = await startSqsFixture();
  api = sqsApi(f.cloud.context.registry);
});
afterAll(() => f.stop());

describe('SQS internal API', () => {
  it('sends by ARN with attributes, and the SDK receives the same message with a valid MD5', async () => {
    const url = await f.createQueue('internal');
    const arn = api.queueUrlToArn(url)!;
    expect(arn).toBe('arn:aws:sqs:eu-central-1:000000000000:internal');
    expect(api.queueArnToUrl(arn)).toBe(url);
    expect(api.queueArnToUrl('arn:aws:sqs:eu-central-1:000000000000:missing')).toBeUndefined();
    const sent = api.sendMessage(arn, '{"x":1}', { source: { DataType: 'String', StringValue: 'sns' } });
    const { Messages } = await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'] }));
    expect(Messages?.[0]).toMatchObject({ MessageId: sent.messageId, Body: '{"x":1}', MD5OfMessageAttributes: sent.md5OfMessageAttributes });
  });

  it('receives, changes visibility and deletes for event source mappings', async () => {
    const url = await f.createQueue('esm');
    api.sendMessage(url, 'a');
    const [m] = await api.receive(url, { maxMessages: 10, visibilityTimeout: 5 });
    expect(m.attributes.ApproximateReceiveCount).toBe('1');
    expect(await api.receive(url)).toEqual([]);
    api.changeVisibility(url, m.receiptHandle, 0);
    const [again] = await api.receive(url);
    api.delete(url, again.receiptHandle);
    expect(api.getQueueAttributes(url, ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'])).toEqual({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
  });

  it('peeks without changing visibility', async () => {
    const url = await f.createQueue('peek');
    api.sendMessage(url, 'one');
    api.sendMessage(url, 'two', undefined, { delaySeconds: 30 });
    await api.receive(url);
    api.sendMessage(url, 'three');
    const peeked = api.peek(url);
    expect(peeked.map((m) => [m.body, m.state]).sort()).toEqual([
      ['one', 'inflight'],
      ['three', 'visible'],
      ['two', 'delayed'],
    ]);
    expect(api.peek(url)).toEqual(peeked);
    expect((await api.receive(url, { maxMessages: 10 })).map((m) => m.body)).toEqual(['three']);
  });

  it('tells watchers when a message becomes receivable', async () => {
    const url = await f.createQueue('watched');
    let calls = 0;
    const unwatch = api.watch(url, () => calls++);
    api.sendMessage(url, 'now');
    expect(calls).toBe(1);
    api.sendMessage(url, 'later', undefined, { delaySeconds: 10 });
    f.clock.advance(10_000);
    expect(calls).toBe(2);
    unwatch();
    api.sendMessage(url, 'unwatched');
    expect(calls).toBe(2);
  });

  it('throws SqsApiError with the AWS code', () => {
    expect(() => api.sendMessage('nope', 'x')).toThrow(SqsApiError);
    try {
      api.sendMessage('arn:aws:sqs:eu-central-1:000000000000:nope', 'x');
    } catch (error) {
      expect((error as SqsApiError).code).toBe('QueueDoesNotExist');
    }
    expect.assertions(2);
  });
});
