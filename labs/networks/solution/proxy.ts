/**
 * Reference solution: a reverse proxy that picks the backend by the Host header (virtual hosts), tells the
 * backend who the client was (X-Forwarded-*), drops hop-by-hop headers, streams bodies both ways and always
 * answers: 421 for a host it does not serve, 502 when the backend cannot be reached, 504 when it is too slow.
 */
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { ProxyOptions, RunningProxy } from '../contract.ts';
import { listen } from '../listen.ts';
import { checkOptions, hostName } from '../options.ts';

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1): never forwarded. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

/** A copy of `headers` without hop-by-hop headers, including those the Connection header names. */
export function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean);
  const drop = new Set([...HOP_BY_HOP, ...named]);
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !drop.has(name)) kept[name] = value;
  return kept;
}

function forwardedHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const headers = endToEndHeaders(req.headers);
  const client = req.socket.remoteAddress ?? 'unknown';
  const earlier = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = earlier ? `${earlier}, ${client}` : client;
  headers['x-forwarded-host'] = req.headers['x-forwarded-host'] ?? req.headers.host ?? '';
  headers['x-forwarded-proto'] = req.headers['x-forwarded-proto'] ?? 'http';
  return headers;
}

function answer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy(); // too late for a status: cutting the connection tells the client the answer is incomplete
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const { routes, timeoutMs, port, host } = checkOptions(options);

  const server = createServer((req, res) => {
    const name = hostName(req.headers.host ?? '');
    const backend = routes.get(name);
    if (!backend) {
      // 421 Misdirected Request: this server is not authoritative for that host at all (a 404 would claim
      // the host is ours and only the path is missing).
      answer(res, 421, `421 Misdirected Request: no site "${name}" here\n`);
      req.resume();
      return;
    }

    const upstream = request(new URL(req.url ?? '/', backend), { method: req.method, headers: forwardedHeaders(req) });
    // The deadline covers connecting and waiting for the backend's status line and headers.
    const deadline = setTimeout(() => {
      upstream.destroy();
      answer(res, 504, `504 Gateway Timeout: ${name} did not answer within ${timeoutMs} ms\n`);
    }, timeoutMs);

    upstream.on('response', (backendRes) => {
      clearTimeout(deadline);
      res.writeHead(backendRes.statusCode ?? 502, backendRes.statusMessage, endToEndHeaders(backendRes.headers));
      backendRes.pipe(res);
      backendRes.on('error', () => res.destroy());
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      if (res.writableEnded || res.destroyed) return; // the 504 above already answered
      answer(res, 502, `502 Bad Gateway: ${name} is not reachable (${error.code ?? error.message})\n`);
    });
    // The client went away before the answer was complete: stop the backend's work too.
    res.on('close', () => {
      clearTimeout(deadline);
      if (!res.writableFinished) upstream.destroy();
    });

    req.pipe(upstream);
  });
  return listen(server, port, host);
}
