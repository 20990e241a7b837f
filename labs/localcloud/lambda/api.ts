/**
 * The HTTP-free API that the Lambda module offers other services through `context.registry.get('lambda')`.
 * The deployer creates and updates functions with it, API Gateway and event source mappings invoke through it,
 * SNS delivers to Lambda subscriptions with `invokeAsync`. Functions may be named by name or by ARN everywhere.
 * Failures throw `LambdaApiError` (same `code` as the wire error, e.g. `ResourceNotFoundException`).
 */

export const LAMBDA_REGISTRY_KEY = 'lambda';

/** Runtimes the local cloud runs; callback-style handlers only work on `nodejs22.x`, as on AWS. */
export const SUPPORTED_RUNTIMES = ['nodejs22.x', 'nodejs24.x'] as const;
export type LambdaRuntimeName = (typeof SUPPORTED_RUNTIMES)[number];

/** An EFS access point mounted into a function: code sees `localMountPath`, the files live in `hostDir`. */
export interface FileSystemMount {
  /** `/mnt/…` as in the template's FileSystemConfigs. */
  localMountPath: string;
  /** Local directory that backs the mount (the deployer creates it under the cloud's data folder). */
  hostDir: string;
}

export interface CreateFunctionInput {
  name: string;
  runtime: string;
  /** `file.export`, e.g. `index.handler` (a path like `src/app.handler` is allowed). */
  handler: string;
  /** Directory with the function code (esbuild bundle or plain JS), e.g. an asset folder in `cdk.out`. */
  codeDir: string;
  environment?: Record<string, string>;
  /** Seconds, 1–900, default 3. */
  timeout?: number;
  /** MB, 128–10240, default 128. */
  memorySize?: number;
  roleArn?: string;
  /** Maximum concurrent instances; unset = only the cloud-wide limit. 0 throttles every invoke. */
  reservedConcurrency?: number;
  fileSystemMounts?: FileSystemMount[];
  description?: string;
}

export type UpdateFunctionConfigurationInput = Partial<Omit<CreateFunctionInput, 'name' | 'codeDir'>>;

export interface FunctionInfo {
  functionName: string;
  functionArn: string;
  runtime: string;
  handler: string;
  codeDir: string;
  /** Seconds. */
  timeout: number;
  memorySize: number;
  roleArn: string;
  environment: Record<string, string>;
  reservedConcurrency?: number;
  fileSystemMounts: FileSystemMount[];
  description: string;
  /** ISO 8601 like AWS (`2026-01-01T00:00:00.000+0000`). */
  lastModified: string;
  codeSha256: string;
  codeSize: number;
  version: '$LATEST';
  state: 'Active';
}

export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';

export interface InvokeOptions {
  /** Default `RequestResponse`. */
  type?: InvocationType;
  /** Return the last 4 KB of the invocation's log, base64, in `logResult` (LogType Tail). */
  logTail?: boolean;
  /**
   * Wait for a free instance when the reserved concurrency is used up instead of failing with
   * TooManyRequestsException (429) as a synchronous Invoke does; event sources poll this way.
   */
  waitForCapacity?: boolean;
}

export interface InvokeResult {
  /** 200 RequestResponse, 202 Event, 204 DryRun. */
  statusCode: number;
  requestId: string;
  /** JSON text the function returned, or the AWS-shaped error document; empty for Event/DryRun. */
  payload: string;
  /** Set when the function failed (`Unhandled`), as the `X-Amz-Function-Error` header. */
  functionError?: 'Unhandled';
  /** Base64 of the last 4 KB of log output when `logTail` was asked. */
  logResult?: string;
  executedVersion: '$LATEST';
}

export interface LambdaInternalApi {
  createFunction(input: CreateFunctionInput): Promise<FunctionInfo>;
  /** New code for an existing function; running instances finish, later invocations start cold. */
  updateFunctionCode(nameOrArn: string, code: { codeDir: string; handler?: string }): Promise<FunctionInfo>;
  updateFunctionConfiguration(nameOrArn: string, input: UpdateFunctionConfigurationInput): Promise<FunctionInfo>;
  deleteFunction(nameOrArn: string): Promise<void>;
  getFunction(nameOrArn: string): FunctionInfo | undefined;
  listFunctions(): FunctionInfo[];
  /** `event` is any JSON value. RequestResponse waits for the result; Event queues it (async retries apply). */
  invoke(nameOrArn: string, event: unknown, options?: InvokeOptions): Promise<InvokeResult>;
  /** Asynchronous invoke as AWS does it for SNS/S3/Event invokes: accepted at once, up to 2 retries on failure. */
  invokeAsync(nameOrArn: string, event: unknown): Promise<{ requestId: string }>;
}

export class LambdaApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status the wire protocol answers with. */
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

/** Typed lookup for other services; throws when the Lambda module is not registered. */
export function lambdaApi(registry: Map<string, unknown>): LambdaInternalApi {
  const api = registry.get(LAMBDA_REGISTRY_KEY);
  if (!api) throw new Error('The Lambda module is not registered in labs/localcloud/services.ts');
  return api as LambdaInternalApi;
}
