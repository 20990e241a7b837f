/**
 * Event source mappings: validation as Lambda validates CreateEventSourceMapping for SQS, and one poller per
 * enabled mapping. Implements the internal API of `api.ts`.
 */
import { randomUUID } from 'node:crypto';
import type { CloudContext } from '../core/types.ts';
import { lambdaApi } from '../lambda/api.ts';
import { sqsApi } from '../sqs/api.ts';
import {
  EventSourceApiError,
  type CreateEventSourceMappingInput,
  type EventSourceMappingInfo,
  type EventSourcesInternalApi,
} from './api.ts';
import { SqsPoller } from './poller.ts';

const invalid = (message: string) => new EventSourceApiError('InvalidParameterValueException', message);

type Settings = Partial<Omit<CreateEventSourceMappingInput, 'uuid' | 'eventSourceArn'>>;

export class EventSourceMappings implements EventSourcesInternalApi {
  private mappings = new Map<string, { info: EventSourceMappingInfo; poller: SqsPoller }>();

  constructor(private readonly ctx: CloudContext) {}

  createEventSourceMapping(input: CreateEventSourceMappingInput): EventSourceMappingInfo {
    const arn = input?.eventSourceArn;
    if (typeof arn !== 'string' || !arn.startsWith('arn:aws:sqs:')) {
      throw invalid(`Unsupported event source ${String(arn)}: only SQS queue ARNs are polled locally (SNS subscribes Lambda directly)`);
    }
    const sqs = sqsApi(this.ctx.registry);
    const queueUrl = sqs.queueArnToUrl(arn);
    if (!queueUrl) throw invalid(`Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. Queue ${arn} does not exist`);
    const uuid = input.uuid ?? randomUUID();
    if (this.mappings.has(uuid)) throw new EventSourceApiError('ResourceConflictException', `An event source mapping with UUID ${uuid} already exists`);
    const fifo = arn.endsWith('.fifo');
    const info = this.validated(
      {
        uuid,
        eventSourceArn: arn,
        functionArn: '',
        batchSize: 10,
        maximumBatchingWindowInSeconds: 0,
        functionResponseTypes: [],
        scalingConfig: {},
        state: 'Enabled',
        lastModified: this.ctx.clock.now() / 1000,
      },
      { ...input, functionName: input.functionName },
      queueUrl,
      fifo,
    );
    const entry = { info, poller: undefined as unknown as SqsPoller };
    entry.poller = new SqsPoller(this.ctx, () => entry.info, queueUrl, fifo);
    this.mappings.set(uuid, entry);
    entry.poller.start();
    return info;
  }

  updateEventSourceMapping(uuid: string, input: Settings): EventSourceMappingInfo {
    const entry = this.entry(uuid);
    const queueUrl = sqsApi(this.ctx.registry).queueArnToUrl(entry.info.eventSourceArn) ?? '';
    entry.info = this.validated(entry.info, input, queueUrl, entry.info.eventSourceArn.endsWith('.fifo'));
    entry.poller.wake();
    return entry.info;
  }

  deleteEventSourceMapping(uuid: string): void {
    const entry = this.entry(uuid);
    entry.poller.stop();
    this.mappings.delete(uuid);
  }

  getEventSourceMapping(uuid: string): EventSourceMappingInfo | undefined {
    return this.mappings.get(uuid)?.info;
  }

  listEventSourceMappings(filter: { functionName?: string; eventSourceArn?: string } = {}): EventSourceMappingInfo[] {
    const fnArn = filter.functionName ? lambdaApi(this.ctx.registry).getFunction(filter.functionName)?.functionArn ?? filter.functionName : undefined;
    return [...this.mappings.values()]
      .map((e) => e.info)
      .filter((m) => (fnArn === undefined || m.functionArn === fnArn) && (filter.eventSourceArn === undefined || m.eventSourceArn === filter.eventSourceArn));
  }

  stop(): void {
    for (const { poller } of this.mappings.values()) poller.stop();
  }

  private entry(uuid: string) {
    const entry = this.mappings.get(uuid);
    if (!entry) throw new EventSourceApiError('ResourceNotFoundException', `The resource you requested does not exist. (Service: Lambda, Status Code: 404, Request ID: ${uuid})`);
    return entry;
  }

  /** The mapping with `input` applied, after the checks Lambda makes. */
  private validated(base: EventSourceMappingInfo, input: Settings, queueUrl: string, fifo: boolean): EventSourceMappingInfo {
    const info: EventSourceMappingInfo = { ...base, scalingConfig: { ...base.scalingConfig } };
    if (input.functionName !== undefined) {
      const fn = lambdaApi(this.ctx.registry).getFunction(String(input.functionName));
      if (!fn) throw new EventSourceApiError('ResourceNotFoundException', `Function not found: ${String(input.functionName)}`);
      info.functionArn = fn.functionArn;
    }
    if (input.batchSize !== undefined) info.batchSize = input.batchSize;
    if (input.maximumBatchingWindowInSeconds !== undefined) info.maximumBatchingWindowInSeconds = input.maximumBatchingWindowInSeconds;
    if (input.functionResponseTypes !== undefined) info.functionResponseTypes = [...input.functionResponseTypes];
    if (input.enabled !== undefined) info.state = input.enabled ? 'Enabled' : 'Disabled';
    if (input.scalingConfig !== undefined) info.scalingConfig = { ...input.scalingConfig };

    const max = fifo ? 10 : 10_000;
    if (!Number.isInteger(info.batchSize) || info.batchSize < 1 || info.batchSize > max) {
      throw invalid(`BatchSize ${info.batchSize} is out of range: 1 to ${max} for ${fifo ? 'FIFO' : 'standard'} queues`);
    }
    const window = info.maximumBatchingWindowInSeconds;
    if (!Number.isInteger(window) || window < 0 || window > 300) throw invalid(`MaximumBatchingWindowInSeconds ${window} is out of range: 0 to 300`);
    if (fifo && window > 0) throw invalid('Batching window is not supported for FIFO queues');
    if (info.batchSize > 10 && window < 1) {
      throw invalid('Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10');
    }
    for (const type of info.functionResponseTypes) if (type !== 'ReportBatchItemFailures') throw invalid(`Unsupported FunctionResponseType ${type}`);
    const concurrency = info.scalingConfig.maximumConcurrency;
    if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 2 || concurrency > 1000)) {
      throw invalid(`ScalingConfig.MaximumConcurrency ${concurrency} is out of range: 2 to 1000`);
    }
    const fn = lambdaApi(this.ctx.registry).getFunction(info.functionArn);
    const visibility = Number(sqsApi(this.ctx.registry).getQueueAttributes(queueUrl, ['VisibilityTimeout']).VisibilityTimeout ?? 30);
    if (fn && fn.timeout > visibility) {
      throw invalid(`Queue visibility timeout: ${visibility} seconds is less than Function timeout: ${fn.timeout} seconds`);
    }
    info.lastModified = this.ctx.clock.now() / 1000;
    return info;
  }
}
