/** SNS errors as AWS names them: the query-protocol `Code`, the HTTP status and AWS's message text. */
import { queryErrorResponse } from '../core/http.ts';
import type { LocalResponse } from '../core/types.ts';

export const SNS_XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';

export class SnsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}

export const invalidParameter = (message: string): SnsError => new SnsError('InvalidParameter', 400, message);
export const parameterValueInvalid = (message: string): SnsError => new SnsError('ParameterValueInvalid', 400, message);
export const notFound = (message: string): SnsError => new SnsError('NotFound', 404, message);
export const resourceNotFound = (message = 'Resource does not exist'): SnsError => new SnsError('ResourceNotFound', 404, message);
export const validationError = (message: string): SnsError => new SnsError('ValidationError', 400, message);
export const authorizationError = (message: string): SnsError => new SnsError('AuthorizationError', 403, message);

/** "Value null at 'x' failed to satisfy constraint" is what AWS answers for a missing required member. */
export const missingParameter = (member: string): SnsError =>
  validationError(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);

export function snsErrorResponse(error: SnsError, id?: string): LocalResponse {
  return queryErrorResponse(error.status, error.code, error.message, { fault: error.fault, xmlns: SNS_XMLNS, id });
}
