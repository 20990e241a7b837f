/**
 * Compute section of `npm run bench:cloud` (also runnable alone: `npx tsx labs/localcloud/bench/compute.ts`):
 *  - HTTP API → Lambda, warm: requests/s and p50/p99 with wrk (its own process), against the same handler behind a
 *    bare node:http server in the same run (best of interleaved rounds); prints the ratio (target ≥ 50 %).
 *  - Cold start of a 100 KB bundle: Init Duration from the REPORT line and the wall time of the first invoke.
 *  - SQS → Lambda: messages/s drained through an event source mapping (batch 10, 5 concurrent batches).
 * Not a timed test. Env: BENCH_SECONDS (per wrk run, default 4), BENCH_ROUNDS (best of, default 3),
 * BENCH_ESM_MESSAGES (default 5000).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startLocalCloud, type LocalCloud } from '../core/server.ts';
import { apiGatewayApi } from '../apigateway/api.ts';
import { eventSourcesApi } from '../eventsources/api.ts';
import { lambdaApi } from '../lambda/api.ts';
import { sqsApi } from '../sqs/api.ts';
import type { BenchRow, BenchSection } from './section.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = 8;
const esmMessages = Number(process.env.BENCH_ESM_MESSAGES ?? 5000);

const handlerSource = `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ ok: true, path: event.rawPath }),
});
`;

/** A CommonJS bundle of about 100 KB: a lookup table plus the handler, like a small esbuild output. */
function bundleOf100Kb(): string {
  const rows = Array.from({ length: 1400 }, (_, i) => `  ["sku-${String(i).padStart(5, '0')}", ${i * 7 % 101}, "${'abcdefghij'.repeat(5)}"],`);
  return `"use strict";\nconst table = [\n${rows.join('\n')}\n];\nconst index = new Map(table.map((r) => [r[0], r]));\n${handlerSource.replace('ok: true', 'ok: index.size > 0')}`;
}

function writeCode(dir: string, source: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.js'), source);
  return dir;
}

interface HttpLoad {
  rate: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

const toMs = (value: string, unit: string) => Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);

/** GET load from wrk (its own process, one thread, keep-alive), read from its plain `--latency` report. */
function runWrkGet(url: string, duration: number): Promise<HttpLoad> {
  const args = ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', '--timeout', '10s', url];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { timeout: (duration + 30) * 1000 }, (error, stdout) => {
      const rate = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
      const p50 = /\s50%\s+([\d.]+)(us|ms|s)/.exec(stdout);
      const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(stdout);
      if (error || !rate || !p50 || !p99) return reject(new Error(`wrk failed (apt-get install wrk): ${error?.message ?? stdout}`));
      const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
      const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
      const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
      resolve({ rate: Number(rate[1]), p50Ms: toMs(p50[1], p50[2]), p99Ms: toMs(p99[1], p99[2]), failures: non2xx + socketErrors });
    });
  });
}

