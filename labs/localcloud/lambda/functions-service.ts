/**
 * The Lambda service without HTTP: keeps the functions, runs invocations on their instance pools, writes the log
 * lines Lambda writes, and retries asynchronous invocations. Implements the internal API of `api.ts`.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { CloudContext } from '../core/types.ts';
import {
  LambdaApiError,
  type CreateFunctionInput,
  type FunctionInfo,
  type InvokeOptions,
  type InvokeResult,
  type LambdaInternalApi,
  type UpdateFunctionConfigurationInput,
} from './api.ts';
import { functionArn, functionNameOf } from './arn.ts';
import { functionEnvironment } from './environment.ts';
import { newFunction, withCode, withConfiguration } from './functions.ts';
import { endLine, logTail, reportLine, startLine } from './logs.ts';
import { repoRoot, type InstanceConfig } from './runtime/instance.ts';
import { ConcurrencyGate, FunctionPool, ThrottledError } from './runtime/pool.ts';

/** 6 MB as Lambda counts it (6,291,556 bytes, request and response of a synchronous invoke). */
export const MAX_SYNC_PAYLOAD = 6_291_556;
/** Asynchronous invokes accept up to 1 MB since October 2025. */
export const MAX_ASYNC_PAYLOAD = 1_048_576;
/** Async invokes are retried twice after failures, about one and then two minutes later (on the cloud's clock). */
export const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000];
/** Instances running at once across all functions (this machine's limit; more invocations wait). */
const MAX_RUNNING_INSTANCES = Number(process.env.LOCALCLOUD_LAMBDA_MAX_INSTANCES ?? 32);

interface Entry {
  info: FunctionInfo;
  pool: FunctionPool;
  logStreamName: string;
}

export interface InternalInvokeOptions extends InvokeOptions {
  clientContext?: unknown;
}

export class LambdaFunctions implements LambdaInternalApi {
  private entries = new Map<string, Entry>();
  private gate = new ConcurrencyGate(MAX_RUNNING_INSTANCES);
  private retryTimers = new Set<{ cancel(): void }>();
  private stopped = false;
  /** Read once: process.env lookups are slow on the invocation path. */
  private readonly quiet = process.env.LOCALCLOUD_QUIET === '1';

  constructor(private readonly ctx: CloudContext) {}

  async createFunction(input: CreateFunctionInput): Promise<FunctionInfo> {
    const arn = functionArn(this.ctx.region, this.ctx.accountId, String(input?.name));
    const info = newFunction(input, arn, `arn:aws:iam::${this.ctx.accountId}:role/lambda-role`, this.ctx.clock.now());
    if (this.entries.has(info.functionName)) {
      throw new LambdaApiError('ResourceConflictException', `Function already exist: ${info.functionName}`, 409);
    }
    const day = new Date(this.ctx.clock.now()).toISOString().slice(0, 10).replace(/-/g, '/');
    const logStreamName = `${day}/[$LATEST]${randomUUID().replace(/-/g, '')}`;
    const entry: Entry = { info, logStreamName, pool: undefined as unknown as FunctionPool };
    entry.pool = new FunctionPool(() => this.instanceConfig(entry), info.reservedConcurrency, this.gate, (text) => this.log(entry.info, text));
    this.entries.set(info.functionName, entry);
    this.emit('CreateFunction', info.functionArn);
    return info;
  }

  async updateFunctionCode(nameOrArn: string, code: { codeDir: string; handler?: string }): Promise<FunctionInfo> {
    const entry = this.entry(nameOrArn);
    entry.info = withCode(entry.info, code, this.ctx.clock.now());
    entry.pool.reconfigure(entry.info.reservedConcurrency);
    this.emit('UpdateFunctionCode', entry.info.functionArn);
    return entry.info;
  }

  async updateFunctionConfiguration(nameOrArn: string, input: UpdateFunctionConfigurationInput): Promise<FunctionInfo> {
    const entry = this.entry(nameOrArn);
    entry.info = withConfiguration(entry.info, input, this.ctx.clock.now());
    entry.pool.reconfigure(entry.info.reservedConcurrency);
    this.emit('UpdateFunctionConfiguration', entry.info.functionArn);
    return entry.info;
  }

