/** Inspection endpoints: SMS and e-mail outboxes, subscription tokens, queue peek and the server-sent event stream. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTopicCommand, PublishCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { EventBus } from '../core/events.ts';
import type { LocalRequest } from '../core/types.ts';
import { createQueue, startFixture, type Fixture } from '../sns/test-kit.ts';
import { EventStreams } from './event-stream.ts';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.stop());

const getJson = async (path: string) => {
  const res = await fetch(`${f.cloud.endpoint}${path}`);
  return { status: res.status, body: (await res.json()) as any };
};

describe('GET/DELETE /_aws/sns/sms-messages', () => {
  it('groups SMS by phone number in LocalStack’s shape, filters by phoneNumber, and clears', async () => {
    await f.sns.send(new PublishCommand({ PhoneNumber: '+436601111111', Message: 'eins' }));
    await f.sns.send(new PublishCommand({ PhoneNumber: '+436601111111', Message: 'zwei' }));
    await f.sns.send(new PublishCommand({ PhoneNumber: '+4915199999999', Message: 'drei' }));
    const all = await getJson('/_aws/sns/sms-messages');
    expect(all.status).toBe(200);
    expect(all.body.region).toBe('eu-central-1');
    expect(Object.keys(all.body.sms_messages).sort()).toEqual(['+436601111111', '+4915199999999']);
    expect(all.body.sms_messages['+436601111111'].map((m: any) => m.Message)).toEqual(['eins', 'zwei']);
    expect(all.body.sms_messages['+436601111111'][0]).toMatchObject({ PhoneNumber: '+436601111111', MessageId: expect.any(String) });

    const one = await getJson(`/_aws/sns/sms-messages?phoneNumber=${encodeURIComponent('+4915199999999')}`);
    expect(Object.keys(one.body.sms_messages)).toEqual(['+4915199999999']);
    const unencoded = await getJson('/_aws/sns/sms-messages?phoneNumber=+4915199999999');
    expect(unencoded.body.sms_messages['+4915199999999'].map((m: any) => m.Message)).toEqual(['drei']);

    const preflight = await fetch(`${f.cloud.endpoint}/_aws/sns/sms-messages`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
    const cleared = await fetch(`${f.cloud.endpoint}/_aws/sns/sms-messages?phoneNumber=${encodeURIComponent('+436601111111')}`, { method: 'DELETE' });
    expect(cleared.status).toBe(204);
    expect(Object.keys((await getJson('/_aws/sns/sms-messages')).body.sms_messages)).toEqual(['+4915199999999']);
    await fetch(`${f.cloud.endpoint}/_aws/sns/sms-messages`, { method: 'DELETE' });
    expect((await getJson('/_aws/sns/sms-messages')).body.sms_messages).toEqual({});
  });
});

describe('GET/DELETE /_aws/sns/email-messages and subscription tokens', () => {
  it('shows confirmation and notification mails per address; the token endpoint returns the pending token', async () => {
    const { TopicArn } = await f.sns.send(new CreateTopicCommand({ Name: 'mail' }));
    const { SubscriptionArn } = await f.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'lecturer@example.org', ReturnSubscriptionArn: true }));
    const mails = await getJson(`/_aws/sns/email-messages?email=${encodeURIComponent('lecturer@example.org')}`);
    expect(mails.body.email_messages['lecturer@example.org']).toHaveLength(1);
    expect(mails.body.email_messages['lecturer@example.org'][0]).toMatchObject({ Type: 'SubscriptionConfirmation', Protocol: 'email', TopicArn, SubscriptionArn });

    const token = await getJson(`/_aws/sns/subscription-tokens/${encodeURIComponent(SubscriptionArn!)}`);
    expect(token.status).toBe(200);
    expect(mails.body.email_messages['lecturer@example.org'][0].Body).toContain(encodeURIComponent(token.body.subscription_token));
    expect((await getJson('/_aws/sns/subscription-tokens/not-an-arn')).status).toBe(400);
    expect((await getJson(`/_aws/sns/subscription-tokens/${encodeURIComponent(`${TopicArn}:nope`)}`)).status).toBe(404);

    expect((await fetch(`${f.cloud.endpoint}/_aws/sns/email-messages`, { method: 'DELETE' })).status).toBe(204);
    expect((await getJson('/_aws/sns/email-messages')).body.email_messages).toEqual({});
  });
});

describe('GET /_aws/sqs/messages', () => {
  it('lists messages with their state without receiving them', async () => {
    const q = await createQueue(f, 'peeked');
    await f.sqs.send(new SendMessageCommand({ QueueUrl: q.url, MessageBody: 'first' }));
    await f.sqs.send(new SendMessageCommand({ QueueUrl: q.url, MessageBody: 'second' }));
    const path = `/_aws/sqs/messages?QueueUrl=${encodeURIComponent(q.url)}`;
    const before = await getJson(path);
    expect(before.status).toBe(200);
    expect(before.body.Messages.map((m: any) => [m.Body, m.State])).toEqual([['first', 'visible'], ['second', 'visible']]);
    await getJson(path);
    // Peeking twice changed nothing: both messages are still receivable, with a receive count of 1.
    const { Messages = [] } = await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: q.url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
    expect(Messages.map((m) => m.Body).sort()).toEqual(['first', 'second']);
    expect(Messages.every((m) => m.Attributes?.ApproximateReceiveCount === '1')).toBe(true);
    const after = await getJson(`/_aws/sqs/messages?QueueUrl=${encodeURIComponent(q.arn)}`);
    expect(after.body.Messages.map((m: any) => m.State)).toEqual(['inflight', 'inflight']);
  });

  it('explains a missing QueueUrl and reports unknown queues as 404', async () => {
    const missing = await getJson('/_aws/sqs/messages');
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/QueueUrl/);
    expect((await getJson(`/_aws/sqs/messages?QueueUrl=${encodeURIComponent(`${f.cloud.endpoint}/000000000000/none`)}`)).status).toBe(404);
  });
});

/** Opens the SSE stream and collects frames until `done` says stop. */
function readStream(url: string, done: (text: string) => boolean, timeoutMs = 5000): Promise<{ headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (res) => {
      let text = '';
      const timer = setTimeout(() => (request.destroy(), reject(new Error(`stream ended early: ${text}`))), timeoutMs);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (done(text)) {
          clearTimeout(timer);
          request.destroy();
          resolve({ headers: res.headers, text });
        }
      });
    });
    request.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)));
  });
}

