/**
 * A TCP relay that makes connection set-up expensive: every NEW connection waits `delayMs` before its first
 * bytes go through; after that, bytes flow without delay. That is the round trip a TCP handshake costs
 * before a client may send its request (SYN → SYN-ACK → ACK + data), simulated on 127.0.0.1 where a real
 * round trip takes microseconds. Requests on a connection that is kept alive do not pay it again.
 */
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface DelayShim {
  url: string;
  port: number;
  /** Connections accepted so far (one per TCP handshake the client paid for). */
  connections(): number;
  close(): Promise<void>;
}

export async function startDelayShim(target: string, delayMs: number): Promise<DelayShim> {
  if (!Number.isFinite(delayMs) || delayMs < 0) throw new Error(`delay shim: delayMs must be a number ≥ 0; got ${delayMs}`);
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let accepted = 0;

  const server = createServer((client) => {
    accepted += 1;
    client.pause(); // hold the client's first bytes back until the simulated handshake is over
    const timer = setTimeout(() => {
      const upstream = connect(Number(port), hostname, () => {
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    }, delayMs);
    sockets.add(client);
    client.on('close', () => {
      clearTimeout(timer);
      sockets.delete(client);
    });
    client.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
