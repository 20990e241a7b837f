/**
 * `GET /_aws/sqs/messages?QueueUrl=…` (URL or ARN): every message of a queue with its state
 * (`visible`, `inflight`, `delayed`), without receiving it — visibility, receive counts and order stay untouched.
 */
import { jsonResponse } from '../core/http.ts';
import type { LocalRequest, LocalResponse } from '../core/types.ts';
import { SqsApiError, type SqsInternalApi } from '../sqs/api.ts';

export const PEEK_PATH = '/_aws/sqs/messages';

export function peekQueue(req: LocalRequest, sqs: SqsInternalApi | undefined): LocalResponse {
  if (req.method !== 'GET') return jsonResponse(405, { error: 'use GET' });
  if (!sqs) return jsonResponse(503, { error: 'the SQS module is not registered' });
  const queue = req.query.get('QueueUrl') ?? req.query.get('QueueArn');
  if (!queue) return jsonResponse(400, { error: 'QueueUrl query parameter is required, e.g. ?QueueUrl=http://127.0.0.1:4566/000000000000/orders' });
  try {
    const messages = sqs.peek(queue).map((m) => ({
      MessageId: m.messageId,
      Body: m.body,
      State: m.state,
      Attributes: m.attributes,
      MessageAttributes: m.messageAttributes,
    }));
    return jsonResponse(200, { QueueUrl: queue, Messages: messages });
  } catch (error) {
    if (error instanceof SqsApiError) return jsonResponse(error.code === 'QueueDoesNotExist' ? 404 : 400, { error: error.message, code: error.code });
    throw error;
  }
}
