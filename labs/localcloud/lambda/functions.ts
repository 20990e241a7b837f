/** The function definitions: validation of create/update input as Lambda validates it, and the stored shape. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  LambdaApiError,
  SUPPORTED_RUNTIMES,
  type CreateFunctionInput,
  type FileSystemMount,
  type FunctionInfo,
  type UpdateFunctionConfigurationInput,
} from './api.ts';

const invalid = (message: string) => new LambdaApiError('InvalidParameterValueException', message, 400);

const namePattern = /^[A-Za-z0-9_-]{1,64}$/;
const mountPattern = /^\/mnt\/[A-Za-z0-9_.-]+$/;

export function validateName(name: unknown): string {
  if (typeof name !== 'string' || !namePattern.test(name)) {
    throw invalid(`Function name '${String(name)}' must match [A-Za-z0-9_-]{1,64}`);
  }
  return name;
}

function validateCodeDir(codeDir: unknown): string {
  if (typeof codeDir !== 'string' || codeDir === '') throw invalid('codeDir must name the directory with the function code');
  const dir = path.resolve(codeDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw invalid(`Code directory ${dir} does not exist`);
  return dir;
}

function validateConfig(input: UpdateFunctionConfigurationInput): void {
  if (input.runtime !== undefined && !(SUPPORTED_RUNTIMES as readonly string[]).includes(input.runtime)) {
    throw invalid(`Value ${input.runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${SUPPORTED_RUNTIMES.join(', ')}]`);
  }
  if (input.handler !== undefined && (typeof input.handler !== 'string' || !/^[^\s]+\.[^\s.]+/.test(input.handler) || input.handler.length > 128)) {
    throw invalid(`Value ${String(input.handler)} at 'handler' failed to satisfy constraint: Member must match pattern file.export (e.g. index.handler)`);
  }
  if (input.timeout !== undefined && (!Number.isInteger(input.timeout) || input.timeout < 1 || input.timeout > 900)) {
    throw invalid(`Value ${input.timeout} at 'timeout' failed to satisfy constraint: Member must be an integer between 1 and 900`);
  }
  if (input.memorySize !== undefined && (!Number.isInteger(input.memorySize) || input.memorySize < 128 || input.memorySize > 10240)) {
    throw invalid(`Value ${input.memorySize} at 'memorySize' failed to satisfy constraint: Member must be an integer between 128 and 10240`);
  }
  if (input.reservedConcurrency !== undefined && (!Number.isInteger(input.reservedConcurrency) || input.reservedConcurrency < 0)) {
    throw invalid(`Value ${input.reservedConcurrency} at 'reservedConcurrency' must be a non-negative integer`);
  }
  for (const [key, value] of Object.entries(input.environment ?? {})) {
    if (!/^[a-zA-Z]([a-zA-Z0-9_])*$/.test(key)) throw invalid(`Environment variable name ${key} is not valid`);
    if (typeof value !== 'string') throw invalid(`Environment variable ${key} must be a string`);
    if (key.startsWith('AWS_') && ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_LAMBDA_FUNCTION_NAME'].includes(key)) {
      throw invalid(`Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${key}`);
    }
  }
  for (const mount of input.fileSystemMounts ?? []) validateMount(mount);
}

function validateMount(mount: FileSystemMount): void {
  if (!mountPattern.test(mount.localMountPath ?? '')) {
    throw invalid(`LocalMountPath ${mount.localMountPath} must match ^/mnt/[a-zA-Z0-9-_.]+$`);
  }
  if (typeof mount.hostDir !== 'string' || mount.hostDir === '') throw invalid(`Mount ${mount.localMountPath} needs a host directory`);
}

/** SHA-256 (base64) and size of the code folder, standing in for the zip's CodeSha256 and CodeSize. */
function codeDigest(dir: string): { codeSha256: string; codeSize: number } {
  const hash = createHash('sha256');
  let codeSize = 0;
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const content = fs.readFileSync(full);
        codeSize += content.length;
        hash.update(path.relative(dir, full)).update('\0').update(content);
      }
    }
  };
  walk(dir);
  return { codeSha256: hash.digest('base64'), codeSize };
}

/** `2026-01-01T00:00:00.000+0000`, the timestamp format of LastModified. */
const lambdaTimestamp = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

export function newFunction(input: CreateFunctionInput, arn: string, defaultRoleArn: string, now: number): FunctionInfo {
  if (input === null || typeof input !== 'object') throw invalid('createFunction needs an object with name, runtime, handler and codeDir');
  const functionName = validateName(input.name);
  if (input.runtime === undefined) throw invalid('runtime is required');
  if (input.handler === undefined) throw invalid('handler is required');
  validateConfig(input);
  const codeDir = validateCodeDir(input.codeDir);
  for (const mount of input.fileSystemMounts ?? []) fs.mkdirSync(mount.hostDir, { recursive: true });
  return {
    functionName,
    functionArn: arn,
    runtime: input.runtime,
    handler: input.handler,
    codeDir,
    timeout: input.timeout ?? 3,
    memorySize: input.memorySize ?? 128,
    roleArn: input.roleArn ?? defaultRoleArn,
    environment: { ...(input.environment ?? {}) },
    reservedConcurrency: input.reservedConcurrency,
    fileSystemMounts: [...(input.fileSystemMounts ?? [])],
    description: input.description ?? '',
    lastModified: lambdaTimestamp(now),
    ...codeDigest(codeDir),
    version: '$LATEST',
    state: 'Active',
  };
}

export function withConfiguration(fn: FunctionInfo, input: UpdateFunctionConfigurationInput, now: number): FunctionInfo {
  validateConfig(input);
  for (const mount of input.fileSystemMounts ?? []) fs.mkdirSync(mount.hostDir, { recursive: true });
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return { ...fn, ...defined, lastModified: lambdaTimestamp(now) };
}

export function withCode(fn: FunctionInfo, code: { codeDir: string; handler?: string }, now: number): FunctionInfo {
  if (code.handler !== undefined) validateConfig({ handler: code.handler });
  const codeDir = validateCodeDir(code.codeDir);
  return { ...fn, codeDir, handler: code.handler ?? fn.handler, ...codeDigest(codeDir), lastModified: lambdaTimestamp(now) };
}
