/**
 * SQS/SNS section: SendMessage, ReceiveMessage+DeleteMessage and Publish with fan-out to three queues, driven by wrk
 * against a bare node:http ceiling, the local cloud and fauxqs; the SDK end-to-end rate at concurrency 1/16/64; and
 * the memory of one million queued 1 KB messages.
 */
import http from 'node:http';
import { SQSClient, CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { SNSClient, CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import type { BenchRow, BenchSection } from './section.ts';
import { startTarget, runProcess, type Target } from './targets.ts';
import { publishScript, receiveDeleteScript, runWrk, sendMessageScript, type LoadOptions } from './wrk.ts';

const load: LoadOptions = { connections: 64, seconds: Number(process.env.BENCH_SECONDS ?? 5) };
const body = 'x'.repeat(256);
const credentials = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' };
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const sdkConfig = (endpoint: string) => ({ endpoint, region: 'eu-central-1', credentials, maxAttempts: 1, requestHandler: { httpAgent: agent } });

async function prepare(target: Target): Promise<{ queueUrl: string; topicArn?: string }> {
  if (target.name === 'ceiling') return { queueUrl: `${target.endpoint}/000000000000/bench`, topicArn: 'arn:aws:sns:eu-central-1:000000000000:bench' };
  const sqs = new SQSClient(sdkConfig(target.endpoint));
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'bench' }));
  let topicArn: string | undefined;
  try {
    const sns = new SNSClient(sdkConfig(target.endpoint));
    topicArn = (await sns.send(new CreateTopicCommand({ Name: 'bench' }))).TopicArn!;
    for (const name of ['fan-1', 'fan-2', 'fan-3']) {
      const { QueueUrl: url } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
      await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: Attributes!.QueueArn }));
    }
  } catch {
    topicArn = undefined; // SNS not available on this target: the Publish row says so.
  }
  return { queueUrl: QueueUrl!, topicArn };
}

async function sdkRate(endpoint: string, queueUrl: string, concurrency: number, seconds: number): Promise<number> {
  const sqs = new SQSClient(sdkConfig(endpoint));
  const until = performance.now() + seconds * 1000;
  let sent = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
        sent++;
      }
    }),
  );
  return sent / seconds;
}

export const messagingSection: BenchSection = {
  name: 'sqs+sns',
  async run(log) {
    const rows: BenchRow[] = [];
    const add = (row: Omit<BenchRow, 'section'>) => {
      rows.push({ section: 'sqs+sns', ...row });
      log(`  ${row.scenario.padEnd(26)} ${row.target.padEnd(10)} ${Math.round(row.rate).toString().padStart(7)} ${row.unit}${row.p50Ms !== undefined ? `  p50 ${row.p50Ms.toFixed(2)} ms  p99 ${row.p99Ms!.toFixed(2)} ms` : ''}${row.note ? `  (${row.note})` : ''}`);
    };
    for (const name of ['ceiling', 'localcloud', 'fauxqs'] as const) {
      const target = await startTarget(name);
      try {
        const { queueUrl, topicArn } = await prepare(target);
        const send = await runWrk(target.endpoint, sendMessageScript(queueUrl, body), load);
        add({ scenario: 'SendMessage', target: name, rate: send.rate, unit: 'req/s', p50Ms: send.p50Ms, p99Ms: send.p99Ms, note: send.failures ? `${send.failures} failed` : undefined });
        const rd = await runWrk(target.endpoint, receiveDeleteScript(queueUrl), load);
        // The ceiling never returns a handle, so each of its requests stands for half a pair.
        const pairs = name === 'ceiling' ? rd.rate / 2 : rd.unitRate;
        add({ scenario: 'ReceiveMessage+DeleteMessage', target: name, rate: pairs, unit: 'pairs/s', p50Ms: rd.p50Ms, p99Ms: rd.p99Ms, note: rd.failures ? `${rd.failures} failed` : undefined });
        if (topicArn) {
          const pub = await runWrk(target.endpoint, publishScript(topicArn, body), load);
          add({ scenario: 'Publish (fan-out to 3 SQS)', target: name, rate: pub.rate, unit: 'req/s', p50Ms: pub.p50Ms, p99Ms: pub.p99Ms, note: pub.failures ? `${pub.failures} failed` : undefined });
        } else add({ scenario: 'Publish (fan-out to 3 SQS)', target: name, rate: 0, unit: 'req/s', note: 'SNS not available' });
        if (name !== 'ceiling') {
          for (const concurrency of [1, 16, 64]) {
            add({ scenario: `SDK SendMessage c=${concurrency}`, target: name, rate: await sdkRate(target.endpoint, queueUrl, concurrency, 3), unit: 'req/s' });
          }
        }
        add({ scenario: 'server RSS after the runs', target: name, rate: target.rssBytes() / 2 ** 20, unit: 'MiB' });
      } finally {
        await target.stop();
      }
    }
    const count = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
    const { line } = runProcess(['fill', String(count), '1024'], /RSS (\d+) BEFORE (\d+) QUEUED (\d+)/);
    const [, rss, before, queued] = await line;
    add({ scenario: `${Number(queued).toLocaleString('en')} queued 1 KB messages`, target: 'localcloud', rate: Number(rss) / 2 ** 20, unit: 'MiB RSS', note: `${((Number(rss) - Number(before)) / Number(queued)).toFixed(0)} B/message` });
    return rows;
  },
};
