/** Raw TCP probes for the isolation tests and proofs. */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

/** This machine's own non-loopback IPv4 addresses (connecting to them never leaves the machine). */
export const externalAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .flatMap((i) => (i && i.family === 'IPv4' && !i.internal ? [i.address] : []));

/** Tries a TCP connection; resolves 'connected' or the error code (e.g. ECONNREFUSED). */
export function tryConnect(host: string, port: number, timeoutMs = 1000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (outcome: string) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => done('timeout'));
    socket.once('connect', () => done('connected'));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}
