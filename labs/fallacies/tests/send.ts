/**
 * A bare one-shot HTTP call for tests and proofs: no retries, no hidden key, so what the network did stays visible.
 */
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from '../contract.ts';

export type SendOutcome =
  | { kind: 'response'; status: number; body: unknown; replayed: boolean; retryAfter?: string }
  | { kind: 'network-error'; message: string }
  | { kind: 'timeout' };

export interface SendOptions {
  idempotencyKey?: string;
  timeoutMs?: number;
}

/** Posts `body` (serialised as JSON unless it is already a string) to `{url}/orders` exactly once. */
export async function sendOrder(url: string, body: unknown, options: SendOptions = {}): Promise<SendOutcome> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.idempotencyKey !== undefined) headers[IDEMPOTENCY_HEADER] = options.idempotencyKey;
  try {
    const response = await fetch(`${url}/orders`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 2000),
    });
    return {
      kind: 'response',
      status: response.status,
      body: await response.json(),
      replayed: response.headers.get(REPLAYED_HEADER) === 'true',
      retryAfter: response.headers.get('retry-after') ?? undefined,
    };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return { kind: 'timeout' };
    return { kind: 'network-error', message: (error as Error).message };
  }
}

/** Short name of an outcome for assertions: `201`, `network-error`, `timeout`. */
export const describeOutcome = (outcome: SendOutcome): string =>
  outcome.kind === 'response' ? String(outcome.status) : outcome.kind;
