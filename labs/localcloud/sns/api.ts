/**
 * The HTTP-free API the SNS module offers other services and the inspection endpoints through
 * `context.registry.get('sns')`.
 */
import type { EmailRecord, SmsRecord } from './state.ts';
import type { PublishOptions } from './service.ts';

export const SNS_REGISTRY_KEY = 'sns';

export interface SnsInternalApi {
  /** Publishes to a topic exactly like the Publish action (same validation; throws `SnsError`). */
  publish(topicArn: string, message: string, options?: PublishOptions): { messageId: string; sequenceNumber?: string };
  /** Every SMS sent so far (Publish with PhoneNumber, `sms` subscriptions, sandbox verification codes). */
  smsMessages(): SmsRecord[];
  /** Clears the SMS outbox, or only one number's messages. */
  clearSmsMessages(phoneNumber?: string): void;
  /** Every e-mail sent so far (confirmations and notifications of `email` and `email-json` subscriptions). */
  emailMessages(): EmailRecord[];
  clearEmailMessages(address?: string): void;
  /** The pending confirmation token of a subscription, as sent in its SubscriptionConfirmation. */
  subscriptionToken(subscriptionArn: string): string | undefined;
  /** Simulates a recipient replying STOP. */
  optOut(phoneNumber: string): void;
}

export function snsApi(registry: Map<string, unknown>): SnsInternalApi | undefined {
  return registry.get(SNS_REGISTRY_KEY) as SnsInternalApi | undefined;
}

export type { EmailRecord, SmsRecord, PublishOptions };
