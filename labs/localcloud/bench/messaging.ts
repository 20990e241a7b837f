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
import { publishScript, receiveDeleteScript, runWrk, sendMessageScript, type LoadOptions, type LoadResult } from './wrk.ts';

const load: LoadOptions = { connections: 64, seconds: Number(process.env.BENCH_SECONDS ?? 4) };
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

const targetNames = ['ceiling', 'localcloud', 'fauxqs'] as const;
/** The machine is shared, so each figure is the best of several interleaved runs. */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

export const messagingSection: BenchSection = {
  name: 'sqs+sns',
  async run(log) {
    const rows: BenchRow[] = [];
    const add = (row: Omit<BenchRow, 'section'>) => {
      rows.push({ section: 'sqs+sns', ...row });
      const latency = row.p50Ms !== undefined ? `  p50 ${row.p50Ms.toFixed(2)} ms  p99 ${row.p99Ms!.toFixed(2)} ms` : '';
      const cpu = row.cpuUsPerRequest !== undefined ? `  ${row.cpuUsPerRequest.toFixed(0)} µs CPU/req` : '';
      log(`  ${row.scenario.padEnd(30)} ${row.target.padEnd(10)} ${Math.round(row.rate).toString().padStart(7)} ${row.unit}${latency}${cpu}${row.note ? `  (${row.note})` : ''}`);
    };
    const targets = await Promise.all(targetNames.map((name) => startTarget(name)));
    try {
      const setups = await Promise.all(targets.map((t) => prepare(t)));
      // SDK end-to-end first, on idle servers: later scenarios leave background work (fan-out deliveries) behind.
      for (const concurrency of [1, 16, 64]) {
        for (const [i, target] of targets.entries()) {
          if (target.name === 'ceiling') continue;
          add({ scenario: `SDK SendMessage c=${concurrency}`, target: target.name, rate: await sdkRate(target.endpoint, setups[i].queueUrl, concurrency, 3), unit: 'req/s' });
        }
      }
      const scenarios = [
        { scenario: 'SendMessage', unit: 'req/s', script: (i: number) => sendMessageScript(setups[i].queueUrl, body) },
        { scenario: 'ReceiveMessage+DeleteMessage', unit: 'pairs/s', script: (i: number) => receiveDeleteScript(setups[i].queueUrl) },
        { scenario: 'Publish (fan-out to 3 SQS)', unit: 'req/s', script: (i: number) => (setups[i].topicArn ? publishScript(setups[i].topicArn!, body) : undefined) },
      ];
      for (const { scenario, unit, script } of scenarios) {
        const best: Array<LoadResult | undefined> = targets.map(() => undefined);
        const leastCpu: number[] = targets.map(() => Infinity);
        for (let round = 0; round < rounds; round++) {
          for (const [i, target] of targets.entries()) {
            const lua = script(i);
            if (!lua) continue;
            const cpuBefore = target.cpuMs();
            const result = await runWrk(target.endpoint, lua, load);
            leastCpu[i] = Math.min(leastCpu[i], ((target.cpuMs() - cpuBefore) * 1000) / result.requests);
            // The ceiling never returns a receipt handle, so each of its requests stands for half a pair.
            if (unit === 'pairs/s' && target.name === 'ceiling') result.unitRate = result.rate / 2;
            if (!best[i] || result.unitRate > best[i]!.unitRate) best[i] = result;
          }
        }
        for (const [i, target] of targets.entries()) {
          const r = best[i];
          if (!r) add({ scenario, target: target.name, rate: 0, unit, note: 'SNS not available' });
          else {
            const note = r.failures ? `${r.failures} failed` : undefined;
            add({ scenario, target: target.name, rate: r.unitRate, unit, p50Ms: r.p50Ms, p99Ms: r.p99Ms, cpuUsPerRequest: leastCpu[i], note });
          }
        }
      }
      for (const target of targets) add({ scenario: 'server RSS after the runs', target: target.name, rate: target.rssBytes() / 2 ** 20, unit: 'MiB' });
    } finally {
      await Promise.all(targets.map((t) => t.stop()));
    }
    const count = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
    const { line } = runProcess(['fill', String(count), '1024'], /RSS (\d+) BEFORE (\d+) QUEUED (\d+)/);
    const [, rss, before, queued] = await line;
    add({
      scenario: `${Number(queued).toLocaleString('en')} queued 1 KB messages`,
      target: 'localcloud',
      rate: Number(rss) / 2 ** 20,
      unit: 'MiB RSS',
      note: `${((Number(rss) - Number(before)) / Number(queued)).toFixed(0)} B/message`,
    });
    return rows;
  },
};
