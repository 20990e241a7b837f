/**
 * The event source mapping operations of Lambda's REST-JSON protocol, so the SDK and the AWS CLI can list and manage
 * mappings (`aws lambda list-event-source-mappings`): Create, Get, List, Update, Delete.
 */
import type { LocalRequest, LocalResponse } from '../core/types.ts';
import { lambdaErrorResponse } from '../lambda/protocol.ts';
import { EventSourceApiError, type CreateEventSourceMappingInput, type EventSourceMappingInfo, type EventSourcesInternalApi } from './api.ts';

export const MAPPINGS_PATH_PREFIX = '/2015-03-31/event-source-mappings';

function wire(info: EventSourceMappingInfo, state: string = info.state): Record<string, unknown> {
  return {
    UUID: info.uuid,
    EventSourceArn: info.eventSourceArn,
    FunctionArn: info.functionArn,
    BatchSize: info.batchSize,
    MaximumBatchingWindowInSeconds: info.maximumBatchingWindowInSeconds,
    FunctionResponseTypes: info.functionResponseTypes,
    ScalingConfig: info.scalingConfig.maximumConcurrency === undefined ? {} : { MaximumConcurrency: info.scalingConfig.maximumConcurrency },
    State: state,
    StateTransitionReason: 'USER_INITIATED',
    LastModified: info.lastModified,
  };
}

const ok = (status: number, value: unknown): LocalResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

type WireInput = {
  EventSourceArn?: string;
  FunctionName?: string;
  BatchSize?: number;
  MaximumBatchingWindowInSeconds?: number;
  FunctionResponseTypes?: string[];
  Enabled?: boolean;
  ScalingConfig?: { MaximumConcurrency?: number };
};

function settings(body: WireInput): Omit<CreateEventSourceMappingInput, 'eventSourceArn' | 'functionName'> & { functionName?: string } {
  return {
    functionName: body.FunctionName,
    batchSize: body.BatchSize,
    maximumBatchingWindowInSeconds: body.MaximumBatchingWindowInSeconds,
    functionResponseTypes: body.FunctionResponseTypes,
    enabled: body.Enabled,
    scalingConfig: body.ScalingConfig ? { maximumConcurrency: body.ScalingConfig.MaximumConcurrency } : undefined,
  };
}

export function handleMappingRequest(api: EventSourcesInternalApi, req: LocalRequest): LocalResponse {
  try {
    const uuid = req.path.slice(MAPPINGS_PATH_PREFIX.length).replace(/^\/|\/$/g, '');
    let body: WireInput = {};
    if (req.body.length > 0) {
      try {
        body = JSON.parse(req.body.toString('utf8')) as WireInput;
      } catch {
        return lambdaErrorResponse(400, 'InvalidRequestContentException', 'Could not parse request body into json');
      }
    }
    if (uuid === '' && req.method === 'GET') {
      const list = api.listEventSourceMappings({ functionName: req.query.get('FunctionName') ?? undefined, eventSourceArn: req.query.get('EventSourceArn') ?? undefined });
      return ok(200, { EventSourceMappings: list.map((m) => wire(m)) });
    }
    if (uuid === '' && req.method === 'POST') {
      if (!body.EventSourceArn || !body.FunctionName) {
        return lambdaErrorResponse(400, 'InvalidParameterValueException', 'EventSourceArn and FunctionName are required');
      }
      const created = api.createEventSourceMapping({ ...settings(body), eventSourceArn: body.EventSourceArn, functionName: body.FunctionName });
      return ok(202, wire(created, 'Creating'));
    }
    const found = api.getEventSourceMapping(uuid);
    if (!found) return lambdaErrorResponse(404, 'ResourceNotFoundException', `The resource you requested does not exist. (Service: Lambda, Status Code: 404, Request ID: ${uuid})`);
    if (req.method === 'GET') return ok(200, wire(found));
    if (req.method === 'PUT') return ok(202, wire(api.updateEventSourceMapping(uuid, settings(body)), 'Updating'));
    if (req.method === 'DELETE') {
      api.deleteEventSourceMapping(uuid);
      return ok(202, wire(found, 'Deleting'));
    }
    return lambdaErrorResponse(404, 'UnknownOperationException', `The local Lambda does not support ${req.method} ${req.path}`);
  } catch (error) {
    if (error instanceof EventSourceApiError) {
      return lambdaErrorResponse(error.code === 'ResourceNotFoundException' ? 404 : error.code === 'ResourceConflictException' ? 409 : 400, error.code, error.message);
    }
    return lambdaErrorResponse(500, 'ServiceException', error instanceof Error ? error.message : String(error));
  }
}