const frames = (text: string) =>
  text
    .split('\n\n')
    .filter((block) => block.includes('data: '))
    .map((block) => {
      const lines = Object.fromEntries(block.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
      return { id: lines.id, event: lines.event, data: JSON.parse(lines.data) };
    });

describe('GET /_localcloud/events', () => {
  it('streams API calls and deliveries as server-sent events, filtered by query', async () => {
    const q = await createQueue(f, 'streamed');
    const { TopicArn } = await f.sns.send(new CreateTopicCommand({ Name: 'streamed' }));
    await f.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q.arn }));
    const stream = readStream(`${f.cloud.endpoint}/_localcloud/events?service=sns`, (text) => text.includes('event: delivery') && text.includes('event: call'));
    await new Promise((r) => setTimeout(r, 100)); // let the stream subscribe
    await f.sqs.send(new SendMessageCommand({ QueueUrl: q.url, MessageBody: 'not sns' }));
    await f.sns.send(new PublishCommand({ TopicArn, Message: 'watched' }));
    const { headers, text } = await stream;
    expect(headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(headers['cache-control']).toContain('no-cache');
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(text.startsWith('retry: 2000\n')).toBe(true);
    const events = frames(text);
    expect(events.every((e) => e.data.service === 'sns')).toBe(true);
    // The delivery happens inside the Publish call, so it is announced before the call's own event.
    expect(events.map((e) => e.event).sort()).toEqual(['call', 'delivery']);
    expect(events.map((e) => Number(e.id))).toEqual([1, 2]);
    expect(events.find((e) => e.event === 'call')!.data).toMatchObject({ type: 'call', action: 'Publish', resource: TopicArn });
    expect(events.find((e) => e.event === 'delivery')!.data).toMatchObject({ type: 'delivery', detail: { protocol: 'sqs', status: 'delivered' } });
  });
});

describe('EventStreams', () => {
  it('sends heartbeats and unsubscribes from the bus when the client disconnects', async () => {
    const bus = new EventBus();
    const streams = new EventStreams(bus, 20);
    const server = http.createServer((_req, res) => {
      res.writeHead(200);
      streams.attach({ method: 'GET', path: '/', query: new URLSearchParams(), headers: {}, body: Buffer.alloc(0) } as LocalRequest, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { text } = await readStream(`http://127.0.0.1:${port}/`, (t) => (t.match(/: heartbeat/g) ?? []).length >= 2);
      expect(text).toMatch(/: heartbeat \d{4}-/);
      for (let i = 0; i < 50 && streams.openStreams > 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(streams.openStreams).toBe(0);
      expect(bus.hasListeners).toBe(false);
    } finally {
      streams.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
