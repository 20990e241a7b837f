/** The wire itself: the query protocol for older clients, and malformed requests that must get AWS-shaped 4xx answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { startSqsFixture, type SqsFixture } from './testing.ts';

let f: SqsFixture;
let queueUrl: string;
const xml = new XMLParser();

const post = (body: string | Buffer, headers: Record<string, string>) =>
  fetch(f.cloud.endpoint, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers });
const signedForSqs = { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-central-1/sqs/aws4_request, SignedHeaders=host, Signature=x' };
const json = (action: string | undefined, body: string | Buffer) =>
  post(body, { 'content-type': 'application/x-amz-json-1.0', ...(action ? { 'x-amz-target': `AmazonSQS.${action}` } : signedForSqs) });
const form = (params: Record<string, string>, headers: Record<string, string> = {}) =>
  post(new URLSearchParams(params).toString(), { 'content-type': 'application/x-www-form-urlencoded', ...headers });

async function expectServing() {
  const health = await fetch(`${f.cloud.endpoint}/_localcloud/health`);
  expect(health.status).toBe(200);
}

beforeAll(async () => {
  f = await startSqsFixture();
  queueUrl = await f.createQueue('wire');
});
afterAll(() => f.stop());

describe('query protocol', () => {
  it('sends and receives with form parameters and XML answers', async () => {
    const sent = await form({
      Action: 'SendMessage',
      QueueUrl: queueUrl,
      MessageBody: 'a & <b>',
      'MessageAttribute.1.Name': 'k',
      'MessageAttribute.1.Value.DataType': 'String',
      'MessageAttribute.1.Value.StringValue': 'v',
    });
    expect(sent.status).toBe(200);
    const sentDoc = xml.parse(await sent.text());
    const messageId = sentDoc.SendMessageResponse.SendMessageResult.MessageId;
    expect(messageId).toMatch(/^[0-9a-f-]{36}$/);
    const received = xml.parse(
      await (await form({ Action: 'ReceiveMessage', QueueUrl: queueUrl, 'AttributeName.1': 'All', 'MessageAttributeName.1': 'All' })).text(),
    );
    const message = received.ReceiveMessageResponse.ReceiveMessageResult.Message;
    expect(message.MessageId).toBe(messageId);
    expect(message.Body).toBe('a & <b>');
    expect(message.MessageAttribute).toEqual({ Name: 'k', Value: { DataType: 'String', StringValue: 'v' } });
    expect(received.ReceiveMessageResponse.ResponseMetadata.RequestId).toBeTruthy();
  });

  it('creates queues with Attribute.N, lists them and answers errors as ErrorResponse XML', async () => {
    const created = xml.parse(
      await (await form({ Action: 'CreateQueue', QueueName: 'viaquery', 'Attribute.1.Name': 'VisibilityTimeout', 'Attribute.1.Value': '7' })).text(),
    );
    const url = created.CreateQueueResponse.CreateQueueResult.QueueUrl;
    expect(url).toMatch(/\/000000000000\/viaquery$/);
    const attrs = xml.parse(await (await form({ Action: 'GetQueueAttributes', QueueUrl: url, 'AttributeName.1': 'VisibilityTimeout' })).text());
    expect(attrs.GetQueueAttributesResponse.GetQueueAttributesResult.Attribute).toEqual({ Name: 'VisibilityTimeout', Value: 7 });
    const missing = await form({ Action: 'GetQueueUrl', QueueName: 'nope' });
    expect(missing.status).toBe(400);
    const error = xml.parse(await missing.text()).ErrorResponse.Error;
    expect(error).toMatchObject({ Type: 'Sender', Code: 'AWS.SimpleQueueService.NonExistentQueue', Message: 'The specified queue does not exist.' });
  });

  it('leaves form requests signed for another service (SNS) alone', async () => {
    const answer = await form({ Action: 'ListQueues' }, { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-central-1/sns/aws4_request, SignedHeaders=host, Signature=x' });
    expect(answer.status).not.toBe(200);
    const signed = await form({ Action: 'ListQueues' }, signedForSqs);
    expect(signed.status).toBe(200);
  });
});

describe('malformed requests get AWS-shaped 4xx answers and the server keeps serving', () => {
  const cases: Array<[string, () => Promise<Response>, number, string]> = [
    ['bad JSON', () => json('SendMessage', '{"QueueUrl": '), 400, 'com.amazon.coral.service#SerializationException'],
    ['a JSON array', () => json('SendMessage', '[]'), 400, 'com.amazon.coral.service#SerializationException'],
    ['a wrong type', () => json('SendMessage', JSON.stringify({ QueueUrl: 42, MessageBody: 'x' })), 400, 'com.amazon.coral.service#SerializationException'],
    ['a wrong nested type', () => json('SendMessage', JSON.stringify({ QueueUrl: 'x', MessageBody: 'x', MessageAttributes: { a: 'b' } })), 400, 'com.amazon.coral.service#SerializationException'],
    ['an unknown target', () => json('FlyToTheMoon', '{}'), 400, 'com.amazon.coral.service#UnknownOperationException'],
    ['a missing target (signed for sqs)', () => json(undefined, '{}'), 400, 'com.amazon.coral.service#UnknownOperationException'],
    ['a missing parameter', () => json('SendMessage', JSON.stringify({ MessageBody: 'x' })), 400, 'com.amazonaws.sqs#MissingParameter'],
    ['invalid UTF-8', () => json('SendMessage', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 400, 'com.amazon.coral.service#SerializationException'],
    [
      'a 10 MB body',
      () => json('SendMessage', JSON.stringify({ QueueUrl: 'http://x/000000000000/wire', MessageBody: 'x'.repeat(10 * 1024 * 1024) })),
      400,
      'com.amazonaws.sqs#InvalidParameterValue',
    ],
  ];
  for (const [name, request, status, type] of cases) {
    it(`answers ${name} with ${type.split('#')[1]}`, async () => {
      const answer = await request();
      expect(answer.status).toBe(status);
      const body = (await answer.json()) as { __type: string; message: string };
      expect(body.__type).toBe(type);
      expect(body.message).toEqual(expect.any(String));
      expect(answer.headers.get('x-amzn-query-error')).toMatch(/;Sender$/);
      await expectServing();
    });
  }

  it('answers an unknown query action with InvalidAction XML', async () => {
    const answer = await form({ Action: 'FlyToTheMoon' }, signedForSqs);
    expect(answer.status).toBe(400);
    expect(xml.parse(await answer.text()).ErrorResponse.Error.Code).toBe('InvalidAction');
    await expectServing();
  });

  it('refuses bodies above the front door limit with 413 and keeps serving', async () => {
    const answer = await json('SendMessage', Buffer.alloc(17 * 1024 * 1024, 0x20));
    expect(answer.status).toBe(413);
    await expectServing();
  });
});
