/**
 * Who gets which orders, and in which form. The stack (`infra/lib/fanout-stack.ts`) subscribes one queue per
 * consumer to the orders topic with exactly these settings.
 */
import type { SubscriptionSpecs } from '../order.ts';

export const subscriptions: SubscriptionSpecs = {
  // Billing and shipping need the order and nothing else: raw delivery spares them the envelope.
  billing: { rawMessageDelivery: true },
  shipping: { rawMessageDelivery: true },
  // Analytics keeps SNS's MessageId and timestamp for lineage, so it takes the envelope.
  analytics: { rawMessageDelivery: false },
  // Fraud checks only large orders: SNS drops the rest before they reach the queue (and cost nothing there).
  fraud: { rawMessageDelivery: true, filterPolicy: { amount: [{ numeric: ['>', 100] }] } },
};
