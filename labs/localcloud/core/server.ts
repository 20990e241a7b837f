/**
 * The local cloud's HTTP front door: reads a request, finds the service that owns it and writes its answer.
 * It knows no service semantics; each service module parses its own protocol. It also applies the transport-level
 * injected faults (latency, dropped connections, error answers) and announces every call on the event bus.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { systemClock, type Clock } from './clock.ts';
import { seededRandom } from './random.ts';
import { EventBus } from './events.ts';
import { jsonResponse, queryAction } from './http.ts';
import type { CloudContext, LocalRequest, LocalResponse, ServiceModule } from './types.ts';
import { serviceFactories } from '../services.ts';
import { FaultInjector } from '../faults/injector.ts';
import { FaultConfigError, type FaultConfig } from '../faults/config.ts';
import { genericFaultResponse } from '../faults/errors.ts';

export const VERSION = '0.1.0';
export const DEFAULT_REGION = 'eu-central-1';
export const DEFAULT_ACCOUNT = '000000000000';
export const DEFAULT_PORT = 4566;
/** Larger bodies are refused before they are buffered (API Gateway's own limit is 10 MB). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface LocalCloudOptions {
  port?: number;
  host?: string;
  seed?: number;
  clock?: Clock;
  region?: string;
  dataDir?: string;
  /** Fault rules active from the start (same model as `POST /_localcloud/faults`). */
  faults?: FaultConfig;
}

export interface LocalCloud {
  endpoint: string;
  context: CloudContext;
  stop(): Promise<void>;
}

const credentialPattern = /Credential=([^/,\s]+)\/[^/]+\/[^/]+\/([^/]+)\/aws4_request/;

function toLocalRequest(req: http.IncomingMessage, body: Buffer): LocalRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  // Node already lower-cases header names; repeated headers other than set-cookie arrive joined.
  const headers = req.headers as Record<string, string>;
  const auth = headers.authorization ? credentialPattern.exec(headers.authorization) : null;
  return {
    method: req.method ?? 'GET',
    path: q === -1 ? url : url.slice(0, q),
    query: new URLSearchParams(q === -1 ? '' : url.slice(q + 1)),
    headers,
    body,
    signingService: auth?.[2],
    accessKeyId: auth?.[1],
    remoteAddress: req.socket.remoteAddress,
  };
}

/** Operation and resource for fault rules and events, from the service if it knows better. */
function describe(service: ServiceModule, req: LocalRequest): { action?: string; resource?: string } {
  if (service.describe) return service.describe(req);
  const target = req.headers['x-amz-target'];
  return { action: target ? target.slice(target.lastIndexOf('.') + 1) : queryAction(req) };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? 1;
  const clock = options.clock ?? systemClock();
  const events = new EventBus();
  const faults = new FaultInjector(events, clock, seed);
  if (options.faults) faults.set(options.faults);
  let endpoint = '';
  const context: CloudContext = {
    clock,
    random: seededRandom(seed),
    events,
    region: options.region ?? DEFAULT_REGION,
    accountId: DEFAULT_ACCOUNT,
    endpoint: () => endpoint,
    dataDir: options.dataDir ?? path.join(os.tmpdir(), `localcloud-${process.pid}-${Date.now()}`),
    registry: new Map(),
    faults,
  };
  const services: ServiceModule[] = [];
  for (const factory of serviceFactories) services.push(await factory(context));

  const controlRoute = async (req: LocalRequest): Promise<LocalResponse | undefined> => {
    if (req.path === '/_localcloud/health' && req.method === 'GET') {
      return jsonResponse(200, { status: 'running', version: VERSION, services: services.map((s) => s.name) });
    }
    if (req.path === '/_localcloud/faults') {
      if (req.method === 'GET') return jsonResponse(200, faults.get());
      if (req.method === 'DELETE') return (faults.clear(), jsonResponse(200, faults.get()));
      if (req.method === 'POST' || req.method === 'PUT') {
        try {
          return jsonResponse(200, faults.set(JSON.parse(req.body.toString('utf8'))));
        } catch (error) {
          const message = error instanceof FaultConfigError ? error.message : 'fault config is not valid JSON';
          return jsonResponse(400, { __type: 'InvalidFaultConfig', message });
        }
      }
      return jsonResponse(405, { __type: 'MethodNotAllowed', message: 'use GET, POST or DELETE' });
    }
    return undefined;
  };

  /** Answers a request; `undefined` means "drop the connection" (an injected fault). */
  const dispatch = async (req: LocalRequest): Promise<LocalResponse | undefined> => {
    if (req.path.startsWith('/_localcloud/')) {
      const answer = await controlRoute(req);
      if (answer) return answer;
    }
    const owner = services.find((s) => s.matches(req));
    if (!owner) return jsonResponse(404, { __type: 'UnknownOperationException', message: `No service handles ${req.method} ${req.path}` });
    const observed = faults.active || events.hasListeners;
    const { action, resource } = observed ? describe(owner, req) : {};
    let answer: LocalResponse | undefined;
    if (faults.active) {
      const planned = faults.forRequest(owner.name, action, resource);
      if (planned.latencyMs > 0) await sleep(planned.latencyMs);
      if (planned.drop) return undefined;
      if (planned.error) answer = owner.faultResponse?.(req, planned.error) ?? genericFaultResponse(req, planned.error);
    }
    answer ??= await owner.handle(req);
    if (events.hasListeners) {
      events.emit({ type: 'call', service: owner.name, action, resource, detail: { status: answer.status }, time: clock.now() });
    }
    return answer;
  };

  const respond = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => {
    dispatch(toLocalRequest(req, body))
      .catch((error: unknown) => jsonResponse(500, { __type: 'InternalFailure', message: error instanceof Error ? error.message : String(error) }))
      .then((answer) => {
        if (res.headersSent || res.destroyed) return;
        if (!answer) return void req.socket.destroy();
        const headers = answer.headers ?? {};
        if (answer.stream) {
          res.writeHead(answer.status, headers);
          return answer.stream(res);
        }
        // An explicit length avoids chunked encoding, as AWS answers.
        const body = answer.body ?? '';
        headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.length);
        res.writeHead(answer.status, headers);
        res.end(body);
      });
  };

  const server = http.createServer((req, res) => {
    let first: Buffer | undefined;
    let chunks: Buffer[] | undefined;
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        if (!refused) {
          refused = true;
          res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
          res.end(JSON.stringify({ __type: 'RequestEntityTooLarge', message: `Request body exceeds ${MAX_BODY_BYTES} bytes` }));
          first = chunks = undefined;
        }
        return;
      }
      if (!first) first = chunk;
      else (chunks ??= [first]).push(chunk);
    });
    req.on('end', () => {
      if (!refused) respond(req, res, chunks ? Buffer.concat(chunks) : (first ?? Buffer.alloc(0)));
    });
    req.on('error', () => res.destroy());
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    endpoint,
    context,
    async stop() {
      for (const s of services) await s.stop?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
