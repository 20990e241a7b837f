/** Small node:http helpers both services share: JSON answers and listening with a known address. */
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ListenConfig } from '../contract.ts';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export interface RunningServer {
  server: Server;
  /** The address the socket is bound to, as the OS reports it. */
  address: AddressInfo;
  /** `http://host:port` for clients (IPv6 hosts in brackets). */
  url: string;
  close(): Promise<void>;
}

/** Listens on exactly `config.host` (port 0 = any free port) and resolves once the socket is bound. */
export function listen(handler: RequestListener, config: ListenConfig): Promise<RunningServer> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        server,
        address,
        url: `http://${host}:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
