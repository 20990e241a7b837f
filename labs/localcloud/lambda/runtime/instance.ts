/**
 * One function instance on the host side. Each instance is a child process (node:child_process.fork), not a
 * worker thread, because only a process gives what Lambda gives: its own module scope and `process.env` per
 * instance, `process.exit()` in a handler ends that instance and never the cloud, a hung or busy-looping handler
 * is ended on timeout with SIGKILL, `--max-old-space-size` stands in for the memory limit, and the RSS of the
 * process is the honest "Max Memory Used". The cost is a Node start per cold start (about 40 ms here), which is
 * what a cold start should cost.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

type ChildMessage =
  | { t: 'ready'; initMs: number }
  | { t: 'initError'; error: ErrorDocument; initMs: number }
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
  private child: ChildProcess;
  private pending?: Pending;
  private exited = false;
  private lastMemMb = 0;
  /** Receives this instance's output while it serves one invocation (for LogType Tail). */
  sink?: (text: string) => void;

  constructor(
    readonly config: InstanceConfig,
    /** Every log chunk the instance writes, in order. */
    private readonly output: (text: string) => void,
  ) {
    const settings = { ...config, repoRoot };
    this.child = fork(bootstrapPath, [JSON.stringify(settings)], {
      cwd: config.codeDir,
      env: config.environment,
      execArgv: [`--max-old-space-size=${config.memorySize}`],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.onLog(chunk.toString('utf8')));
    this.child.stderr?.on('data', (chunk: Buffer) => this.onLog(chunk.toString('utf8')));
    this.ready = new Promise<InitResult>((resolve) => {
      this.child.on('message', (message: ChildMessage) => {
        if (message.t === 'ready') resolve({ ok: true, initMs: message.initMs });
        else if (message.t === 'initError') resolve({ ok: false, error: message.error, initMs: message.initMs });
        else this.onMessage(message);
      });
      this.child.on('exit', (code, signal) => {
        this.exited = true;
        const status = signal ? `signal: ${signal}` : `exit status ${code ?? 0}`;
        resolve({ ok: false, error: { errorType: 'Runtime.ExitError', errorMessage: `Runtime exited with error: ${status}` }, initMs: 0 });
        this.finish({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${this.pending?.id} Error: Runtime exited with error: ${status}` });
      });
      this.child.on('error', (error) => {
        resolve({ ok: false, error: { errorType: 'Runtime.ExitError', errorMessage: error.message }, initMs: 0 });
      });
    });
  }

  private onLog(text: string): void {
    this.output(text);
    this.sink?.(text);
  }

  get alive(): boolean {
    return !this.exited;
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
      this.child.send({ t: 'invoke', id, event: eventJson, deadline: Date.now() + timeoutMs, clientContext });
    });
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private onMessage(message: ChildMessage): void {
    if (message.t === 'log') return this.onLog(message.text);
    if (message.t !== 'done' && message.t !== 'fail') return;
    this.lastMemMb = message.memMb;
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
