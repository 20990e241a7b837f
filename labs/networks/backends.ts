/**
 * Small backends for the acceptance tests, the proofs and try.ts, on 127.0.0.1 and a free port. Each answers with a JSON report of
 * what it received, so a test can see exactly what the proxy forwarded. Special paths:
 * `/slow?ms=N` answers after N ms, `/stream?gapMs=N` sends two chunks N ms apart, `/hop` answers with
 * hop-by-hop headers that a proxy must drop.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  backend: string;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
  bodySha256: string;
}

export interface Backend {
  name: string;
  url: string;
  /** Every request the backend has seen so far. */
  received: Received[];
  stop(): Promise<void>;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function sendJson(res: ServerResponse, report: Received, extraHeaders: Record<string, string> = {}) {
  const body = JSON.stringify(report);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...extraHeaders });
  res.end(body);
}

export async function startBackend(name: string): Promise<Backend> {
  const received: Received[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const report: Received = { backend: name, method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyBytes: body.length, bodySha256: sha256(body) };
      received.push(report);
      const { pathname, searchParams } = new URL(req.url ?? '/', 'http://backend');
      const ms = Number(searchParams.get('ms') ?? searchParams.get('gapMs') ?? 0);
      if (pathname === '/slow') later(ms, () => sendJson(res, report));
      else if (pathname === '/stream') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write(`first part from ${name}\n`);
        later(ms, () => res.end(`second part from ${name}\n`));
      } else if (pathname === '/hop') {
        sendJson(res, report, { connection: 'keep-alive, x-backend-hop', 'x-backend-hop': 'secret', 'keep-alive': 'timeout=5', 'x-end-to-end': 'kept' });
      } else sendJson(res, report);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A URL where nothing listens: a port the system just handed out and that was closed again. */
export async function deadBackendUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
