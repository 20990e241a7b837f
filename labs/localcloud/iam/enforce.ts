/**
 * The one place services ask whether a call made with role-bound credentials is allowed, and the AWS-shaped
 * refusals. Calls with other credentials (the student's own) and clouds without IAM registered are allowed.
 */
import type { CloudContext, LocalResponse } from '../core/types.ts';
import { iamApi } from './api.ts';
import { jsonError } from './aws-json.ts';

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
    type: result.allowed ? 'call' : 'fault',
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

/** SQS (JSON protocol, query-compatible): HTTP 403; the SDK takes the code `AccessDenied` from `x-amzn-query-error`. */
export function sqsAccessDenied(denial: Denial): LocalResponse {
  return jsonError(403, 'com.amazon.coral.service#AccessDeniedException', denial.message, { 'x-amzn-query-error': 'AccessDenied;Sender' }, 'application/x-amz-json-1.0');
}

/** SNS answers a denial with its own `authorizationError(denial.message)` (sns/errors.ts): 403 `AuthorizationError`. */
