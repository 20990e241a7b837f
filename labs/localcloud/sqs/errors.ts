/**
 * SQS errors as AWS sends them: the JSON-protocol `__type` (`com.amazonaws.sqs#Name`), the legacy query code carried in
 * `x-amzn-query-error` (`AWS.SimpleQueueService.NonExistentQueue;Sender`) and the HTTP status from the service model.
 * The SDK turns `__type` into the exception class, so these names must match AWS exactly.
 */
import { SqsApiError } from './api.ts';

interface ErrorSpec {
  /** Code of the query protocol (and of the `x-amzn-query-error` header). */
  queryCode: string;
  status: number;
  fault?: 'Sender' | 'Receiver';
  /** Namespace of `__type`; modelled SQS errors live in `com.amazonaws.sqs`, framework errors elsewhere. */
  namespace?: string;
}

const specs: Record<string, ErrorSpec> = {
  QueueDoesNotExist: { queryCode: 'AWS.SimpleQueueService.NonExistentQueue', status: 400 },
  QueueNameExists: { queryCode: 'QueueAlreadyExists', status: 400 },
  QueueDeletedRecently: { queryCode: 'AWS.SimpleQueueService.QueueDeletedRecently', status: 400 },
  InvalidAttributeName: { queryCode: 'InvalidAttributeName', status: 400 },
  InvalidAttributeValue: { queryCode: 'InvalidAttributeValue', status: 400 },
  InvalidParameterValue: { queryCode: 'InvalidParameterValue', status: 400 },
  MissingParameter: { queryCode: 'MissingParameter', status: 400 },
  InvalidMessageContents: { queryCode: 'InvalidMessageContents', status: 400 },
  ReceiptHandleIsInvalid: { queryCode: 'ReceiptHandleIsInvalid', status: 404 },
  MessageNotInflight: { queryCode: 'AWS.SimpleQueueService.MessageNotInflight', status: 400 },
  PurgeQueueInProgress: { queryCode: 'AWS.SimpleQueueService.PurgeQueueInProgress', status: 403 },
  OverLimit: { queryCode: 'OverLimit', status: 403 },
  UnsupportedOperation: { queryCode: 'AWS.SimpleQueueService.UnsupportedOperation', status: 400 },
  TooManyEntriesInBatchRequest: { queryCode: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest', status: 400 },
  EmptyBatchRequest: { queryCode: 'AWS.SimpleQueueService.EmptyBatchRequest', status: 400 },
  BatchEntryIdsNotDistinct: { queryCode: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct', status: 400 },
  InvalidBatchEntryId: { queryCode: 'AWS.SimpleQueueService.InvalidBatchEntryId', status: 400 },
  BatchRequestTooLong: { queryCode: 'AWS.SimpleQueueService.BatchRequestTooLong', status: 400 },
  RequestThrottled: { queryCode: 'RequestThrottled', status: 403 },
  AccessDeniedException: { queryCode: 'AccessDenied', status: 403, namespace: 'com.amazon.coral.service' },
  InternalFailure: { queryCode: 'InternalFailure', status: 500, fault: 'Receiver', namespace: 'com.amazon.coral.service' },
  ServiceUnavailable: { queryCode: 'ServiceUnavailable', status: 503, fault: 'Receiver', namespace: 'com.amazon.coral.service' },
  SerializationException: { queryCode: 'MalformedQueryString', status: 400, namespace: 'com.amazon.coral.service' },
  UnknownOperationException: { queryCode: 'InvalidAction', status: 400, namespace: 'com.amazon.coral.service' },
};

export class SqsError extends SqsApiError {}

export interface WireError {
  status: number;
  /** `com.amazonaws.sqs#QueueDoesNotExist` */
  jsonType: string;
  queryCode: string;
  fault: 'Sender' | 'Receiver';
  message: string;
}

export function describeError(error: SqsApiError): WireError {
  const spec = specs[error.code] ?? { queryCode: error.code, status: 400 };
  return {
    status: spec.status,
    jsonType: `${spec.namespace ?? 'com.amazonaws.sqs'}#${error.code}`,
    queryCode: spec.queryCode,
    fault: spec.fault ?? 'Sender',
    message: error.message,
  };
}

/** Error codes of batch entries (`Failed[].Code`) use the short query code, as AWS does. */
export const batchEntryCode = (error: SqsApiError): string => specs[error.code]?.queryCode.replace('AWS.SimpleQueueService.', '') ?? error.code;

// Constructors for the messages AWS uses, so every call site words them identically.
export const errors = {
  queueDoesNotExist: () => new SqsError('QueueDoesNotExist', 'The specified queue does not exist.'),
  missing: (name: string) => new SqsError('MissingParameter', `The request must contain the parameter ${name}.`),
  invalidValue: (name: string, value: unknown, reason: string) =>
    new SqsError('InvalidParameterValue', `Value ${String(value)} for parameter ${name} is invalid. Reason: ${reason}`),
  invalidParameter: (message: string) => new SqsError('InvalidParameterValue', message),
  unknownAttribute: (name: string) => new SqsError('InvalidAttributeName', `Unknown Attribute ${name}.`),
  invalidAttributeValue: (name: string) => new SqsError('InvalidAttributeValue', `Invalid value for the parameter ${name}.`),
  invalidReceiptHandle: (handle: string) =>
    new SqsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`),
  notInflight: () => new SqsError('MessageNotInflight', 'Message does not exist or is not available for visibility timeout change.'),
  invalidContents: () =>
    new SqsError(
      'InvalidMessageContents',
      'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF',
    ),
  serialization: (message: string) => new SqsError('SerializationException', message),
  unknownOperation: (name: string) => new SqsError('UnknownOperationException', `The action ${name} is not valid for this web service.`),
};
