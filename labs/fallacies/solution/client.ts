/**
 * Reference client: places an order exactly once over an unreliable network.
 * One idempotency key per logical order, a timeout per attempt, and retries with capped exponential
 * backoff and full jitter — but only for failures that another attempt can fix.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as wait } from 'node:timers/promises';
import { IDEMPOTENCY_HEADER, type OrderReceipt, type PlaceOrder } from '../contract.ts';

/** What one attempt produced. */
type Outcome =
  | { kind: 'placed'; receipt: OrderReceipt }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'refused'; reason: string };

/** Full jitter: a uniform draw from [0, min(cap, base · 2^retry)). */
export function backoffDelay(retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  return random() * Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110, section 10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function reasonOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
  } catch {
    // not JSON: fall through to the raw text
  }
  return text || response.statusText;
}

async function attempt(url: string, body: string, key: string, timeoutMs: number): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`${url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: key },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // Timeout or connection failure: the order may or may not have been recorded. The key makes retrying safe.
    if (error instanceof Error && error.name === 'TimeoutError') return { kind: 'retry', reason: `no answer within ${timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'retry', reason: `network error (${cause?.code ?? cause?.message ?? (error as Error).message})` };
  }
  if (response.ok) {
    try {
      return { kind: 'placed', receipt: (await response.json()) as OrderReceipt };
    } catch (error) {
      // The connection broke while the body was on its way: as good as a lost response.
      return { kind: 'retry', reason: `response body lost (${(error as Error).message})` };
    }
  }
  const reason = `HTTP ${response.status}: ${await reasonOf(response)}`;
  if (response.status === 429) return { kind: 'retry', reason, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
  if (response.status >= 500) return { kind: 'retry', reason };
  // Any other 4xx describes this request: sending it again gets the same answer.
  return { kind: 'refused', reason };
}

export const placeOrder: PlaceOrder = async (url, order, options = {}) => {
  const {
    attempts = 5,
    timeoutMs = 2000,
    baseDelayMs = 100,
    maxDelayMs = 5000,
    sleep = (ms: number) => wait(ms),
    random = Math.random,
  } = options;
  if (!/^https?:\/\/[^/]/.test(url)) throw new Error(`placeOrder needs the service's base URL (http://host:port), got "${url}"`);
  const key = randomUUID(); // once per logical order, reused by every retry
  const body = JSON.stringify(order);
  let lastReason = 'no attempt made';

  for (let n = 0; n < attempts; n++) {
    const outcome = await attempt(url, body, key, timeoutMs);
    if (outcome.kind === 'placed') return outcome.receipt;
    if (outcome.kind === 'refused') throw new Error(`Order refused, not retried: ${outcome.reason}`);
    lastReason = outcome.reason;
    if (n + 1 < attempts) await sleep(outcome.retryAfterMs ?? backoffDelay(n, baseDelayMs, maxDelayMs, random));
  }
  throw new Error(`Order not placed after ${attempts} attempts; last problem: ${lastReason}`);
};
