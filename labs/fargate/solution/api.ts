/**
 * The public API. It answers its own liveness check without asking anyone, reports separately whether the backend
 * is reachable, and never waits for the backend longer than `timeoutMs`.
 */
import type { RequestListener } from 'node:http';
import type { ApiConfig } from '../contract.ts';
import { sendJson } from '../services/http.ts';

type BackendCall =
  | { kind: 'ok'; body: unknown; latencyMs: number }
  | { kind: 'bad-status'; status: number }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; reason: string };

/** One GET to the backend with a deadline that covers connecting, waiting and reading the body. */
async function callBackend(config: ApiConfig, path: string): Promise<BackendCall> {
  const started = performance.now();
  try {
    const response = await fetch(new URL(path, config.backendUrl), { signal: AbortSignal.timeout(config.timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel();
      return { kind: 'bad-status', status: response.status };
    }
    const body: unknown = await response.json();
    return { kind: 'ok', body, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return { kind: 'timeout' };
    const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
    return { kind: 'unreachable', reason: cause?.code ?? (error instanceof Error ? error.message : String(error)) };
  }
}

function describe(call: Exclude<BackendCall, { kind: 'ok' }>, timeoutMs: number): string {
  if (call.kind === 'timeout') return `backend did not answer within ${timeoutMs} ms`;
  if (call.kind === 'bad-status') return `backend answered ${call.status}`;
  return `backend unreachable (${call.reason})`;
}

export function createApi(config: ApiConfig): RequestListener {
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://api').pathname;
    if (req.method !== 'GET') return sendJson(res, 405, { error: `method ${req.method} not allowed` });

    // Liveness for the load balancer: only "is this process serving?". If it also asked the backend,
    // a backend outage would make the ALB mark every API task unhealthy and ECS would replace them in a loop.
    if (path === '/health') return sendJson(res, 200, { status: 'ok' });

    if (path === '/health/backend') {
      const call = await callBackend(config, '/health');
      if (call.kind === 'ok') return sendJson(res, 200, { backend: 'reachable', latencyMs: call.latencyMs });
      return sendJson(res, 503, { backend: 'unreachable', reason: describe(call, config.timeoutMs) });
    }

    if (path === '/api/quote') {
      const call = await callBackend(config, '/quote');
      if (call.kind === 'ok') return sendJson(res, 200, { quote: (call.body as { quote?: unknown }).quote, from: 'backend' });
      return sendJson(res, call.kind === 'timeout' ? 504 : 502, { error: describe(call, config.timeoutMs) });
    }

    sendJson(res, 404, { error: `no route ${path}` });
  };
}
