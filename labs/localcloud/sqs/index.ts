/**
 * The SQS module: wires protocol.ts (wire formats), semantics.ts (operations) and errors.ts into a ServiceModule,
 * and registers the internal API under `context.registry.get('sqs')` (type `SqsInternalApi` in ./api.ts):
 *
 *   sendMessage(queue, body, messageAttributes?, { groupId, dedupId, delaySeconds }) → { messageId, md5OfBody, … }
 *       Same validation and FIFO deduplication as SendMessage; SNS uses it to deliver.
 *   receive(queue, { maxMessages, visibilityTimeout, waitSeconds }) → Promise<SqsReceivedMessage[]>
 *   delete(queue, receiptHandle), changeVisibility(queue, receiptHandle, seconds)
 *       For Lambda event source mappings; `watch(queue, listener)` tells them when to poll again.
 *   peek(queue) → every stored message with its state, changing nothing (inspection endpoint).
 *   queueArnToUrl(arn), queueUrlToArn(url), getQueueAttributes(queue, names?)
 *
 * `queue` may be a URL, an ARN or a name. Errors are thrown as `SqsApiError` with AWS's code.
 */
import { requestId, uuid } from '../core/http.ts';
import type { CloudContext, LocalRequest, ServiceFactory, ServiceModule } from '../core/types.ts';
import { SQS_REGISTRY_KEY, SqsApiError, type SqsInternalApi, type SqsReceivedMessage } from './api.ts';
import { SqsError } from './errors.ts';
import { faultErrors } from '../faults/errors.ts';
import { sqsAccess } from '../iam/enforce.ts';
import { encodeError, encodeResult, isSqsRequest, parseRequest, peekActionAndQueue, protocolOf } from './protocol.ts';
import { SqsService, selectAttributes, type ReceivedSnapshot } from './semantics.ts';

// SQS's own throttling code (the SDK retries it); 5xx codes and all messages are the generic ones.
const faultErrorCodes = { throttle: 'RequestThrottled', internal: 'InternalFailure', unavailable: 'ServiceUnavailable' } as const;

export function createSqsService(context: CloudContext): { module: ServiceModule; service: SqsService; api: SqsInternalApi } {
  const faults = context.faults;
  const service = new SqsService({
    clock: context.clock,
    region: context.region,
    accountId: context.accountId,
    endpoint: context.endpoint,
    newId: uuid,
    faults: faults && { roll: (operation, queueArn, kind) => faults.roll('sqs', operation, queueArn, kind) },
  });
  const api = internalApi(service);
  context.registry.set(SQS_REGISTRY_KEY, api);

  const module: ServiceModule = {
    name: 'sqs',
    matches: isSqsRequest,
    describe: peekActionAndQueue,
    faultResponse: (req, kind) => encodeError(protocolOf(req), new SqsError(faultErrorCodes[kind], faultErrors[kind].message), requestId()),
    async handle(req: LocalRequest) {
      const id = requestId();
      let protocol = protocolOf(req);
      try {
        const parsed = parseRequest(req);
        protocol = parsed.protocol;
        const denial = sqsAccess(context, req.accessKeyId, parsed.action, parsed.input as Record<string, unknown>);
        if (denial) throw new SqsError('AccessDeniedException', denial.message);
        const operation = (service as unknown as Record<string, (input: object, sender?: string) => object | Promise<object>>)[parsed.action];
        const output = await operation.call(service, parsed.input, req.accessKeyId);
        return encodeResult(protocol, parsed.action, output as Record<string, unknown>, id);
      } catch (error) {
        if (error instanceof SqsApiError) return encodeError(protocol, error, id);
        return encodeError(protocol, new SqsError('InternalFailure', error instanceof Error ? error.message : String(error)), id);
      }
    },
    stop: () => service.stop(),
  };
  return { module, service, api };
}

export const sqsService: ServiceFactory = (context) => createSqsService(context).module;

function toReceived(service: SqsService, snapshot: ReceivedSnapshot): SqsReceivedMessage {
  const { message, handle } = snapshot;
  const received: SqsReceivedMessage = {
    messageId: message.id,
    receiptHandle: handle,
    body: message.body,
    md5OfBody: message.md5Body,
    attributes: service.systemAttributes(snapshot, ['All']) ?? {},
    messageAttributes: selectAttributes(message.attributes, ['All']) ?? {},
  };
  if (message.md5Attributes) received.md5OfMessageAttributes = message.md5Attributes;
  return received;
}

function internalApi(service: SqsService): SqsInternalApi {
  return {
    sendMessage(queue, body, messageAttributes, options = {}) {
      const output = service.SendMessage({
        QueueUrl: queue,
        MessageBody: body,
        MessageAttributes: messageAttributes,
        MessageGroupId: options.groupId,
        MessageDeduplicationId: options.dedupId,
        DelaySeconds: options.delaySeconds,
      });
      return {
        messageId: output.MessageId as string,
        md5OfBody: output.MD5OfMessageBody as string,
        md5OfMessageAttributes: output.MD5OfMessageAttributes as string | undefined,
        sequenceNumber: output.SequenceNumber as string | undefined,
      };
    },
    async receive(queue, options = {}) {
      const state = service.resolve(queue);
      const max = Math.min(10, Math.max(1, options.maxMessages ?? 1));
      const snapshots = await service.receive(state, max, options.visibilityTimeout ?? state.config.VisibilityTimeout, Math.min(20, options.waitSeconds ?? 0));
      return snapshots.map((s) => toReceived(service, s));
    },
    delete(queue, receiptHandle) {
      service.deleteOne(service.resolve(queue), receiptHandle);
    },
    changeVisibility(queue, receiptHandle, seconds) {
      service.changeOne(service.resolve(queue), receiptHandle, seconds);
    },
    peek: (queue) => service.peek(service.resolve(queue)),
    queueArnToUrl: (arn) => {
      const queue = service.find(arn);
      return queue?.arn === arn ? queue.url : undefined;
    },
    queueUrlToArn: (url) => service.find(url)?.arn,
    getQueueAttributes: (queue, names = ['All']) => (service.GetQueueAttributes({ QueueUrl: queue, AttributeNames: names }).Attributes as Record<string, string>) ?? {},
    watch(queue, listener) {
      const state = service.resolve(queue);
      state.watchers.add(listener);
      service.armWake(state);
      return () => void state.watchers.delete(listener);
    },
  };
}
