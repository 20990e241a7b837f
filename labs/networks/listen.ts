/** Starts a node:http server and wraps it as a `RunningProxy` (shared by exercise and solution: not the lesson). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningProxy } from './contract.ts';

export async function listen(server: Server, port: number, host: string): Promise<RunningProxy> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
