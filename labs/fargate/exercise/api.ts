/**
 * The public API.
 *
 * TODO 3: never wait for the backend longer than `config.timeoutMs` — a hanging backend must give a 504 with an
 *         `error` text, not a hanging API.
 * TODO 4: tell the failures apart: backend unreachable or answering non-2xx → 502; too slow → 504. Each with
 *         `{ "error": "…" }` that says what happened.
 * TODO 5: `GET /health/backend` reports the backend's reachability: 200 `{ "backend": "reachable", "latencyMs": n }`
 *         or 503 `{ "backend": "unreachable", "reason": "…" }` — also within the timeout.
 * Keep `GET /health` as it is: the load balancer's liveness check must not depend on the backend.
 */
import type { RequestListener } from 'node:http';
import type { ApiConfig } from '../contract.ts';
import { sendJson } from '../services/http.ts';

export function createApi(config: ApiConfig): RequestListener {
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://api').pathname;
    if (req.method !== 'GET') return sendJson(res, 405, { error: `method ${req.method} not allowed` });
    if (path === '/health') return sendJson(res, 200, { status: 'ok' });

    if (path === '/health/backend') return sendJson(res, 501, { error: 'not implemented yet' });

    if (path === '/api/quote') {
      try {
        const response = await fetch(new URL('/quote', config.backendUrl));
        const body = (await response.json()) as { quote?: unknown };
        return sendJson(res, 200, { quote: body.quote, from: 'backend' });
      } catch {
        return sendJson(res, 500, { error: 'something went wrong' });
      }
    }

    sendJson(res, 404, { error: `no route ${path}` });
  };
}
