/**
 * Read and clear what SNS "sent" without a phone or mailbox:
 * - `GET|DELETE /_aws/sns/sms-messages[?phoneNumber=+43…]` → `{ "sms_messages": { "+43…": [ … ] }, "region": … }`
 *   (the shape LocalStack uses, so existing tutorials and helpers work),
 * - `GET|DELETE /_aws/sns/email-messages[?email=a@example.org]` → `{ "email_messages": { "a@example.org": [ … ] }, "region": … }`,
 * - `GET /_aws/sns/subscription-tokens/<subscription ARN>` → `{ "subscription_token", "subscription_arn" }`.
 * `accountId` and `region` query parameters are accepted for compatibility; this local cloud has one of each.
 */
import { jsonResponse } from '../core/http.ts';
import type { LocalRequest, LocalResponse } from '../core/types.ts';
import type { SnsInternalApi } from '../sns/api.ts';

export const SMS_PATH = '/_aws/sns/sms-messages';
export const EMAIL_PATH = '/_aws/sns/email-messages';
export const TOKENS_PATH = '/_aws/sns/subscription-tokens/';

function grouped<T>(items: T[], keyOf: (item: T) => string): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const item of items) (out[keyOf(item)] ??= []).push(item);
  return out;
}

const methodNotAllowed = (): LocalResponse => jsonResponse(405, { error: 'use GET or DELETE' });
const noContent = (): LocalResponse => ({ status: 204 });

/** `?phoneNumber=+43…` with an unencoded `+` arrives as a space; take it as the `+` that was meant. */
const phoneNumberOf = (req: LocalRequest): string | undefined => req.query.get('phoneNumber')?.replace(/^ /, '+') ?? undefined;

export function smsMessages(req: LocalRequest, sns: SnsInternalApi, region: string): LocalResponse {
  const phoneNumber = phoneNumberOf(req);
  if (req.method === 'DELETE') return (sns.clearSmsMessages(phoneNumber), noContent());
  if (req.method !== 'GET') return methodNotAllowed();
  const all = sns.smsMessages();
  const messages = phoneNumber ? { [phoneNumber]: all.filter((m) => m.PhoneNumber === phoneNumber) } : grouped(all, (m) => m.PhoneNumber);
  return jsonResponse(200, { sms_messages: messages, region });
}

export function emailMessages(req: LocalRequest, sns: SnsInternalApi, region: string): LocalResponse {
  const email = req.query.get('email') ?? undefined;
  if (req.method === 'DELETE') return (sns.clearEmailMessages(email), noContent());
  if (req.method !== 'GET') return methodNotAllowed();
  const all = sns.emailMessages();
  const messages = email ? { [email]: all.filter((m) => m.Destination === email) } : grouped(all, (m) => m.Destination);
  return jsonResponse(200, { email_messages: messages, region });
}

export function subscriptionToken(req: LocalRequest, sns: SnsInternalApi): LocalResponse {
  if (req.method !== 'GET') return methodNotAllowed();
  const arn = decodeURIComponent(req.path.slice(TOKENS_PATH.length));
  if (arn.split(':').length < 7) return jsonResponse(400, { error: 'The provided SubscriptionARN is invalid', subscription_arn: arn });
  const token = sns.subscriptionToken(arn);
  if (!token) return jsonResponse(404, { error: 'The provided SubscriptionARN is not found', subscription_arn: arn });
  return jsonResponse(200, { subscription_token: token, subscription_arn: arn });
}
