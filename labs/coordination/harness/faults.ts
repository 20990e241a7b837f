/**
 * The fault harness: seeded, reproducible faults for an election run.
 * - pause: a stop-the-world pause (think garbage collection) of the leader between "my lease is valid" and its
 *   write; chosen longer than the lease, so the lease expires while the worker is frozen;
 * - crash: the leader stops for good after some writes;
 * - message delay: every write message to the resource travels for a seeded time.
 * Delay on DynamoDB calls comes from the local cloud's own fault rules (see `dynamoLatency`).
 */
import { seededRandom, type Random } from '../../localcloud/core/random.ts';
import type { FaultConfig } from '../../localcloud/faults/config.ts';

export interface FaultPlan {
  seed: number;
  /** The first worker to reach its `onWrite`-th write (1-based) freezes for `ms` just before it, once. */
  pause?: { onWrite: number; ms: number };
  /** The first worker to complete `afterWrites` writes crashes right after. */
  crash?: { afterWrites: number };
  /** Upper bound of the seeded delay of each write message to the resource. */
  messageDelayMs?: number;
}

export type FaultKind = 'pause' | 'crash' | 'delay';

/** A plan drawn from `seed`: the same seed and lease length give the same faults. */
export function seededPlan(seed: number, ttlMs: number, kinds: readonly FaultKind[]): FaultPlan {
  const random = seededRandom(seed);
  const plan: FaultPlan = { seed };
  if (kinds.includes('pause')) plan.pause = { onWrite: 2 + random.int(2), ms: Math.round(ttlMs * (2 + random.next())) };
  if (kinds.includes('crash')) plan.crash = { afterWrites: 2 + random.int(2) };
  if (kinds.includes('delay')) plan.messageDelayMs = Math.round(ttlMs / 4);
  return plan;
}

/** Local cloud fault rules that delay every DynamoDB call by `latencyMs` plus seeded jitter. */
export function dynamoLatency(seed: number, latencyMs: number, jitterMs: number): FaultConfig {
  return { seed, rules: [{ service: 'dynamodb', latencyMs, jitterMs }] };
}

/** Applies a plan during a run; the election asks it before every write. */
export class FaultInjector {
  private readonly random: Random;
  private readonly writes = new Map<string, number>();
  private paused = false;
  private crashed: string | undefined;

  constructor(readonly plan: FaultPlan) {
    this.random = seededRandom(plan.seed ^ 0x5eed);
  }

  /** Milliseconds `worker` freezes before its next write (0 for none). */
  pauseBeforeWrite(worker: string): number {
    const { pause } = this.plan;
    const next = (this.writes.get(worker) ?? 0) + 1;
    if (!pause || this.paused || next !== pause.onWrite) return 0;
    this.paused = true;
    return pause.ms;
  }

  /** Travel time of the next write message. */
  messageDelay(): number {
    return this.plan.messageDelayMs ? Math.round(this.random.next() * this.plan.messageDelayMs) : 0;
  }

  /** Counts a completed write; true when the plan crashes `worker` now. */
  crashAfterWrite(worker: string): boolean {
    const count = (this.writes.get(worker) ?? 0) + 1;
    this.writes.set(worker, count);
    if (!this.plan.crash || this.crashed !== undefined || count < this.plan.crash.afterWrites) return false;
    this.crashed = worker;
    return true;
  }
}
