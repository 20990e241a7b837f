/**
 * Generic error answers for injected faults, in the protocol the request used, for services that do not render
 * their own (`ServiceModule.faultResponse`). Throttling uses a code the AWS SDKs retry; 5xx are retried by status.
 */
import { isFormRequest, jsonResponse, queryErrorResponse, requestId } from '../core/http.ts';
import type { LocalRequest, LocalResponse } from '../core/types.ts';
import type { FaultErrorKind } from './config.ts';

export const faultErrors: Record<FaultErrorKind, { code: string; status: number; message: string }> = {
  throttle: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded (injected fault)' },
  internal: { code: 'InternalFailure', status: 500, message: 'We encountered an internal error. Please try again. (injected fault)' },
  unavailable: { code: 'ServiceUnavailable', status: 503, message: 'Service is unavailable. Please try again. (injected fault)' },
};

export function genericFaultResponse(req: LocalRequest, kind: FaultErrorKind): LocalResponse {
  const { code, status, message } = faultErrors[kind];
  const id = requestId();
  if (isFormRequest(req) && req.headers['x-amz-target'] === undefined) {
    return queryErrorResponse(status, kind === 'throttle' ? 'Throttling' : code, message, { id });
  }
  return jsonResponse(status, { __type: code, message }, { 'x-amzn-requestid': id, 'x-amzn-errortype': code });
}
