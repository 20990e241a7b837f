/**
 * Test helpers: start the backend and the API in-process on 127.0.0.1 with ephemeral ports, stand-in backends
 * that hang or fail, and one-shot GETs with their own deadline so a hanging API fails a test instead of stalling it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { createBackend } from '../services/backend.ts';
import type { Implementation } from '../services/implementation.ts';
import { listen, sendJson, type RunningServer } from '../services/http.ts';

export const TIMEOUT_MS = 300;
const running: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

function track<T extends { close(): Promise<void> }>(server: T): T {
  running.push(server);
  return server;
}

/** Starters for the real services, configured the way `impl` configures them (port 0 = free port). */
export function servicesOf(impl: Implementation) {
  return {
    startBackend: async (env: Record<string, string> = {}): Promise<RunningServer> =>
      track(await listen(createBackend(), impl.readBackendConfig({ BACKEND_PORT: '0', ...env }))),
    startApi: async (backendUrl: string, timeoutMs = TIMEOUT_MS): Promise<RunningServer> => {
      const config = impl.readApiConfig({ API_HOST: '127.0.0.1', API_PORT: '0', BACKEND_URL: backendUrl, BACKEND_TIMEOUT_MS: String(timeoutMs) });
      return track(await listen(impl.createApi(config), config));
    },
  };
}

/** A backend that accepts connections and never answers. */
export async function startHangingBackend(): Promise<RunningServer> {
  return track(await listen(() => {}, { host: '127.0.0.1', port: 0 }));
}

/** A backend that answers every request with `status`. */
export async function startFailingBackend(status: number): Promise<RunningServer> {
  return track(await listen((_req, res) => sendJson(res, status, { error: 'backend broke' }), { host: '127.0.0.1', port: 0 }));
}

/** The URL of a port nobody listens on: bind a free port, then release it. */
export async function closedPortUrl(): Promise<string> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  ms: number;
}

/** GET with a client-side deadline; rejects with a readable message when the API does not answer in time. */
export async function get(url: string, deadlineMs = 3000): Promise<Reply> {
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(deadlineMs) });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    throw new Error(name === 'TimeoutError' ? `GET ${url}: no answer within ${deadlineMs} ms` : `GET ${url}: ${String(error)}`);
  }
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, ms: performance.now() - started };
}