  async deleteFunction(nameOrArn: string): Promise<void> {
    const entry = this.entry(nameOrArn);
    entry.pool.close();
    this.entries.delete(entry.info.functionName);
    this.emit('DeleteFunction', entry.info.functionArn);
  }

  getFunction(nameOrArn: string): FunctionInfo | undefined {
    const name = functionNameOf(nameOrArn);
    return name === undefined ? undefined : this.entries.get(name)?.info;
  }

  listFunctions(): FunctionInfo[] {
    return [...this.entries.values()].map((e) => e.info).sort((a, b) => a.functionName.localeCompare(b.functionName));
  }

  async invoke(nameOrArn: string, event: unknown, options: InternalInvokeOptions = {}): Promise<InvokeResult> {
    const eventJson = JSON.stringify(event === undefined ? {} : event);
    return this.invokeJson(nameOrArn, eventJson, options);
  }

  async invokeAsync(nameOrArn: string, event: unknown): Promise<{ requestId: string }> {
    const result = await this.invoke(nameOrArn, event, { type: 'Event' });
    return { requestId: result.requestId };
  }

  /** Invoke with the event already as JSON text (the HTTP protocol passes the request body through). */
  async invokeJson(nameOrArn: string, eventJson: string, options: InternalInvokeOptions = {}): Promise<InvokeResult> {
    const entry = this.entry(nameOrArn);
    const type = options.type ?? 'RequestResponse';
    const requestId = randomUUID();
    const size = Buffer.byteLength(eventJson);
    if (type === 'Event' && size > MAX_ASYNC_PAYLOAD) {
      throw new LambdaApiError('RequestTooLargeException', `Request must be smaller than ${MAX_ASYNC_PAYLOAD} bytes for the InvokeAsync operation`, 413);
    }
    if (size > MAX_SYNC_PAYLOAD) {
      throw new LambdaApiError('RequestTooLargeException', `Request must be smaller than ${MAX_SYNC_PAYLOAD} bytes for the InvokeFunction operation`, 413);
    }
    this.emit('Invoke', entry.info.functionArn, { requestId, type });
    if (type === 'DryRun') return { statusCode: 204, requestId, payload: '', executedVersion: '$LATEST' };
    if (type === 'Event') {
      this.runAsync(entry.info.functionName, eventJson, requestId, 0);
      return { statusCode: 202, requestId, payload: '', executedVersion: '$LATEST' };
    }
    return this.runOnce(entry, eventJson, requestId, options);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.retryTimers) timer.cancel();
    for (const entry of this.entries.values()) entry.pool.close();
  }

  private async runOnce(entry: Entry, eventJson: string, requestId: string, options: InternalInvokeOptions): Promise<InvokeResult> {
    let log = startLine(requestId);
    const collect = (text: string) => (log += text);
    this.log(entry.info, log);
    const info = entry.info;
    let run;
    try {
      run = await entry.pool.run(requestId, eventJson, info.timeout * 1000, {
        wait: options.waitForCapacity ?? false,
        clientContext: options.clientContext,
        sink: collect,
      });
    } catch (error) {
      if (error instanceof ThrottledError) {
        throw new LambdaApiError('TooManyRequestsException', `Rate Exceeded. (${error.reason})`, 429);
      }
      throw error;
    }
    const { outcome, initMs } = run;
    let payload: string;
    let functionError: 'Unhandled' | undefined;
    if (outcome.ok && Buffer.byteLength(outcome.payload) > MAX_SYNC_PAYLOAD) {
      payload = JSON.stringify({ errorType: 'Function.ResponseSizeTooLarge', errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_SYNC_PAYLOAD} bytes).` });
      functionError = 'Unhandled';
    } else if (outcome.ok) {
      payload = outcome.payload;
    } else {
      payload = JSON.stringify(outcome.error);
      functionError = 'Unhandled';
      // The runtime logs handler errors; timeouts and exits have their own lines.
      if (outcome.error.errorType !== 'Sandbox.Timedout' && outcome.error.errorType !== 'Runtime.ExitError') {
        const line = `${new Date().toISOString()}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify(outcome.error)}\n`;
        collect(line);
        this.log(info, line);
      }
    }
    const tail =
      endLine(requestId) +
      reportLine({
        requestId,
        durationMs: outcome.durationMs,
        memorySize: info.memorySize,
        maxMemoryUsedMb: outcome.memMb,
        initMs,
        status: outcome.ok ? undefined : outcome.timedOut ? 'timeout' : 'error',
      });
    collect(tail);
    this.log(info, tail);
    return {
      statusCode: 200,
      requestId,
      payload,
      functionError,
      logResult: options.logTail ? logTail(log) : undefined,
      executedVersion: '$LATEST',
    };
  }

  /** Asynchronous invocation with Lambda's retry policy: the first attempt plus up to two retries. */
  private runAsync(name: string, eventJson: string, requestId: string, attempt: number): void {
    if (this.stopped) return;
    const entry = this.entries.get(name);
    if (!entry) return;
    this.runOnce(entry, eventJson, requestId, { waitForCapacity: true })
      .then((result) => {
        if (!result.functionError) return;
        const delay = ASYNC_RETRY_DELAYS_MS[attempt];
        if (delay === undefined) {
          this.emit('AsyncInvokeFailed', entry.info.functionArn, { requestId, attempts: attempt + 1 });
          return;
        }
        const timer = this.ctx.clock.schedule(delay, () => {
          this.retryTimers.delete(timer);
          this.runAsync(name, eventJson, requestId, attempt + 1);
        });
        this.retryTimers.add(timer);
      })
      .catch(() => undefined);
  }

  /** The ARN a name stands for (for error messages about functions that do not exist). */
  arnFor(nameOrArn: string): string {
    return functionArn(this.ctx.region, this.ctx.accountId, functionNameOf(nameOrArn) ?? nameOrArn);
  }

  private entry(nameOrArn: string): Entry {
    const name = typeof nameOrArn === 'string' ? functionNameOf(nameOrArn) : undefined;
    const entry = name === undefined ? undefined : this.entries.get(name);
    if (!entry) throw new LambdaApiError('ResourceNotFoundException', `Function not found: ${this.arnFor(String(nameOrArn))}`, 404);
    return entry;
  }

  private instanceConfig(entry: Entry): InstanceConfig {
    const info = entry.info;
    const logGroupName = `/aws/lambda/${info.functionName}`;
    const iam = this.ctx.registry.get('iam') as { credentialsForRole?: (roleArn: string, session?: string) => InstanceCredentials } | undefined;
    const credentials = iam?.credentialsForRole?.(info.roleArn, info.functionName) ?? {
      accessKeyId: 'LOCALLAMBDAKEY',
      secretAccessKey: 'local-lambda-secret',
    };
    return {
      functionName: info.functionName,
      functionArn: info.functionArn,
      runtime: info.runtime,
      handler: info.handler,
      codeDir: info.codeDir,
      memorySize: info.memorySize,
      logGroupName,
      logStreamName: entry.logStreamName,
      environment: functionEnvironment({
        functionName: info.functionName,
        memorySize: info.memorySize,
        runtime: info.runtime,
        handler: info.handler,
        codeDir: info.codeDir,
        region: this.ctx.region,
        endpoint: this.ctx.endpoint(),
        logGroupName,
        logStreamName: entry.logStreamName,
        credentials,
        variables: info.environment,
        mounts: info.fileSystemMounts,
        nodePath: path.join(repoRoot, 'node_modules'),
      }),
    };
  }

  /** Function output: to the cloud's console (prefixed with the function name) and to the event stream. */
  private log(info: FunctionInfo, text: string): void {
    if (!this.quiet) {
      const lines = text.replace(/\n$/, '').split('\n');
      process.stdout.write(lines.map((line) => `[${info.functionName}] ${line}\n`).join(''));
    }
    this.ctx.events.emit({ type: 'log', service: 'lambda', resource: info.functionArn, detail: { text }, time: this.ctx.clock.now() });
  }

  private emit(action: string, resource: string, detail?: Record<string, unknown>): void {
    this.ctx.events.emit({ type: 'call', service: 'lambda', action, resource, detail, time: this.ctx.clock.now() });
  }
}

type InstanceCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

