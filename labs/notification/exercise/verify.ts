import type { WebhookVerifier } from '../webhook/contracts.ts';

/**
 * TODO 1 — prove the webhook came from GitHub or GitLab.
 * GitHub sends `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the raw body bytes with the shared secret.
 * GitLab sends the secret itself in `X-Gitlab-Token`.
 * Compare in constant time (node:crypto `timingSafeEqual`), and refuse a missing header or an empty secret.
 */
export const verifier: WebhookVerifier = {
  github(_rawBody, signatureHeader, _secret) {
    // TODO: compute the expected signature and compare it in constant time.
    return signatureHeader !== undefined;
  },
  gitlab(tokenHeader, _secret) {
    // TODO: compare the token with the secret in constant time.
    return tokenHeader !== undefined;
  },
};