/** The same handler behind node:http, with the smallest event it reads: the ceiling for the HTTP API row. */
async function bareServer(codeDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const { handler } = createRequire(path.join(codeDir, 'index.js'))('./index.js') as {
    handler: (event: unknown) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;
  };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      const result = await handler({ version: '2.0', rawPath: req.url, headers: req.headers, requestContext: { http: { method: req.method } } });
      res.writeHead(result.statusCode, result.headers);
      res.end(result.body);
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hello`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function httpApiRows(cloud: LocalCloud, codeDir: string, add: (row: Omit<BenchRow, 'section'>) => void): Promise<void> {
  const lambda = lambdaApi(cloud.context.registry);
  const gw = apiGatewayApi(cloud.context.registry);
  await lambda.createFunction({ name: 'bench-http', runtime: 'nodejs24.x', handler: 'index.handler', codeDir, timeout: 10 });
  const { apiId } = gw.createHttpApi({ name: 'bench' });
  const { integrationId } = gw.createIntegration(apiId, { integrationType: 'AWS_PROXY', integrationUri: 'bench-http' });
  gw.createRoute(apiId, { routeKey: 'ANY /hello', target: integrationId });
  const { invokeUrl } = gw.createStage(apiId, { stageName: '$default' });
  // Warm up: every instance the load will use is started before measuring.
  await runWrkGet(`${invokeUrl}hello`, 1);
  const bare = await bareServer(codeDir);
  // The machine is shared, so each figure is the best of interleaved rounds, for both targets alike.
  let viaApi: HttpLoad | undefined;
  let direct: HttpLoad | undefined;
  for (let round = 0; round < rounds; round++) {
    const api = await runWrkGet(`${invokeUrl}hello`, seconds);
    if (!viaApi || api.rate > viaApi.rate) viaApi = api;
    const plain = await runWrkGet(bare.url, seconds);
    if (!direct || plain.rate > direct.rate) direct = plain;
  }
  await bare.close();
  if (!viaApi || !direct) throw new Error('BENCH_ROUNDS must be at least 1');
  add({ scenario: 'HTTP API → Lambda (warm)', target: 'localcloud', rate: viaApi.rate, unit: 'req/s', p50Ms: viaApi.p50Ms, p99Ms: viaApi.p99Ms, note: viaApi.failures ? `${viaApi.failures} failures` : undefined });
  add({ scenario: 'HTTP API → Lambda (warm)', target: 'bare-http', rate: direct.rate, unit: 'req/s', p50Ms: direct.p50Ms, p99Ms: direct.p99Ms, note: direct.failures ? `${direct.failures} failures` : undefined });
  add({ scenario: 'HTTP API → Lambda ratio', target: 'localcloud', rate: (viaApi.rate / direct.rate) * 100, unit: '% of bare node:http (target ≥ 50 %)' });
}

async function coldStartRows(cloud: LocalCloud, workDir: string, add: (row: Omit<BenchRow, 'section'>) => void): Promise<void> {
  const lambda = lambdaApi(cloud.context.registry);
  const source = bundleOf100Kb();
  const codeDir = writeCode(path.join(workDir, 'cold'), source);
  const inits: number[] = [];
  const walls: number[] = [];
  for (let i = 0; i < 7; i++) {
    const name = `bench-cold-${i}`;
    await lambda.createFunction({ name, runtime: 'nodejs24.x', handler: 'index.handler', codeDir, timeout: 10 });
    const started = performance.now();
    const result = await lambda.invoke(name, { rawPath: '/cold' }, { logTail: true });
    walls.push(performance.now() - started);
    const init = /Init Duration: ([\d.]+) ms/.exec(Buffer.from(result.logResult ?? '', 'base64').toString());
    if (result.functionError || !init) throw new Error(`cold start run failed: ${result.payload}`);
    inits.push(Number(init[1]));
    await lambda.deleteFunction(name);
  }
  const kb = (Buffer.byteLength(source) / 1024).toFixed(0);
  add({ scenario: `Cold start (${kb} KB bundle)`, target: 'localcloud', rate: median(inits), unit: 'ms Init Duration (median of 7)' });
  add({ scenario: `Cold start (${kb} KB bundle)`, target: 'localcloud', rate: median(walls), unit: 'ms first invoke, wall (median of 7)' });
}

async function eventSourceRows(cloud: LocalCloud, codeDir: string, add: (row: Omit<BenchRow, 'section'>) => void): Promise<void> {
  const client = new SQSClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' } });
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: 'bench-esm' }));
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  client.destroy();
  const sqs = sqsApi(cloud.context.registry);
  for (let i = 0; i < esmMessages; i++) sqs.sendMessage(QueueUrl!, `{"order":${i}}`);
  await lambdaApi(cloud.context.registry).createFunction({ name: 'bench-esm', runtime: 'nodejs24.x', handler: 'index.handler', codeDir, timeout: 10 });
  const started = performance.now();
  eventSourcesApi(cloud.context.registry).createEventSourceMapping({ eventSourceArn: Attributes!.QueueArn!, functionName: 'bench-esm', batchSize: 10 });
  for (;;) {
    const a = sqs.getQueueAttributes(QueueUrl!, ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible']);
    if (Number(a.ApproximateNumberOfMessages) + Number(a.ApproximateNumberOfMessagesNotVisible) === 0) break;
    if (performance.now() - started > 120_000) throw new Error('SQS → Lambda did not drain within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const elapsed = (performance.now() - started) / 1000;
  add({ scenario: 'SQS → Lambda (batch 10, 5 pollers)', target: 'localcloud', rate: esmMessages / elapsed, unit: `msg/s (${esmMessages} messages, incl. cold starts)` });
}

export const computeSection: BenchSection = {
  name: 'lambda+apigateway+eventsources',
  async run(log) {
    process.env.LOCALCLOUD_QUIET = '1';
    const rows: BenchRow[] = [];
    const add = (row: Omit<BenchRow, 'section'>) => {
      rows.push({ section: 'compute', ...row });
      const latency = row.p50Ms !== undefined ? `  p50 ${row.p50Ms.toFixed(2)} ms  p99 ${row.p99Ms!.toFixed(2)} ms` : '';
      log(`  ${row.scenario.padEnd(36)} ${row.target.padEnd(10)} ${row.rate.toFixed(row.rate < 100 ? 1 : 0).padStart(8)} ${row.unit}${latency}${row.note ? `  (${row.note})` : ''}`);
    };
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-compute-'));
    const cloud = await startLocalCloud({ port: 0 });
    try {
      const codeDir = writeCode(path.join(workDir, 'http'), handlerSource);
      await httpApiRows(cloud, codeDir, add);
      await coldStartRows(cloud, workDir, add);
      await eventSourceRows(cloud, codeDir, add);
    } finally {
      await cloud.stop();
      fs.rmSync(workDir, { recursive: true, force: true });
    }
    return rows;
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`== ${computeSection.name}`);
  await computeSection.run((line) => console.log(line));
}
