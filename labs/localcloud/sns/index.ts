/** The SNS service module: owns signed `sns` requests and unsigned query-protocol SNS actions (confirm/unsubscribe links). */
import { isValidUtf8, queryAction, requestId } from '../core/http.ts';
import type { CloudContext, LocalRequest, LocalResponse, ServiceModule } from '../core/types.ts';
import { SNS_REGISTRY_KEY, type SnsInternalApi } from './api.ts';
import { Deliverer } from './delivery.ts';
import { authorizationError, SnsError, snsErrorResponse } from './errors.ts';
import { snsAccess } from '../iam/enforce.ts';
import type { FaultErrorKind } from '../faults/config.ts';
import { invalidAction, isSnsAction, missingAction, parseRequest, successResponse } from './protocol.ts';
import type { Input, Result } from './input.ts';
import { SnsService } from './service.ts';
import { SMS_ACTIONS, SmsService } from './sms.ts';
import { SnsState } from './state.ts';

/** Which resource a call is about, for the event stream. */
const resourceOf = (input: Record<string, unknown>): string | undefined =>
  [input.TopicArn, input.SubscriptionArn, input.ResourceArn, input.TargetArn, input.PhoneNumber].find((v): v is string => typeof v === 'string');

/** Injected faults in SNS's own error shape; `Throttled` (429) and 5xx are retried by the SDK. */
const faultErrors: Record<FaultErrorKind, SnsError> = {
  throttle: new SnsError('Throttled', 429, 'Rate exceeded (injected fault)'),
  internal: new SnsError('InternalError', 500, 'We encountered an internal error. Please try again. (injected fault)'),
  unavailable: new SnsError('ServiceUnavailable', 503, 'Service is unavailable. Please try again. (injected fault)'),
};

export function createSnsModule(context: CloudContext): ServiceModule {
  const state = new SnsState(context.region, context.accountId);
  const deliverer = new Deliverer(context, state);
  const sms = new SmsService(context, state, deliverer);
  const service = new SnsService(context, state, deliverer, sms);

  const api: SnsInternalApi = {
    publish: (topicArn, message, options) => service.publish(topicArn, message, options),
    smsMessages: () => [...state.smsOutbox],
    clearSmsMessages: (phoneNumber) => {
      state.smsOutbox = phoneNumber ? state.smsOutbox.filter((m) => m.PhoneNumber !== phoneNumber) : [];
    },
    emailMessages: () => [...state.emailOutbox],
    clearEmailMessages: (address) => {
      state.emailOutbox = address ? state.emailOutbox.filter((m) => m.Destination !== address) : [];
    },
    subscriptionToken: (arn) => state.subscriptions.get(arn)?.token,
    optOut: (phoneNumber) => sms.optOut(phoneNumber),
  };
  context.registry.set(SNS_REGISTRY_KEY, api);

  const handle = async (req: LocalRequest): Promise<LocalResponse> => {
    const id = requestId();
    try {
      if (!isValidUtf8(req.body)) throw new SnsError('MalformedQueryString', 400, 'The request body is not valid UTF-8.');
      const { action, input } = parseRequest(req);
      if (!action) throw missingAction();
      if (!isSnsAction(action)) throw invalidAction(action);
      const denial = snsAccess(context, req.accessKeyId, action, input);
      if (denial) throw authorizationError(denial.message);
      const owner = (SMS_ACTIONS.has(action) ? sms : service) as unknown as Record<string, (input: Input) => Result>;
      const result = owner[action].call(owner, input);
      return successResponse(action, result, id);
    } catch (error) {
      if (!(error instanceof SnsError)) throw error;
      return snsErrorResponse(error, id);
    }
  };

  return {
    name: 'sns',
    matches: (req) => req.signingService === 'sns' || isSnsAction(queryAction(req)),
    handle,
    describe(req) {
      const { action, input } = parseRequest(req);
      return { action, resource: resourceOf(input) };
    },
    faultResponse: (_req, kind) => snsErrorResponse(faultErrors[kind]),
    stop: () => deliverer.stop(),
  };
}
