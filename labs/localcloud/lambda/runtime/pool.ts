/**
 * The instances of one function: a warm instance is reused (module scope survives), a new one is started only
 * when all are busy (one instance per concurrent invocation, as on Lambda), up to the reserved concurrency.
 * Idle instances are reaped after a while; new code or configuration retires every instance.
 */
import { FunctionInstance, type InitResult, type InstanceConfig, type InvocationOutcome } from './instance.ts';

/** How long an idle instance stays warm (Lambda keeps them minutes, not forever). */
export const IDLE_MS = 5 * 60_000;
/** Lambda gives the init phase (module load) its own 10 s; the function timeout starts with the handler. */
export const INIT_TIMEOUT_MS = 10_000;

export class ThrottledError extends Error {
  constructor(readonly reason: string) {
    super('Rate Exceeded.');
  }
}

/** Cloud-wide cap on concurrently running instances (the machine's limit, not an AWS quota): waits, never throttles. */
export class ConcurrencyGate {
  private running = 0;
  private waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  async enter(): Promise<void> {
    if (this.running < this.limit) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

export interface RunResult {
  outcome: InvocationOutcome;
  /** Set when this invocation started a new instance (cold start). */
  initMs?: number;
}

export class FunctionPool {
  private idle: Array<{ instance: FunctionInstance; timer: NodeJS.Timeout }> = [];
  private busy = new Set<FunctionInstance>();
  /** Invocations holding a concurrency slot (counted before their instance exists). */
  private active = 0;
  private waiting: Array<() => void> = [];
  private generation = 0;
  private closed = false;

  constructor(
    /** Called for every new instance, so credentials and environment are current when it starts. */
    private configure: () => InstanceConfig,
    private reservedConcurrency: number | undefined,
    private readonly gate: ConcurrencyGate,
    private readonly onLog: (text: string) => void,
  ) {}

  /** New configuration (code, handler, environment…): running instances finish, later invocations start cold. */
  reconfigure(reservedConcurrency: number | undefined): void {
    this.reservedConcurrency = reservedConcurrency;
    this.generation++;
    this.dropIdle();
    while (this.waiting.length > 0 && this.hasCapacity()) this.waiting.shift()!();
  }

  get concurrency(): number {
    return this.active;
  }

  /**
   * Runs one invocation. When the reserved concurrency is used up, `wait` queues the call (event sources, async
   * invokes) and otherwise it is throttled with `ThrottledError`, as a synchronous Invoke is on AWS.
   */
  async run(
    id: string,
    eventJson: string,
    timeoutMs: number,
    options: { wait: boolean; clientContext?: unknown; sink?: (text: string) => void },
  ): Promise<RunResult> {
    const { wait, clientContext, sink } = options;
    if (this.closed) throw new Error('The function was deleted');
    while (!this.hasCapacity()) {
      if (!wait) throw new ThrottledError(this.reservedConcurrency === 0 ? 'ReservedFunctionConcurrencyLimitZero' : 'ReservedFunctionConcurrentInvocationLimitExceeded');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      if (this.closed) throw new Error('The function was deleted');
    }
    this.active++;
    const generation = this.generation;
    await this.gate.enter();
    const warm = this.takeIdle();
    const instance = warm ?? new FunctionInstance(this.configure(), this.onLog);
    let init: InitResult | undefined;
    this.busy.add(instance);
    instance.sink = sink;
    try {
      // Cold: wait for the module to load, bounded like Lambda's init phase.
      if (!warm) init = await withTimeout(instance.ready, INIT_TIMEOUT_MS, id);
      if (init && !init.ok) {
        instance.kill();
        return { outcome: { ok: false, error: init.error, durationMs: 0, memMb: 0 }, initMs: init.initMs };
      }
      const outcome = await instance.invoke(id, eventJson, timeoutMs, clientContext);
      return { outcome, initMs: init?.initMs };
    } finally {
      this.gate.leave();
      instance.sink = undefined;
      this.busy.delete(instance);
      this.active--;
      this.release(instance, generation);
    }
  }

  /** Stops every instance (function deleted or cloud stopping). */
  close(): void {
    this.closed = true;
    this.dropIdle();
    for (const instance of this.busy) instance.kill();
    for (const wake of this.waiting.splice(0)) wake();
  }

  private hasCapacity(): boolean {
    return this.reservedConcurrency === undefined || this.active < this.reservedConcurrency;
  }

  private takeIdle(): FunctionInstance | undefined {
    while (this.idle.length > 0) {
      const { instance, timer } = this.idle.pop()!;
      clearTimeout(timer);
      if (instance.alive) return instance;
    }
    return undefined;
  }

  private release(instance: FunctionInstance, generation: number): void {
    if (this.closed || generation !== this.generation || !instance.alive) instance.kill();
    else {
      const timer = setTimeout(() => {
        this.idle = this.idle.filter((entry) => entry.instance !== instance);
        instance.kill();
      }, IDLE_MS);
      timer.unref();
      this.idle.push({ instance, timer });
    }
    this.waiting.shift()?.();
  }

  private dropIdle(): void {
    for (const { instance, timer } of this.idle.splice(0)) {
      clearTimeout(timer);
      instance.kill();
    }
  }
}

const initTimeout = (ms: number, id: string): InitResult => ({
  ok: false,
  initMs: ms,
  error: { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${id} Error: Task timed out after ${(ms / 1000).toFixed(2)} seconds` },
});

function withTimeout(ready: Promise<InitResult>, ms: number, id: string): Promise<InitResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<InitResult>((resolve) => (timer = setTimeout(() => resolve(initTimeout(ms, id)), ms)));
  return Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
}
