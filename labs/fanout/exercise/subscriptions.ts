/**
 * Who gets which orders, and in which form. The stack (`infra/lib/fanout-stack.ts`) subscribes one queue per
 * consumer to the orders topic with exactly these settings.
 */
import type { SubscriptionSpecs } from '../order.ts';

export const subscriptions: SubscriptionSpecs = {
  billing: { rawMessageDelivery: true },
  shipping: { rawMessageDelivery: true },
  analytics: { rawMessageDelivery: false },
  // TODO: the fraud check wants only orders above 100 euros. Add a filter policy on the amount
  // (see the README: numeric matching) so that SNS keeps small orders out of this queue.
  fraud: { rawMessageDelivery: true },
};
