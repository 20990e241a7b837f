/**
 * The webhook function, assembled from the parts students write. Order matters: authenticate before parsing,
 * claim the delivery before publishing, release it if publishing fails (so the provider's retry can try again).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { DeliveryLog, WebhookVerifier } from './contracts.ts';
import { decideGithub, decideGitlab, describe, type Decision, type Provider } from './events.ts';
import { smsText } from './sms.ts';

/** GitHub caps payloads at 25 MB; ours never need more than this. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookDependencies {
  verifier: WebhookVerifier;
  deliveries: DeliveryLog;
  secret: () => Promise<string>;
  publish: (message: string, subject: string) => Promise<string>;
  log?: (entry: Record<string, unknown>) => void;
}

const reply = (statusCode: number, body: Record<string, unknown>): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const providerOf = (path: string): Provider | undefined =>
  path.endsWith('/webhooks/github') ? 'github' : path.endsWith('/webhooks/gitlab') ? 'gitlab' : undefined;

const rawBodyOf = (event: APIGatewayProxyEventV2) =>
  Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');

/**
 * The provider's delivery id, the same for a redelivery: GitHub's `X-GitHub-Delivery` (kept when you redeliver),
 * GitLab's `Idempotency-Key` (kept across its retries; older GitLab versions only send `X-Gitlab-Event-UUID`).
 */
const deliveryIdOf = (provider: Provider, headers: APIGatewayProxyEventV2['headers']) =>
  provider === 'github' ? headers['x-github-delivery'] : (headers['idempotency-key'] ?? headers['x-gitlab-event-uuid']);

function decide(provider: Provider, headers: APIGatewayProxyEventV2['headers'], payload: Record<string, unknown>): Decision {
  return provider === 'github'
    ? decideGithub(headers['x-github-event'] ?? '', payload)
    : decideGitlab(headers['x-gitlab-event'] ?? '', payload);
}

function parseJson(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(raw.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function createWebhookHandler(deps: WebhookDependencies) {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));

  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const provider = providerOf(event.rawPath ?? '');
    if (!provider) return reply(404, { message: 'Not Found' });
    const headers = event.headers ?? {};
    const raw = rawBodyOf(event);
    if (raw.length > MAX_BODY_BYTES) return reply(413, { message: 'Payload too large' });

    const secret = await deps.secret();
    const authentic =
      provider === 'github'
        ? deps.verifier.github(raw, headers['x-hub-signature-256'], secret)
        : deps.verifier.gitlab(headers['x-gitlab-token'], secret);
    // Say nothing about why: a prober learns no more than "no".
    if (!authentic) return reply(401, { message: 'Unauthorized' });

    const payload = parseJson(raw);
    if (!payload) return reply(400, { message: 'Body must be a JSON object' });

    const decision = decide(provider, headers, payload);
    if (decision.action === 'pong') return reply(200, { message: 'pong' });
    if (decision.action === 'ignore') {
      log({ level: 'info', msg: 'ignored', provider, reason: decision.reason });
      return reply(202, { message: 'ignored', reason: decision.reason });
    }

    const deliveryId = deliveryIdOf(provider, headers);
    if (!deliveryId) return reply(400, { message: `Missing ${provider === 'github' ? 'X-GitHub-Delivery' : 'Idempotency-Key'} header` });
    if (!(await deps.deliveries.claim(deliveryId))) {
      log({ level: 'info', msg: 'redelivery', provider, deliveryId });
      return reply(200, { message: 'already delivered', deliveryId });
    }
    try {
      const notice = decision.notice;
      const text = smsText(describe(notice), notice.kind === 'pipeline-failed' ? notice.url : '');
      const messageId = await deps.publish(text, notice.kind === 'pipeline-failed' ? 'CI failed' : 'Push');
      await deps.deliveries.complete(deliveryId);
      log({ level: 'info', msg: 'notified', provider, deliveryId, messageId });
      return reply(200, { message: 'notified', deliveryId, messageId });
    } catch (error) {
      await deps.deliveries.release(deliveryId);
      throw error;
    }
  };
}
