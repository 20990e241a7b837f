/**
 * Inspection and teaching aids: SMS and e-mail outboxes, subscription tokens, queue peek and the live event
 * stream. Plain JSON (and SSE) over unsigned HTTP, so a browser, curl or a test can read them.
 */
import { jsonResponse } from '../core/http.ts';
import type { CloudContext, LocalRequest, LocalResponse, ServiceModule } from '../core/types.ts';
import { snsApi } from '../sns/api.ts';
import { SQS_REGISTRY_KEY, type SqsInternalApi } from '../sqs/api.ts';
import { EventStreams, SSE_HEADERS } from './event-stream.ts';
import { EMAIL_PATH, emailMessages, SMS_PATH, smsMessages, subscriptionToken, TOKENS_PATH } from './outboxes.ts';
import { PEEK_PATH, peekQueue } from './queue-peek.ts';

export const EVENTS_PATH = '/_localcloud/events';

const isInspectPath = (path: string): boolean =>
  path === SMS_PATH || path === EMAIL_PATH || path.startsWith(TOKENS_PATH) || path === PEEK_PATH || path === EVENTS_PATH;

export function createInspectModule(context: CloudContext): ServiceModule {
  const streams = new EventStreams(context.events);

  const answer = async (req: LocalRequest): Promise<LocalResponse> => {
    if (req.method === 'OPTIONS') return { status: 204, headers: { 'access-control-allow-methods': 'GET, DELETE', 'access-control-max-age': '86400' } };
    if (req.path === EVENTS_PATH) {
      if (req.method !== 'GET') return jsonResponse(405, { error: 'use GET' });
      return { status: 200, headers: SSE_HEADERS, stream: (res) => streams.attach(req, res) };
    }
    if (req.path === PEEK_PATH) return peekQueue(req, context.registry.get(SQS_REGISTRY_KEY) as SqsInternalApi | undefined);
    const sns = snsApi(context.registry);
    if (!sns) return jsonResponse(503, { error: 'the SNS module is not registered' });
    if (req.path === SMS_PATH) return smsMessages(req, sns, context.region);
    if (req.path === EMAIL_PATH) return emailMessages(req, sns, context.region);
    return subscriptionToken(req, sns);
  };

  // The workbook's live view runs on another origin (port), so every answer allows any origin.
  const handle = async (req: LocalRequest): Promise<LocalResponse> => {
    const response = await answer(req);
    return { ...response, headers: { ...response.headers, 'access-control-allow-origin': '*' } };
  };

  return {
    name: 'inspect',
    matches: (req) => !req.signingService && isInspectPath(req.path),
    handle,
    describe: (req) => ({ action: `${req.method} ${req.path}` }),
    stop: () => streams.closeAll(),
  };
}
