/** Shared fixtures for the SNS and inspection tests: the SQS fixture plus an SNS client, queue ARNs, events and an HTTP receiver. */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, ReceiveMessageCommand, type Message, type ReceiveMessageCommandInput } from '@aws-sdk/client-sqs';
import type { LocalCloud, LocalCloudOptions } from '../core/server.ts';
import type { CloudEvent } from '../core/events.ts';
import { rejectionOf, startSqsFixture, testCredentials, type SqsFixture } from '../sqs/testing.ts';

export interface Fixture extends SqsFixture {
  sns: SNSClient;
}

/** An isolated local cloud on a manual clock with SNS and SQS clients (no SDK retries, so errors surface at once). */
export async function startFixture(options: LocalCloudOptions = {}): Promise<Fixture> {
  const base = await startSqsFixture(options);
  const sns = new SNSClient({ endpoint: base.cloud.endpoint, region: 'eu-central-1', credentials: testCredentials, maxAttempts: 1 });
  return {
    ...base,
    sns,
    async stop() {
      sns.destroy();
      await base.stop();
    },
  };
}

/** Creates a queue and returns its URL and ARN (SNS subscriptions name queues by ARN). */
export async function createQueue(f: SqsFixture, name: string, attributes: Record<string, string> = {}): Promise<{ url: string; arn: string }> {
  const url = await f.createQueue(name, attributes);
  const { Attributes } = await f.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return { url, arn: Attributes!.QueueArn! };
}

/** Name, HTTP status, AWS code, message and fault type of a failed SDK call, for exact comparisons. */
export async function failure(promise: Promise<unknown>) {
  const e = (await rejectionOf(promise)) as Error & { $metadata?: { httpStatusCode?: number }; Code?: string; Type?: string };
  return { name: e.name, status: e.$metadata?.httpStatusCode, code: e.Code, message: e.message, type: e.Type };
}

/** Everything currently receivable (short polls until a poll comes back empty). */
export async function drain(f: SqsFixture, queueUrl: string, extra: Pick<ReceiveMessageCommandInput, 'MessageAttributeNames' | 'MessageSystemAttributeNames'> = {}): Promise<Message[]> {
  const all: Message[] = [];
  for (let i = 0; i < 20; i++) {
    const { Messages = [] } = await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 300, ...extra }));
    if (Messages.length === 0) break;
    all.push(...Messages);
  }
  return all;
}

/** Resolves with the first event that satisfies `predicate`, or rejects after `timeoutMs` (real time). */
export function nextEvent(cloud: LocalCloud, predicate: (e: CloudEvent) => boolean, timeoutMs = 5000): Promise<CloudEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (unsubscribe(), reject(new Error('timed out waiting for an event'))), timeoutMs);
    const unsubscribe = cloud.context.events.subscribe((e) => {
      if (!predicate(e)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(e);
    });
  });
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Status codes to answer with, in order; 200 once the list is used up. */
  statuses: number[];
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A local HTTP (or, given a key and certificate, HTTPS) endpoint on 127.0.0.1:0 that records what SNS posts to it. */
export async function startReceiver(tls?: { key: string; cert: string }): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const waiters: Array<() => void> = [];
  const statuses: number[] = [];
  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statuses.shift() ?? 200).end();
      for (const w of waiters.splice(0)) w();
    });
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/hook`,
    requests,
    statuses,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} requests, got ${requests.length}`)), timeoutMs);
        const check = () => {
          if (requests.length >= count) {
            clearTimeout(timer);
            resolve(requests.slice(0, count));
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
