/** HTTP/S and Lambda subscriptions: confirmation handshake, notification headers, raw delivery, retries on a manual clock. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CreateTopicCommand, GetSubscriptionAttributesCommand, PublishCommand, SubscribeCommand, UnsubscribeCommand } from '@aws-sdk/client-sns';
import { nextEvent, startFixture, startReceiver, type Fixture, type Receiver } from './test-kit.ts';

let f: Fixture;
let receiver: Receiver;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.stop());
afterEach(() => receiver?.close());

let n = 0;
const topic = async () => (await f.sns.send(new CreateTopicCommand({ Name: `hooks-${++n}` }))).TopicArn!;

/** Subscribes the receiver and confirms through the SubscribeURL it was sent, like a real endpoint does. */
async function confirmedHttpSubscription(topicArn: string, attributes?: Record<string, string>) {
  const { SubscriptionArn } = await f.sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: receiver.url, Attributes: attributes, ReturnSubscriptionArn: true }));
  const [confirmation] = await receiver.waitFor(1);
  const answer = await fetch(JSON.parse(confirmation.body).SubscribeURL);
  expect(answer.status).toBe(200);
  receiver.requests.length = 0;
  return SubscriptionArn!;
}

describe('HTTP subscriptions', () => {
  it('posts a SubscriptionConfirmation whose SubscribeURL confirms the subscription', async () => {
    receiver = await startReceiver();
    const arn = await topic();
    const { SubscriptionArn } = await f.sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'http', Endpoint: receiver.url, ReturnSubscriptionArn: true }));
    const [request] = await receiver.waitFor(1);
    expect(request.method).toBe('POST');
    expect(request.headers).toMatchObject({
      'content-type': 'text/plain; charset=UTF-8',
      'user-agent': 'Amazon Simple Notification Service Agent',
      'x-amz-sns-message-type': 'SubscriptionConfirmation',
      'x-amz-sns-topic-arn': arn,
    });
    expect(request.headers['x-amz-sns-subscription-arn']).toBeUndefined();
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({ Type: 'SubscriptionConfirmation', TopicArn: arn, MessageId: request.headers['x-amz-sns-message-id'], SignatureVersion: '1' });
    expect(body.Token).toMatch(/^[0-9a-f]{64,}$/);
    const url = new URL(body.SubscribeURL);
    expect(url.origin).toBe(f.cloud.endpoint);

    const pending = await f.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }));
    expect(pending.Attributes?.PendingConfirmation).toBe('true');
    await fetch(url);
    const confirmed = await f.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }));
    expect(confirmed.Attributes?.PendingConfirmation).toBe('false');
  });

  it('delivers nothing before confirmation, then Notification POSTs with the x-amz-sns headers', async () => {
    receiver = await startReceiver();
    const arn = await topic();
    await f.sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'http', Endpoint: receiver.url }));
    const [confirmation] = await receiver.waitFor(1);
    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'too early' }));
    await fetch(JSON.parse(confirmation.body).SubscribeURL);
    const { MessageId } = await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'hello hook', Subject: 'Hi' }));
    const [, notification] = await receiver.waitFor(2);
    expect(receiver.requests).toHaveLength(2);
    const subscriptionArn = notification.headers['x-amz-sns-subscription-arn'] as string;
    expect(subscriptionArn.startsWith(`${arn}:`)).toBe(true);
    expect(notification.headers).toMatchObject({ 'x-amz-sns-message-type': 'Notification', 'x-amz-sns-message-id': MessageId, 'x-amz-sns-topic-arn': arn });
    expect(JSON.parse(notification.body)).toMatchObject({ Type: 'Notification', MessageId, TopicArn: arn, Subject: 'Hi', Message: 'hello hook' });
  });

  it('raw delivery posts the bare message and says so in a header', async () => {
    receiver = await startReceiver();
    const arn = await topic();
    await confirmedHttpSubscription(arn, { RawMessageDelivery: 'true' });
    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: '{"raw":true}' }));
    const [request] = await receiver.waitFor(1);
    expect(request.body).toBe('{"raw":true}');
    expect(request.headers['x-amz-sns-rawdelivery']).toBe('true');
  });

  it('retries failed deliveries after the delays of the delivery policy, then succeeds', async () => {
    receiver = await startReceiver();
    const arn = await topic();
    const policy = JSON.stringify({ healthyRetryPolicy: { numRetries: 3, minDelayTarget: 5, maxDelayTarget: 5 } });
    const subscriptionArn = await confirmedHttpSubscription(arn, { DeliveryPolicy: policy });
    receiver.statuses.push(500, 503);
    const firstRetry = nextEvent(f.cloud, (e) => e.resource === subscriptionArn && e.detail?.status === 'retrying' && e.detail?.attempt === 1);
    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'persist' }));
    expect((await firstRetry).detail).toMatchObject({ error: 'HTTP 500', retryInSeconds: 5 });
    f.clock.advance(4_999);
    await new Promise((r) => setTimeout(r, 50));
    expect(receiver.requests).toHaveLength(1); // not before the delay has passed
    const secondRetry = nextEvent(f.cloud, (e) => e.resource === subscriptionArn && e.detail?.status === 'retrying' && e.detail?.attempt === 2);
    f.clock.advance(1);
    expect((await secondRetry).detail).toMatchObject({ error: 'HTTP 503' });
    const delivered = nextEvent(f.cloud, (e) => e.resource === subscriptionArn && e.detail?.status === 'delivered');
    f.clock.advance(5_000);
    expect((await delivered).detail).toMatchObject({ attempt: 3, statusCode: 200 });
    expect(receiver.requests.map((r) => JSON.parse(r.body).Message)).toEqual(['persist', 'persist', 'persist']);
  });

  it('gives up after the last retry', async () => {
    receiver = await startReceiver();
    const arn = await topic();
    const subscriptionArn = await confirmedHttpSubscription(arn, { DeliveryPolicy: JSON.stringify({ healthyRetryPolicy: { numRetries: 1, minDelayTarget: 1, maxDelayTarget: 1 } }) });
    receiver.statuses.push(500, 500, 500);
    const retrying = nextEvent(f.cloud, (e) => e.resource === subscriptionArn && e.detail?.status === 'retrying');
    await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'doomed' }));
    await retrying;
    const failed = nextEvent(f.cloud, (e) => e.resource === subscriptionArn && e.detail?.status === 'failed');
    f.clock.advance(1_000);
    expect((await failed).detail).toMatchObject({ attempt: 2, error: 'HTTP 500' });
    expect(receiver.requests).toHaveLength(2);
  });

  it('delivers to HTTPS endpoints with self-signed certificates', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sns-https-'));
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore', timeout: 15_000 });
    receiver = await startReceiver({ key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') });
    expect(receiver.url.startsWith('https://')).toBe(true);
    const arn = await topic();
    await f.sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'https', Endpoint: receiver.url }));
    const [confirmation] = await receiver.waitFor(1);
    expect(confirmation.headers['x-amz-sns-message-type']).toBe('SubscriptionConfirmation');
  });

  it('sends an UnsubscribeConfirmation when unsubscribed', async () => {
    receiver = await startReceiver();
    const arn = await topic();
    const subscriptionArn = await confirmedHttpSubscription(arn);
    await f.sns.send(new UnsubscribeCommand({ SubscriptionArn: subscriptionArn }));
    const [request] = await receiver.waitFor(1);
    expect(request.headers['x-amz-sns-message-type']).toBe('UnsubscribeConfirmation');
    expect(JSON.parse(request.body).Message).toBe(`You have chosen to deactivate subscription ${subscriptionArn}.\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.`);
  });
});

