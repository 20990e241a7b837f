/** Shared fixtures for the SNS and inspection tests: a local cloud, SDK clients, queues and an HTTP receiver. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../core/server.ts';
import type { CloudEvent } from '../core/events.ts';

export interface Fixture {
  cloud: LocalCloud;
  sns: SNSClient;
  sqs: SQSClient;
  stop(): Promise<void>;
}

export const clientConfig = (endpoint: string) => ({
  endpoint,
  region: 'eu-central-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1,
});

export async function startFixture(options: LocalCloudOptions = {}): Promise<Fixture> {
  const cloud = await startLocalCloud({ port: 0, ...options });
  const sns = new SNSClient(clientConfig(cloud.endpoint));
  const sqs = new SQSClient(clientConfig(cloud.endpoint));
  return {
    cloud,
    sns,
    sqs,
    async stop() {
      sns.destroy();
      sqs.destroy();
      await cloud.stop();
    },
  };
}

/** Creates a queue and returns its URL and ARN. */
export async function createQueue(sqs: SQSClient, name: string, attributes: Record<string, string> = {}): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { url: QueueUrl!, arn: Attributes!.QueueArn! };
}

/** Everything currently receivable (short polls until a poll comes back empty). */
export async function drain(sqs: SQSClient, queueUrl: string, extra: { MessageAttributeNames?: string[]; MessageSystemAttributeNames?: string[] } = {}): Promise<Message[]> {
  const all: Message[] = [];
  for (let i = 0; i < 20; i++) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 300, ...extra }));
    if (Messages.length === 0) break;
    all.push(...Messages);
  }
  return all;
}

/** Resolves with the first event that satisfies `predicate`, or rejects after `timeoutMs`. */
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

/** A local HTTP endpoint (127.0.0.1, ephemeral port) that records what SNS posts to it. */
export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const waiters: Array<() => void> = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statuses.shift() ?? 200).end();
      for (const w of waiters.splice(0)) w();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
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
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
