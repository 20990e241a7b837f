/**
 * Measures what a round trip per connection costs: N sequential requests over ONE keep-alive connection
 * versus a NEW TCP connection for every request, both through a relay that delays each new connection by
 * `latencyMs` (see delay-shim.ts). Run: `npx tsx labs/networks/measure.ts [--requests 20] [--latency 30]`.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { startDelayShim } from './delay-shim.ts';

export interface Variant {
  totalMs: number;
  /** Median time of one request: robust against a few requests slowed down by a busy machine. */
  medianMs: number;
  connections: number;
}
export interface ConnectionReuseResult {
  requests: number;
  latencyMs: number;
  keepAlive: Variant;
  newConnection: Variant;
  /** newConnection.totalMs / keepAlive.totalMs */
  ratio: number;
  /** (median newConnection − median keepAlive) / latencyMs: the extra round trips a typical request pays. */
  extraRoundTripsPerRequest: number;
}

function getOnce(url: string, agent: Agent | false): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timeVariant(target: string, latencyMs: number, requests: number, keepAlive: boolean): Promise<Variant> {
  const shim = await startDelayShim(target, latencyMs);
  // keepAlive: one socket, reused; otherwise `agent: false` opens and closes a connection per request.
  const agent = keepAlive ? new Agent({ keepAlive: true, maxSockets: 1 }) : false;
  try {
    const durations: number[] = [];
    for (let i = 0; i < requests; i += 1) {
      const started = performance.now();
      await getOnce(`${shim.url}/item/${i}`, agent);
      durations.push(performance.now() - started);
    }
    return { totalMs: durations.reduce((a, b) => a + b, 0), medianMs: median(durations), connections: shim.connections() };
  } finally {
    if (agent) agent.destroy();
    await shim.close();
  }
}

export async function measureConnectionReuse({ requests = 20, latencyMs = 30 } = {}): Promise<ConnectionReuseResult> {
  if (!Number.isInteger(requests) || requests < 2) throw new Error(`requests must be an integer ≥ 2; got ${requests}`);
  if (!Number.isFinite(latencyMs) || latencyMs <= 0) throw new Error(`latency must be a positive number of ms; got ${latencyMs}`);
  const backend = createServer((_req, res) => res.end('ok\n'));
  backend.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  try {
    // Warm-up: the first requests of a process are slow (code loading, JIT); neither variant should pay that.
    for (let i = 0; i < 3; i += 1) await getOnce(`${target}/warm-up`, false);
    const keepAlive = await timeVariant(target, latencyMs, requests, true);
    const newConnection = await timeVariant(target, latencyMs, requests, false);
    return {
      requests,
      latencyMs,
      keepAlive,
      newConnection,
      ratio: newConnection.totalMs / keepAlive.totalMs,
      extraRoundTripsPerRequest: (newConnection.medianMs - keepAlive.medianMs) / latencyMs,
    };
  } finally {
    backend.closeAllConnections();
    await new Promise<void>((resolve) => backend.close(() => resolve()));
  }
}

export function formatResult(r: ConnectionReuseResult): string {
  const row = (label: string, v: Variant) =>
    `${label.padEnd(26)} ${v.totalMs.toFixed(1).padStart(8)} ms total  ${v.medianMs.toFixed(1).padStart(6)} ms median/request  ${String(v.connections).padStart(3)} connection(s)`;
  return [
    `${r.requests} sequential GET requests, ${r.latencyMs} ms added to every new connection`,
    row('one keep-alive connection', r.keepAlive),
    row('new connection each time', r.newConnection),
    `ratio new/keep-alive: ${r.ratio.toFixed(1)}×; extra round trips per request: ${r.extraRoundTripsPerRequest.toFixed(2)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { requests: { type: 'string', default: '20' }, latency: { type: 'string', default: '30' } } });
  const result = await measureConnectionReuse({ requests: Number(values.requests), latencyMs: Number(values.latency) });
  console.log(formatResult(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    // Bad arguments and failed runs end with one line, not a stack trace.
    console.error(`measure: ${error.message}`);
    process.exitCode = 1;
  });
}
