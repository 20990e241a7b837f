/**
 * One function instance on the host side: a worker thread (node:worker_threads) running `bootstrap.mjs`.
 * Why a worker and not a child process: a worker already gives what the instance needs — its own module scope
 * (separate module registries, so warm state never leaks between instances or functions), its own `process.env`
 * (the `env` option), `process.exit()` in a handler ends only that thread (Node traps it for workers), a hung or
 * busy-looping handler is stopped with `terminate()`, and `resourceLimits` enforces the memory size. Measured here,
 * a request hop to a worker costs about two thirds of a hop to a child process, which keeps the HTTP API within
 * reach of a bare node:http server, and an idle instance costs megabytes instead of a whole Node process.
 * What a worker does not isolate: the working directory (shared with the cloud; functions should use `__dirname`
 * or LAMBDA_TASK_ROOT) and native crashes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const here = path.dirname(fileURLToPath(import.meta.url));
const bootstrapPath = path.join(here, 'bootstrap.mjs');
/** Repository root: bare imports that the function's own folder cannot resolve fall back to its node_modules. */
export const repoRoot = path.resolve(here, '../../../..');

export interface ErrorDocument {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

export interface InstanceConfig {
  functionName: string;
  functionArn: string;
  runtime: string;
  handler: string;
  codeDir: string;
  memorySize: number;
  logGroupName: string;
  logStreamName: string;
  environment: Record<string, string>;
}

export type InvocationOutcome =
  | { ok: true; payload: string; durationMs: number; memMb: number }
  | { ok: false; error: ErrorDocument; durationMs: number; memMb: number; timedOut?: boolean };

type WorkerMessage =
  | { t: 'ready' }
  | { t: 'initError'; error: ErrorDocument }
  | { t: 'log'; text: string }
  | { t: 'done'; id: string; payload: string; memMb: number }
  | { t: 'fail'; id: string; error: ErrorDocument; memMb: number; fatal?: boolean };

export type InitResult = { ok: true; initMs: number } | { ok: false; error: ErrorDocument; initMs: number };

interface Pending {
  id: string;
  started: number;
  timer: NodeJS.Timeout;
  resolve(outcome: InvocationOutcome): void;
}

export class FunctionInstance {
  readonly ready: Promise<InitResult>;
  private worker: Worker;
  private pending?: Pending;
  private exited = false;
  private doomed = false;
  private lastMemMb = 0;
  /** Receives this instance's output while it serves one invocation (for LogType Tail). */
  sink?: (text: string) => void;

  constructor(
    readonly config: InstanceConfig,
    /** Every log chunk the instance writes, in order. */
    private readonly output: (text: string) => void,
  ) {
    const spawnedAt = performance.now();
    this.worker = new Worker(bootstrapPath, {
      workerData: { ...config, repoRoot },
      env: config.environment,
      // Not the cloud's own flags (e.g. a TypeScript loader): function code runs on plain Node, as on Lambda.
      execArgv: [],
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: config.memorySize },
    });
    this.worker.stdout.on('data', (chunk: Buffer) => this.onLog(chunk.toString('utf8')));
    this.worker.stderr.on('data', (chunk: Buffer) => this.onLog(chunk.toString('utf8')));
    let crash: ErrorDocument | undefined;
    this.ready = new Promise<InitResult>((resolve) => {
      this.worker.on('message', (message: WorkerMessage) => {
        // Init Duration as the host sees it: thread start, runtime bootstrap and the function's module init.
        if (message.t === 'ready') resolve({ ok: true, initMs: performance.now() - spawnedAt });
        else if (message.t === 'initError') resolve({ ok: false, error: message.error, initMs: performance.now() - spawnedAt });
        else this.onMessage(message);
      });
      this.worker.on('error', (error: Error & { code?: string }) => {
        crash =
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${this.pending?.id} Error: Runtime exited with error: signal: killed` }
            : { errorType: error.name || 'Error', errorMessage: error.message, trace: (error.stack ?? '').split('\n') };
      });
      this.worker.on('exit', (code) => {
        this.exited = true;
        const exitError = crash ?? {
          errorType: 'Runtime.ExitError',
          errorMessage: `RequestId: ${this.pending?.id} Error: Runtime exited with error: exit status ${code}`,
        };
        resolve({ ok: false, error: { ...exitError, errorMessage: exitError.errorMessage.replace(/^RequestId: undefined /, '') }, initMs: 0 });
        this.finish(exitError);
      });
    });
  }

  private onLog(text: string): void {
    this.output(text);
    this.sink?.(text);
  }

  /** False once the instance ended or reported an error that ends it (it is never reused then). */
  get alive(): boolean {
    return !this.exited && !this.doomed;
  }

  /** Runs one invocation; `eventJson` is the event as JSON text. Never rejects: failures are outcomes. */
  invoke(id: string, eventJson: string, timeoutMs: number, clientContext?: unknown): Promise<InvocationOutcome> {
    if (this.pending) throw new Error('An instance runs one invocation at a time');
    return new Promise<InvocationOutcome>((resolve) => {
      const started = performance.now();
      const timer = setTimeout(() => {
        const seconds = (timeoutMs / 1000).toFixed(2);
        this.onLog(`${new Date().toISOString()} ${id} Task timed out after ${seconds} seconds\n`);
        this.finish({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${id} Error: Task timed out after ${seconds} seconds` }, true);
        this.kill();
      }, timeoutMs);
      this.pending = { id, started, timer, resolve };
      if (this.exited) return this.finish({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${id} Error: Runtime exited without providing a reason` });
      this.worker.postMessage({ t: 'invoke', id, event: eventJson, deadline: Date.now() + timeoutMs, clientContext });
    });
  }

  kill(): void {
    if (!this.exited) void this.worker.terminate();
  }

  private onMessage(message: WorkerMessage): void {
    if (message.t === 'log') return this.onLog(message.text);
    if (message.t !== 'done' && message.t !== 'fail') return;
    this.lastMemMb = message.memMb;
    if (message.t === 'fail' && message.fatal) this.doomed = true;
    if (!this.pending || this.pending.id !== message.id) return;
    if (message.t === 'done') this.settle({ ok: true, payload: message.payload, durationMs: this.elapsed(), memMb: message.memMb });
    else this.finish(message.error);
  }

  private elapsed(): number {
    return this.pending ? performance.now() - this.pending.started : 0;
  }

  private finish(error: ErrorDocument, timedOut = false): void {
    if (!this.pending) return;
    this.settle({ ok: false, error, durationMs: this.elapsed(), memMb: this.lastMemMb, timedOut });
  }

  private settle(outcome: InvocationOutcome): void {
    const pending = this.pending;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending = undefined;
    pending.resolve(outcome);
  }
}
