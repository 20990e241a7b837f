/**
 * The local cloud's HTTP front door: reads a request, finds the service that owns it and writes its answer.
 * It knows no service semantics; each service module parses its own protocol.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { systemClock, type Clock } from './clock.ts';
import { seededRandom } from './random.ts';
import { EventBus } from './events.ts';
import type { CloudContext, LocalRequest, LocalResponse, ServiceModule } from './types.ts';
import { serviceFactories } from '../services.ts';

export const VERSION = '0.1.0';
export const DEFAULT_REGION = 'eu-central-1';
export const DEFAULT_ACCOUNT = '000000000000';
/** Larger bodies are refused before they are buffered (API Gateway's own limit is 10 MB). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface LocalCloudOptions {
  port?: number;
  host?: string;
  seed?: number;
  clock?: Clock;
  region?: string;
  dataDir?: string;
}

export interface LocalCloud {
  endpoint: string;
  context: CloudContext;
  stop(): Promise<void>;
}

const credentialPattern = /Credential=([^/,\s]+)\/[^/]+\/[^/]+\/([^/]+)\/aws4_request/;

function toLocalRequest(req: http.IncomingMessage, body: Buffer): LocalRequest {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const auth = credentialPattern.exec(headers.authorization ?? '');
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers,
    body,
    signingService: auth?.[2],
    accessKeyId: auth?.[1],
    remoteAddress: req.socket.remoteAddress,
  };
}

const json = (status: number, value: unknown): LocalResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const host = options.host ?? '127.0.0.1';
  let endpoint = '';
  const context: CloudContext = {
    clock: options.clock ?? systemClock(),
    random: seededRandom(options.seed ?? 1),
    events: new EventBus(),
    region: options.region ?? DEFAULT_REGION,
    accountId: DEFAULT_ACCOUNT,
    endpoint: () => endpoint,
    dataDir: options.dataDir ?? path.join(os.tmpdir(), `localcloud-${process.pid}-${Date.now()}`),
    registry: new Map(),
  };
  const services: ServiceModule[] = [];
  for (const factory of serviceFactories) services.push(await factory(context));

  const dispatch = async (req: LocalRequest): Promise<LocalResponse> => {
    if (req.method === 'GET' && req.path === '/_localcloud/health') {
      return json(200, { status: 'running', version: VERSION, services: services.map((s) => s.name) });
    }
    const owner = services.find((s) => s.matches(req));
    if (!owner) return json(404, { __type: 'UnknownOperationException', message: `No service handles ${req.method} ${req.path}` });
    return owner.handle(req);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        if (!refused) {
          refused = true;
          res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
          res.end(JSON.stringify({ __type: 'RequestEntityTooLarge', message: `Request body exceeds ${MAX_BODY_BYTES} bytes` }));
          req.resume();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      dispatch(toLocalRequest(req, Buffer.concat(chunks)))
        .catch((error: unknown) => json(500, { __type: 'InternalFailure', message: error instanceof Error ? error.message : String(error) }))
        .then((answer) => {
          if (res.headersSent) return;
          res.writeHead(answer.status, answer.headers ?? {});
          res.end(answer.body ?? '');
        });
    });
    req.on('error', () => res.destroy());
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, host, resolve);
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
