/**
 * The one place services ask whether a call made with role-bound credentials is allowed, and the AWS-shaped
 * refusals. Calls with other credentials (the student's own) and clouds without IAM registered are allowed.
 */
import type { CloudContext, LocalResponse } from '../core/types.ts';
import { iamApi } from './api.ts';
import { jsonError } from './aws-json.ts';
import { decodeAccessKeyId } from './credentials.ts';

export interface Denial {
  principalArn: string;
  action: string;
  resource: string;
  message: string;
}

/** undefined when allowed; otherwise the denial with AWS's message text. Emits an `iam` event either way for role calls. */
export function checkAccess(ctx: CloudContext, accessKeyId: string | undefined, action: string, resource: string): Denial | undefined {
  const iam = iamApi(ctx.registry);
  if (!iam) return undefined;
  const result = iam.authorize({ accessKeyId, action, resource });
  if (result.principalArn === undefined) return undefined;
  ctx.events.emit({
    type: result.allowed ? 'call' : 'denied',
    service: 'iam',
    action,
    resource,
    detail: { principal: result.principalArn, allowed: result.allowed },
    time: ctx.clock.now(),
  });
  return result.allowed ? undefined : { principalArn: result.principalArn, action, resource, message: result.message };
}

/** DynamoDB and SSM: HTTP 400 `AccessDeniedException`. */
export function jsonAccessDenied(denial: Denial, contentType?: string): LocalResponse {
  return jsonError(400, 'com.amazon.coral.service#AccessDeniedException', denial.message, {}, contentType);
}

/** Only function-role credentials are checked; the hot path for everyone else skips building resource ARNs. */
const needsCheck = (ctx: CloudContext, accessKeyId: string | undefined) =>
  iamApi(ctx.registry) !== undefined && decodeAccessKeyId(accessKeyId) !== undefined;

/** SQS authorizes batch calls as their single-message action and names actions in lower case in its messages. */
export function sqsAccess(ctx: CloudContext, accessKeyId: string | undefined, operation: string, input: Record<string, unknown>): Denial | undefined {
  if (!needsCheck(ctx, accessKeyId)) return undefined;
  const action = `sqs:${operation.replace(/Batch$/, '').toLowerCase()}`;
  let resource = '*';
  const url = input.QueueUrl;
  if (typeof url === 'string') {
    const [, account, name] = /^\/(\d+)\/([^/]+)/.exec(safePath(url)) ?? [];
    if (account && name) resource = `arn:aws:sqs:${ctx.region}:${account}:${name}`;
  } else if (typeof input.QueueName === 'string') resource = `arn:aws:sqs:${ctx.region}:${ctx.accountId}:${input.QueueName}`;
  return checkAccess(ctx, accessKeyId, action, resource);
}

const safePath = (url: string) => {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

/** SNS names actions `SNS:Publish`; the resource is the topic (a subscription's topic for subscription calls). */
export function snsAccess(ctx: CloudContext, accessKeyId: string | undefined, operation: string, input: Record<string, unknown>): Denial | undefined {
  if (!needsCheck(ctx, accessKeyId)) return undefined;
  const subscription = typeof input.SubscriptionArn === 'string' ? input.SubscriptionArn.slice(0, input.SubscriptionArn.lastIndexOf(':')) : undefined;
  const created = operation === 'CreateTopic' && typeof input.Name === 'string' ? `arn:aws:sns:${ctx.region}:${ctx.accountId}:${input.Name}` : undefined;
  const resource = [input.TopicArn, input.TargetArn, input.ResourceArn, subscription, created].find((v): v is string => typeof v === 'string' && v !== '') ?? '*';
  // AWS authorizes PublishBatch as sns:Publish: one permission covers both.
  const action = operation === 'PublishBatch' ? 'Publish' : operation;
  return checkAccess(ctx, accessKeyId, `SNS:${action}`, resource);
}
