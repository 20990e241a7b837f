/**
 * The flaky order service: a small HTTP API on node:http whose network misbehaves on purpose.
 * `POST /orders` goes through the fault plan; `GET /orders` and `GET /log` never fail (they are how tests
 * and students look behind the curtain).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from '../contract.ts';
import { randomFaults, scriptedFaults, type Fault, type FaultPlan, type FaultRates } from './faults.ts';
import { createOrderStore, type Answer, type RecordedOrder } from './store.ts';

export interface FlakyOrderServiceOptions {
  /** Seed for random faults (default 1). Ignored when `script` is given. */
  seed?: number;
  /** Random fault rates; default `defaultFaultRates`, `{}` for a well-behaved network. */
  faults?: FaultRates;
  /** Explicit faults for the first requests, in order; afterwards every request is `ok`. */
  script?: readonly Fault[];
  /** How long a `delay` fault holds a request back (default 3000 ms). */
  delayMs?: number;
  /** Retry-After value of a `throttle` fault, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Port to bind on 127.0.0.1; default 0 (an ephemeral port). */
  port?: number;
  /** Called once per `POST /orders` when its fate is known (for the CLI's log). */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  /** 1-based number of the `POST /orders` request. */
  n: number;
  fault: Fault;
  idempotencyKey?: string;
  /** Status the service answered (or would have answered, had the response not been dropped); absent when the request was dropped. */
  status?: number;
  /** How many orders this request created (2 when a duplicated request without key was processed twice). */
  created: number;
  replayed: boolean;
}

export interface FlakyOrderService {
  url: string;
  orders(): RecordedOrder[];
  log(): RequestLogEntry[];
  /** Resolves when no delayed request is still waiting to be processed. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024;

function faultPlanFor(options: FlakyOrderServiceOptions): FaultPlan {
  if (options.script) return scriptedFaults(options.script);
  return randomFaults(options.seed ?? 1, options.faults);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.writableEnded) return; // the client already went away
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFlakyOrderService(options: FlakyOrderServiceOptions = {}): Promise<FlakyOrderService> {
  const delayMs = options.delayMs ?? 3000;
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  if (!(Number.isFinite(delayMs) && delayMs >= 0)) throw new Error(`delayMs must be a number of milliseconds ≥ 0, got ${delayMs}`);
  if (!(Number.isInteger(retryAfterSeconds) && retryAfterSeconds >= 0)) throw new Error(`retryAfterSeconds must be an integer ≥ 0, got ${retryAfterSeconds}`);
  const plan = faultPlanFor(options);
  const store = createOrderStore();
  const log: RequestLogEntry[] = [];
  const pending = new Map<NodeJS.Timeout, { done: Promise<void>; release: () => void }>();

  const answer = (res: ServerResponse, result: Answer) =>
    sendJson(res, result.status, result.body, result.replayed ? { [REPLAYED_HEADER]: 'true' } : {});

  const record = (entry: RequestLogEntry) => {
    log.push(entry);
    options.onRequest?.(entry);
  };

  /** Runs one delivered copy of the request against the store, counting the orders it created. */
  const processOnce = (body: string, key: string | undefined) => {
    const before = store.orders().length;
    const result = store.place(body, key);
    return { result, created: store.orders().length - before };
  };

  const handleOrder = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const header = req.headers[IDEMPOTENCY_HEADER.toLowerCase()];
    const key = Array.isArray(header) ? header[0] : header;
    const n = log.length + 1;
    const fault = plan.next();
    const entry = (status: number | undefined, created = 0, replayed = false): RequestLogEntry => ({
      n, fault, idempotencyKey: key, status, created, replayed,
    });

    switch (fault) {
      case 'drop-request':
        record(entry(undefined));
        req.socket.destroy();
        return;
      case 'unavailable':
        record(entry(503));
        sendJson(res, 503, { error: 'service unavailable, try again later' });
        return;
      case 'throttle':
        record(entry(429));
        sendJson(res, 429, { error: 'too many requests' }, { 'retry-after': String(retryAfterSeconds) });
        return;
      case 'delay': {
        // Processed after the delay whether or not the client is still waiting: a timeout does not undo work.
        let release!: () => void;
        const done = new Promise<void>((resolve) => (release = resolve));
        const timer = setTimeout(() => {
          pending.delete(timer);
          const { result, created } = processOnce(body, key);
          record(entry(result.status, created, result.replayed));
          answer(res, result);
          release();
        }, delayMs);
        pending.set(timer, { done, release });
        return;
      }
      case 'duplicate': {
        const first = processOnce(body, key);
        const second = processOnce(body, key);
        record(entry(first.result.status, first.created + second.created, second.result.replayed));
        answer(res, first.result);
        return;
      }
      case 'drop-response': {
        const { result, created } = processOnce(body, key);
        record(entry(result.status, created, result.replayed));
        req.socket.destroy();
        return;
      }
      case 'ok': {
        const { result, created } = processOnce(body, key);
        record(entry(result.status, created, result.replayed));
        answer(res, result);
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    readBody(req)
      .then((body) => {
        if (body === undefined) return sendJson(res, 413, { error: `body larger than ${MAX_BODY_BYTES} bytes` });
        if (path === '/orders' && req.method === 'POST') return handleOrder(req, res, body);
        if (path === '/orders' && req.method === 'GET') return sendJson(res, 200, store.orders());
        if (path === '/log' && req.method === 'GET') return sendJson(res, 200, log);
        if (path === '/orders' || path === '/log') return sendJson(res, 405, { error: `${req.method} not allowed on ${path}` });
        return sendJson(res, 404, { error: `no route ${req.method} ${path}; try POST /orders, GET /orders or GET /log` });
      })
      .catch(() => req.socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `Port ${options.port} on 127.0.0.1 is already in use` : error.message)),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    orders: () => store.orders(),
    log: () => log.map((e) => ({ ...e })),
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending.values()].map((p) => p.done));
    },
    stop: async () => {
      // Requests still held back are dropped, never processed; release whoever waits in idle().
      for (const [timer, { release }] of pending) {
        clearTimeout(timer);
        release();
      }
      pending.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
