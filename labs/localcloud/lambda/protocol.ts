/**
 * Lambda's REST-JSON wire protocol (what `@aws-sdk/client-lambda` speaks): Invoke, GetFunction,
 * GetFunctionConfiguration and ListFunctions. Turns requests into calls on `LambdaFunctions` and errors into AWS's
 * shape (`x-amzn-errortype` header plus a JSON body with the message).
 */
import { requestId as newRequestId } from '../core/http.ts';
import type { LocalRequest, LocalResponse } from '../core/types.ts';
import { LambdaApiError, type FunctionInfo, type InvocationType } from './api.ts';
import type { LambdaFunctions } from './functions-service.ts';

export const LAMBDA_PATH_PREFIX = '/2015-03-31/functions';

export function lambdaErrorResponse(status: number, code: string, message: string): LocalResponse {
  const id = newRequestId();
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': id },
    body: JSON.stringify({ Type: status >= 500 ? 'Service' : 'User', message }),
  };
}

const ok = (value: unknown): LocalResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json', 'x-amzn-requestid': newRequestId() },
  body: JSON.stringify(value),
});

export function functionConfiguration(info: FunctionInfo): Record<string, unknown> {
  return {
    FunctionName: info.functionName,
    FunctionArn: info.functionArn,
    Runtime: info.runtime,
    Role: info.roleArn,
    Handler: info.handler,
    CodeSize: info.codeSize,
    Description: info.description,
    Timeout: info.timeout,
    MemorySize: info.memorySize,
    LastModified: info.lastModified,
    CodeSha256: info.codeSha256,
    Version: info.version,
    Environment: { Variables: info.environment },
    TracingConfig: { Mode: 'PassThrough' },
    State: info.state,
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    FileSystemConfigs: info.fileSystemMounts.map((m) => ({ Arn: `local:${m.hostDir}`, LocalMountPath: m.localMountPath })),
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${info.functionName}` },
  };
}

const invocationTypes: InvocationType[] = ['RequestResponse', 'Event', 'DryRun'];

async function invoke(service: LambdaFunctions, name: string, req: LocalRequest): Promise<LocalResponse> {
  const type = (req.headers['x-amz-invocation-type'] ?? 'RequestResponse') as InvocationType;
  if (!invocationTypes.includes(type)) {
    return lambdaErrorResponse(400, 'InvalidParameterValueException', `Unsupported invocation type ${type}; use RequestResponse, Event or DryRun`);
  }
  const text = req.body.length === 0 ? '{}' : req.body.toString('utf8');
  if (req.body.length > 0) {
    try {
      JSON.parse(text);
    } catch (error) {
      return lambdaErrorResponse(400, 'InvalidRequestContentException', `Could not parse request body into json: ${(error as Error).message}`);
    }
  }
  let clientContext: unknown;
  if (req.headers['x-amz-client-context']) {
    try {
      clientContext = JSON.parse(Buffer.from(req.headers['x-amz-client-context'], 'base64').toString('utf8'));
    } catch {
      return lambdaErrorResponse(400, 'InvalidRequestContentException', 'Client context must be base64-encoded JSON');
    }
  }
  const result = await service.invokeJson(name, text, { type, logTail: req.headers['x-amz-log-type'] === 'Tail', clientContext });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': result.requestId,
    'x-amz-executed-version': result.executedVersion,
  };
  if (result.functionError) headers['x-amz-function-error'] = result.functionError;
  if (result.logResult !== undefined) headers['x-amz-log-result'] = result.logResult;
  return { status: result.statusCode, headers, body: result.payload };
}

function listFunctions(service: LambdaFunctions, req: LocalRequest): LocalResponse {
  const all = service.listFunctions();
  const maxItems = Math.min(Math.max(Number(req.query.get('MaxItems') ?? 50) || 50, 1), 50);
  const marker = req.query.get('Marker');
  const start = marker ? Math.max(0, all.findIndex((f) => f.functionName === marker)) : 0;
  const page = all.slice(start, start + maxItems);
  const next = all[start + maxItems];
  return ok({ Functions: page.map(functionConfiguration), ...(next ? { NextMarker: next.functionName } : {}) });
}

export async function handleLambdaRequest(service: LambdaFunctions, req: LocalRequest): Promise<LocalResponse> {
  try {
    const rest = req.path.slice(LAMBDA_PATH_PREFIX.length).replace(/\/$/, '');
    const [, rawName, operation] = rest.split('/');
    const name = rawName === undefined ? undefined : decodeURIComponent(rawName);
    if (req.method === 'GET' && name === undefined) return listFunctions(service, req);
    if (name !== undefined && req.method === 'POST' && operation === 'invocations') return await invoke(service, name, req);
    if (name !== undefined && req.method === 'GET' && (operation === undefined || operation === 'configuration')) {
      const info = service.getFunction(name);
      if (!info) throw new LambdaApiError('ResourceNotFoundException', `Function not found: ${service.arnFor(name)}`, 404);
      if (operation === 'configuration') return ok(functionConfiguration(info));
      return ok({
        Configuration: functionConfiguration(info),
        Code: { RepositoryType: 'S3', Location: `file://${info.codeDir}` },
        ...(info.reservedConcurrency !== undefined ? { Concurrency: { ReservedConcurrentExecutions: info.reservedConcurrency } } : {}),
      });
    }
    return lambdaErrorResponse(404, 'UnknownOperationException', `The local Lambda does not support ${req.method} ${req.path}`);
  } catch (error) {
    if (error instanceof LambdaApiError) return lambdaErrorResponse(error.status, error.code, error.message);
    return lambdaErrorResponse(500, 'ServiceException', error instanceof Error ? error.message : String(error));
  }
}
