/**
 * Your client. It compiles and works — as long as the network is reliable. It is not.
 * Make `npx vitest run labs/fallacies` pass with `LAB_TARGET=exercise` (see README.md for the steps).
 */
import { type OrderReceipt, type PlaceOrder } from '../contract.ts';

export const placeOrder: PlaceOrder = async (url, order, options = {}) => {
  // TODO 1 (timeout): a slow service must not block the caller forever. Give each attempt
  //   `options.timeoutMs` (default 2000) via `signal: AbortSignal.timeout(...)`.
  // TODO 2 (classify): a 201 is success; a network error, a timeout, a 5xx and a 429 are worth another
  //   attempt; any other 4xx is final — throw an Error naming the status and the service's `error` text.
  // TODO 3 (retry): try up to `options.attempts` times (default 5). Between attempts wait
  //   `random() * min(maxDelayMs, baseDelayMs * 2 ** retry)` (full jitter; defaults 100 and 5000 ms),
  //   or what a 429's Retry-After header asks for. Wait with `options.sleep` and draw with `options.random`
  //   when they are given, so the tests can observe your delays.
  // TODO 4 (idempotency): a retry must not create a second order. Generate one key per call with
  //   `crypto.randomUUID()` and send it on every attempt in the `Idempotency-Key` header (IDEMPOTENCY_HEADER).
  const response = await fetch(`${url}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(order),
  });
  return (await response.json()) as OrderReceipt;
};
