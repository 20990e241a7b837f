/** The two parts students write (see exercise/): checking who sent a webhook, and remembering what was sent. */

export interface WebhookVerifier {
  /** GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. */
  github(rawBody: Buffer, signatureHeader: string | undefined, secret: string): boolean;
  /** GitLab: `X-Gitlab-Token` equals the secret. */
  gitlab(tokenHeader: string | undefined, secret: string): boolean;
}

/** Remembers deliveries so a redelivered webhook sends no second SMS. */
export interface DeliveryLog {
  /** True if this delivery id is new and now ours to process; false if it was seen before. */
  claim(deliveryId: string): Promise<boolean>;
  /** Mark the delivery done (the SMS went out). */
  complete(deliveryId: string): Promise<void>;
  /** Forget a claim whose processing failed, so the provider's retry can succeed. */
  release(deliveryId: string): Promise<void>;
}