describe('Lambda subscriptions (seam for the compute module)', () => {
  it('invokes `lambda.invokeAsync` with the SNS event when the module is registered', async () => {
    const calls: Array<{ functionArn: string; event: any }> = [];
    const saved = f.cloud.context.registry.get('lambda');
    f.cloud.context.registry.set('lambda', { invokeAsync: async (functionArn: string, event: unknown) => (calls.push({ functionArn, event }), { requestId: 'r' }) });
    try {
      const arn = await topic();
      const functionArn = 'arn:aws:lambda:eu-central-1:000000000000:function:notify';
      const { SubscriptionArn } = await f.sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'lambda', Endpoint: functionArn }));
      const delivered = nextEvent(f.cloud, (e) => e.resource === SubscriptionArn && e.detail?.status === 'delivered');
      const { MessageId } = await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'wake up', MessageAttributes: { a: { DataType: 'String', StringValue: 'b' } } }));
      await delivered;
      expect(calls).toHaveLength(1);
      expect(calls[0].functionArn).toBe(functionArn);
      expect(calls[0].event.Records[0]).toMatchObject({ EventSubscriptionArn: SubscriptionArn, Sns: { MessageId, Message: 'wake up', MessageAttributes: { a: { Type: 'String', Value: 'b' } } } });
    } finally {
      if (saved) f.cloud.context.registry.set('lambda', saved);
      else f.cloud.context.registry.delete('lambda');
    }
  });

  it('reports a failed delivery when no compute module is registered', async () => {
    const saved = f.cloud.context.registry.get('lambda');
    f.cloud.context.registry.delete('lambda');
    try {
      const arn = await topic();
      const { SubscriptionArn } = await f.sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'lambda', Endpoint: 'arn:aws:lambda:eu-central-1:000000000000:function:none' }));
      const failed = nextEvent(f.cloud, (e) => e.resource === SubscriptionArn && e.detail?.status === 'failed');
      await f.sns.send(new PublishCommand({ TopicArn: arn, Message: 'nobody home' }));
      expect((await failed).detail?.error).toMatch(/Lambda module is not registered/);
    } finally {
      if (saved) f.cloud.context.registry.set('lambda', saved);
    }
  });
});
