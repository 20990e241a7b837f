/**
 * The contract between the lab's order service, the student's client and the acceptance tests.
 * Both `exercise/client.ts` and `solution/client.ts` implement `PlaceOrder`.
 */

/** What a customer wants: one item in some quantity. */
export interface Order {
  item: string;
  quantity: number;
}

/** What the service answers with 201 Created: the order as it was recorded. */
export interface OrderReceipt extends Order {
  id: string;
}

export interface PlaceOrderOptions {
  /** Maximum number of attempts, the first one included (default 5). */
  attempts?: number;
  /** Per-attempt timeout in milliseconds (default 2000). */
  timeoutMs?: number;
  /** Backoff base in milliseconds (default 100): the ceiling before retry n (n = 0, 1, …) is baseDelayMs · 2^n. */
  baseDelayMs?: number;
  /** Cap for the backoff ceiling in milliseconds (default 5000). */
  maxDelayMs?: number;
  /** How to wait between attempts (default: a real timer); tests inject a fake that only records the delays. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter, uniform in [0, 1) (default Math.random); tests inject a fixed value. */
  random?: () => number;
}

/**
 * Places `order` with the service at `url` (its base URL, e.g. `http://127.0.0.1:4000`) via `POST {url}/orders`.
 * Resolves with the recorded order; rejects with an Error whose message names the HTTP status and the
 * service's reason when the service refuses the order, or says why it gave up after its attempts.
 */
export type PlaceOrder = (url: string, order: Order, options?: PlaceOrderOptions) => Promise<OrderReceipt>;

/** The module shape every target (`exercise/`, `solution/`) exports from `client.ts`. */
export interface ClientModule {
  placeOrder: PlaceOrder;
}

/** The request header that names one logical operation across retries. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** The response header the service sets when it answers from its idempotency store. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
