/** Answers in the AWS JSON 1.0/1.1 protocols (`x-amz-target` services: DynamoDB, SSM, Cognito). */
import { jsonResponse, requestId } from '../core/http.ts';
import type { LocalRequest, LocalResponse } from '../core/types.ts';

export const JSON_11 = 'application/x-amz-json-1.1';

export function jsonResult(value: unknown, contentType = JSON_11): LocalResponse {
  return jsonResponse(200, value, { 'x-amzn-requestid': requestId() }, contentType);
}

/** `code` becomes `__type`; the SDKs read the part after `#` as the error name. */
export function jsonError(status: number, code: string, message: string, extra: Record<string, string> = {}, contentType = JSON_11): LocalResponse {
  return jsonResponse(status, { __type: code, message }, { 'x-amzn-requestid': requestId(), ...extra }, contentType);
}

/** Operation name of a JSON-protocol request (`DynamoDB_20120810.PutItem` → `PutItem`), or undefined. */
export function targetOperation(req: LocalRequest, prefix: string): string | undefined {
  const target = req.headers['x-amz-target'];
  return target?.startsWith(`${prefix}.`) ? target.slice(prefix.length + 1) : undefined;
}

/** Parsed JSON body; an empty body is `{}`; anything else that is not an object throws a readable error. */
export function parseJsonBody(req: LocalRequest): Record<string, unknown> {
  if (req.body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(req.body.toString('utf8'));
  } catch {
    throw new Error('Request body is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('Request body must be a JSON object');
  return value as Record<string, unknown>;
}
