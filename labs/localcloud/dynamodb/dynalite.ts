/**
 * dynalite (DynamoDB on LevelDB, in memory) inside the cloud process, on an ephemeral 127.0.0.1 port. Requests are
 * passed through unchanged; `call` lets the module itself run operations (transactions, TTL sweeps, the deployer).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { LocalRequest, LocalResponse } from '../core/types.ts';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (options: Record<string, unknown>) => http.Server;

export const TARGET_PREFIX = 'DynamoDB_20120810';
export const JSON_10 = 'application/x-amz-json-1.0';

export class DynamoCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface Dynalite {
  forward(req: LocalRequest): Promise<LocalResponse>;
  /** Runs one operation; throws DynamoCallError with the short error code (`ConditionalCheckFailedException`). */
  call<T = Record<string, unknown>>(operation: string, input: unknown): Promise<T>;
  stop(): Promise<void>;
}

const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);
const ADMIN_AUTH = 'AWS4-HMAC-SHA256 Credential=LOCALCLOUD/20260101/eu-central-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

export async function startDynalite(region: string, accountId: string): Promise<Dynalite> {
  // dynalite reads region and account from the environment once, when its store is created.
  const saved = { region: process.env.AWS_REGION, account: process.env.AWS_ACCOUNT_ID };
  process.env.AWS_REGION = region;
  process.env.AWS_ACCOUNT_ID = accountId;
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const restore = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));
  restore('AWS_REGION', saved.region);
  restore('AWS_ACCOUNT_ID', saved.account);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  const send = (headers: Record<string, string>, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string' && !HOP_HEADERS.has(k)) out[k] = v;
          resolve({ status: res.statusCode ?? 500, headers: out, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });

  return {
    async forward(req) {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (!HOP_HEADERS.has(k)) headers[k] = v;
      const answer = await send(headers, req.body);
      return { status: answer.status, headers: answer.headers, body: answer.body };
    },
    async call<T>(operation: string, input: unknown): Promise<T> {
      const answer = await send(
        { 'content-type': JSON_10, 'x-amz-target': `${TARGET_PREFIX}.${operation}`, authorization: ADMIN_AUTH, 'x-amz-date': '20260101T000000Z' },
        Buffer.from(JSON.stringify(input)),
      );
      const parsed = answer.body.length ? (JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>) : {};
      if (answer.status >= 300) {
        const type = String(parsed.__type ?? 'InternalFailure');
        throw new DynamoCallError(type.slice(type.indexOf('#') + 1), String(parsed.message ?? parsed.Message ?? type), answer.status);
      }
      return parsed as T;
    },
    async stop() {
      agent.destroy();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
