import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookVerifier } from '../webhook/contracts.ts';

/** Compare in constant time; `timingSafeEqual` needs equal lengths, so compare digests of both sides. */
function constantTimeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHmac('sha256', 'compare').update(s).digest();
  return timingSafeEqual(digest(a), digest(b)) && a.length === b.length;
}

export const verifier: WebhookVerifier = {
  github(rawBody, signatureHeader, secret) {
    if (!signatureHeader || !secret) return false;
    const expected = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
    return constantTimeEqual(signatureHeader, expected);
  },
  gitlab(tokenHeader, secret) {
    if (!tokenHeader || !secret) return false;
    return constantTimeEqual(tokenHeader, secret);
  },
};
