/**
 * The shared vocabulary of the fan-out lab: the order event, the four consumers and how a subscription is
 * described. The stack, the consumers, the tests and the proofs all import it from here.
 */

/** One order event, published once to the topic. */
export interface Order {
  orderId: string;
  customer: string;
  /** Order total in euros. */
  amount: number;
  items: string[];
}

/** The queues subscribed to the topic, one consumer (Lambda) each. */
export const consumers = ['billing', 'shipping', 'analytics', 'fraud'] as const;
export type Consumer = (typeof consumers)[number];

/** How a consumer's queue is subscribed: SNS's own subscription attributes, nothing CDK-specific. */
export interface SubscriptionSpec {
  /** true: the queue gets the bare message; false: the JSON envelope SNS wraps around it. */
  rawMessageDelivery: boolean;
  /** An SNS filter policy (JSON); absent means every message. */
  filterPolicy?: Record<string, unknown>;
  /** What the filter policy looks at; SNS's default is `MessageAttributes`. */
  filterPolicyScope?: 'MessageAttributes' | 'MessageBody';
}

export type SubscriptionSpecs = Record<Consumer, SubscriptionSpec>;

/** What a consumer made of one SQS message body. */
export interface Delivered {
  order: Order;
  /** Whether the body was the bare order or the SNS envelope around it. */
  delivery: 'raw' | 'envelope';
  /** The SNS MessageId; only the envelope carries it. */
  snsMessageId?: string;
}

/** Names the first thing that keeps `value` from being an order, or returns undefined when it is one. */
export function orderProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'is not a JSON object';
  const o = value as Record<string, unknown>;
  if (typeof o.orderId !== 'string' || o.orderId === '') return 'has no string "orderId"';
  if (typeof o.customer !== 'string') return 'has no string "customer"';
  if (typeof o.amount !== 'number' || !Number.isFinite(o.amount)) return 'has no numeric "amount"';
  if (!Array.isArray(o.items)) return 'has no "items" array';
  return undefined;
}

/** Checks a subscription table the stack is about to deploy; throws with the consumer and the key that is wrong. */
export function checkSubscriptionSpecs(specs: unknown, origin: string): asserts specs is SubscriptionSpecs {
  if (typeof specs !== 'object' || specs === null) throw new Error(`${origin}: "subscriptions" must be an object with one entry per consumer`);
  const table = specs as Record<string, SubscriptionSpec | undefined>;
  for (const name of consumers) {
    const spec = table[name];
    if (!spec) throw new Error(`${origin}: no subscription for the consumer "${name}"`);
    if (typeof spec.rawMessageDelivery !== 'boolean') throw new Error(`${origin}: ${name}.rawMessageDelivery must be true or false`);
    if (spec.filterPolicy !== undefined && (typeof spec.filterPolicy !== 'object' || spec.filterPolicy === null || Array.isArray(spec.filterPolicy))) {
      throw new Error(`${origin}: ${name}.filterPolicy must be a JSON object such as { "amount": [{ "numeric": [">", 100] }] }`);
    }
    if (spec.filterPolicyScope !== undefined && !['MessageAttributes', 'MessageBody'].includes(spec.filterPolicyScope)) {
      throw new Error(`${origin}: ${name}.filterPolicyScope must be "MessageAttributes" or "MessageBody"`);
    }
  }
  const unknown = Object.keys(table).filter((name) => !(consumers as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`${origin}: unknown consumer(s) ${unknown.join(', ')}; the consumers are ${consumers.join(', ')}`);
}
