/**
 * The HTTP-free API for Lambda event source mappings, offered through `context.registry.get('eventsources')`.
 * The deployer maps AWS::Lambda::EventSourceMapping onto it. Only SQS sources are polled (standard and FIFO);
 * SNS → Lambda goes through `lambda.invokeAsync` instead. Failures throw `EventSourceApiError`
 * (`ResourceNotFoundException`, `InvalidParameterValueException`).
 */

export const EVENTSOURCES_REGISTRY_KEY = 'eventsources';

export interface CreateEventSourceMappingInput {
  /** Queue ARN (`arn:aws:sqs:<region>:<account>:<name>`). */
  eventSourceArn: string;
  /** Function name or ARN. */
  functionName: string;
  /** Default 10; max 10,000 standard / 10 FIFO; > 10 needs a batching window ≥ 1 s. */
  batchSize?: number;
  /** Seconds 0–300; not supported on FIFO queues. */
  maximumBatchingWindowInSeconds?: number;
  /** `['ReportBatchItemFailures']` to let the function return `{ batchItemFailures }`. */
  functionResponseTypes?: string[];
  /** Default true. */
  enabled?: boolean;
  /** Maximum concurrent invocations this mapping drives (2–1000); default: as many as the function allows. */
  scalingConfig?: { maximumConcurrency?: number };
  /** Keep a given id (e.g. on redeploy); generated when omitted. */
  uuid?: string;
}

export interface EventSourceMappingInfo {
  uuid: string;
  eventSourceArn: string;
  functionArn: string;
  batchSize: number;
  maximumBatchingWindowInSeconds: number;
  functionResponseTypes: string[];
  scalingConfig: { maximumConcurrency?: number };
  state: 'Enabled' | 'Disabled';
  lastModified: number;
}

export interface EventSourcesInternalApi {
  createEventSourceMapping(input: CreateEventSourceMappingInput): EventSourceMappingInfo;
  updateEventSourceMapping(uuid: string, input: Partial<Omit<CreateEventSourceMappingInput, 'uuid' | 'eventSourceArn'>>): EventSourceMappingInfo;
  deleteEventSourceMapping(uuid: string): void;
  getEventSourceMapping(uuid: string): EventSourceMappingInfo | undefined;
  listEventSourceMappings(filter?: { functionName?: string; eventSourceArn?: string }): EventSourceMappingInfo[];
}

export class EventSourceApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** Typed lookup for other services; throws when the event source module is not registered. */
export function eventSourcesApi(registry: Map<string, unknown>): EventSourcesInternalApi {
  const api = registry.get(EVENTSOURCES_REGISTRY_KEY);
  if (!api) throw new Error('The event source module is not registered in labs/localcloud/services.ts');
  return api as EventSourcesInternalApi;
}
