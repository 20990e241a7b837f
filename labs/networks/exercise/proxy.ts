/**
 * Your reverse proxy. Right now it sends every request to ONE backend, whatever the Host header says, waits
 * for it forever and forwards headers unchanged. Work through the TODOs; the README explains each step.
 */
import { createServer, request } from 'node:http';
import type { ProxyOptions, RunningProxy } from '../contract.ts';
import { listen } from '../listen.ts';
import { checkOptions } from '../options.ts';

export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const { routes, port, host } = checkOptions(options);
  // TODO 1: choose the backend by the request's Host header (use hostName() from ../options.ts);
  //         answer 421 when no route matches.
  const backend = [...routes.values()][0]!;

  const server = createServer((req, res) => {
    // TODO 2: drop hop-by-hop headers (Connection, Keep-Alive, TE, Transfer-Encoding, Upgrade, … and every
    //         header the Connection header names) and add X-Forwarded-For / -Host / -Proto.
    const upstream = request(new URL(req.url ?? '/', backend), { method: req.method, headers: req.headers });

    // TODO 3: give the backend `timeoutMs` to answer; otherwise destroy the request and answer 504.

    upstream.on('response', (backendRes) => {
      // TODO 2 (again): the backend's hop-by-hop headers must not reach the client either.
      res.writeHead(backendRes.statusCode ?? 502, backendRes.headers);
      backendRes.pipe(res);
    });
    upstream.on('error', () => {
      // TODO 4: a backend that cannot be reached deserves a 502 with a short text, not a cut connection.
      res.destroy();
    });

    req.pipe(upstream);
  });
  return listen(server, port, host);
}
