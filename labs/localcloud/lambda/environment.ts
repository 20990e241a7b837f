/**
 * The process environment of a function instance: only what Lambda sets plus the function's own variables
 * (nothing of the host leaks in), with the local cloud as `AWS_ENDPOINT_URL`.
 */
import type { FileSystemMount } from './api.ts';

export interface EnvironmentInput {
  functionName: string;
  memorySize: number;
  runtime: string;
  handler: string;
  codeDir: string;
  region: string;
  endpoint: string;
  logGroupName: string;
  logStreamName: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  variables: Record<string, string>;
  mounts: FileSystemMount[];
  /** Directories searched for packages the code leaves external (the runtime's copy of the SDK). */
  nodePath: string;
}

/**
 * EFS convention: code reads its mount path from a variable set in the stack (e.g. `DATA_DIR=/mnt/data`); locally
 * every variable whose value is a mount's `localMountPath` (or lies below it) points into the mount's host folder.
 */
export function mapMountPaths(value: string, mounts: FileSystemMount[]): string {
  for (const mount of mounts) {
    if (value === mount.localMountPath) return mount.hostDir;
    if (value.startsWith(`${mount.localMountPath}/`)) return mount.hostDir + value.slice(mount.localMountPath.length);
  }
  return value;
}

export function functionEnvironment(input: EnvironmentInput): Record<string, string> {
  const own: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.variables)) own[key] = mapMountPaths(value, input.mounts);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    NODE_PATH: input.nodePath,
    ...own,
    AWS_ENDPOINT_URL: input.endpoint,
    AWS_REGION: input.region,
    AWS_DEFAULT_REGION: input.region,
    AWS_LAMBDA_FUNCTION_NAME: input.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(input.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: input.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: input.logStreamName,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_EXECUTION_ENV: `AWS_Lambda_${input.runtime}`,
    LAMBDA_TASK_ROOT: input.codeDir,
    LAMBDA_RUNTIME_DIR: input.codeDir,
    _HANDLER: input.handler,
    AWS_ACCESS_KEY_ID: input.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: input.credentials.secretAccessKey,
  };
  if (input.credentials.sessionToken) env.AWS_SESSION_TOKEN = input.credentials.sessionToken;
  return env;
}
