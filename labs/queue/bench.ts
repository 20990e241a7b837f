/**
 * `npm run bench:queue`: sells 50,000 tickets to 60,000 buyers end to end (HTTP API → queue → consumer → DynamoDB)
 * in a local cloud of its own, once through the FIFO queue (one message group per event: orders processed one
 * batch at a time, in order) and once through a standard queue with the same idempotent consumer (concurrent
 * batches). Prints orders/s, time to drain after the last order was accepted, and the ratios; stops by itself.
 * BENCH_SCALE=0.1 runs a tenth; BENCH_CONCURRENCY sets the buyers in flight (default 64).
 */
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import { deployLabLocally, ensureLocalCloud } from '../kit/local-cloud.ts';
import { putEvent, readEvent } from './app/tables.ts';
import { localDynamo } from './harness/local-tables.ts';
import { ordersOf, rush, tally, type Tally } from './harness/shop.ts';

const FULL_TICKETS = 50_000;
const FULL_BUYERS = 60_000;
/** A drain that makes no progress for this long is stuck: the benchmark stops instead of waiting forever. */
const STALL_MS = 120_000;

interface Run {
  kind: string;
  acceptMs: number;
  drainMs: number;
  totalMs: number;
  result: Tally;
  remaining: number;
}

function numberFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return value;
}

async function inQueue(sqs: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
  return Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
}

async function runOnce(kind: 'fifo' | 'standard', tickets: number, buyers: number, concurrency: number): Promise<Run> {
  const cloud = await ensureLocalCloud({ port: 0, reuse: false });
  const db = localDynamo(cloud.endpoint);
  const sqs = new SQSClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  try {
    process.stdout.write(`${kind}: deploying … `);
    const outputs = await deployLabLocally('queue', { endpoint: cloud.endpoint, source: 'solution', context: { queueKind: kind } });
    const tables = { events: outputs.EventsTable, orders: outputs.OrdersTable };
    const apiUrl = outputs.ApiUrl.endsWith('/') ? outputs.ApiUrl : `${outputs.ApiUrl}/`;
    await putEvent(db, tables, 'bench', tickets);
    process.stdout.write(`selling ${tickets} tickets to ${buyers} buyers (${concurrency} in flight) … `);
    const started = Date.now();
    await rush(apiUrl, 'bench', buyers, { concurrency });
    const accepted = Date.now();
    let left = await inQueue(sqs, outputs.QueueUrl);
    let progressAt = Date.now();
    while (left > 0) {
      await sleep(500);
      const now = await inQueue(sqs, outputs.QueueUrl);
      if (now < left) progressAt = Date.now();
      if (Date.now() - progressAt > STALL_MS) throw new Error(`${kind}: the queue stopped draining with ${now} messages left`);
      left = now;
    }
    const drained = Date.now();
    const result = tally(await ordersOf(db, tables, 'bench'));
    const remaining = (await readEvent(db, tables, 'bench'))?.remaining ?? Number.NaN;
    console.log('done');
    return { kind, acceptMs: accepted - started, drainMs: drained - accepted, totalMs: drained - started, result, remaining };
  } finally {
    db.destroy();
    sqs.destroy();
    await cloud.stop();
  }
}

const perSecond = (count: number, ms: number) => (count / (ms / 1000)).toFixed(1);

async function main() {
  const scale = numberFromEnv('BENCH_SCALE', 1, 0.001, 1);
  const concurrency = numberFromEnv('BENCH_CONCURRENCY', 64, 1, 1000);
  process.env.LOCALCLOUD_QUIET ??= '1';
  const tickets = Math.round(FULL_TICKETS * scale);
  const buyers = Math.round(FULL_BUYERS * scale);
  const runs: Run[] = [];
  for (const kind of ['fifo', 'standard'] as const) runs.push(await runOnce(kind, tickets, buyers, concurrency));

  console.log(`\nQueue prototype, ${tickets} tickets / ${buyers} buyers, solution consumer, no faults (local cloud, this machine)\n`);
  console.log('| queue | accepted in | orders/s accepted | drain after last accept | orders/s end to end | confirmed | sold out | pending | duplicates | remaining |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of runs) {
    console.log(
      `| ${r.kind} | ${(r.acceptMs / 1000).toFixed(1)} s | ${perSecond(buyers, r.acceptMs)} | ${(r.drainMs / 1000).toFixed(1)} s | ${perSecond(buyers, r.totalMs)} | ${r.result.confirmed} | ${r.result.soldOut} | ${r.result.pending} | ${r.result.duplicates.length} | ${r.remaining} |`,
    );
  }
  const [fifo, standard] = runs;
  console.log(`\nstandard queue vs FIFO: ${(fifo.totalMs / standard.totalMs).toFixed(2)}× the end-to-end rate, drained ${(fifo.drainMs / Math.max(1, standard.drainMs)).toFixed(2)}× as fast`);
  const wrong = runs.filter((r) => r.result.confirmed !== tickets || r.result.soldOut !== buyers - tickets || r.result.pending !== 0 || r.remaining !== 0);
  if (wrong.length > 0) {
    console.log(`\nNOT CORRECT: ${wrong.map((r) => r.kind).join(', ')} did not sell exactly ${tickets}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
