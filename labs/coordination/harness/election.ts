/**
 * Leader election among N in-process workers that share one lease in DynamoDB. Each worker loops: renew its lease
 * (or try to acquire it), and while the lease is valid by its own clock, write to the protected resource with its
 * fencing token. The fault injector may freeze the leader right between that check and the write — the gap no
 * check can close — delay the write message, or crash the leader.
 */
import type { Lease, LeaseModule, LeaseTable } from '../contract.ts';
import { FaultInjector, type FaultPlan } from './faults.ts';
import { History } from './history.ts';
import { ProtectedStorage } from './storage.ts';

export interface ElectionOptions {
  table: LeaseTable;
  lease: LeaseModule;
  workers: number;
  ttlMs: number;
  /** Time between two rounds of one worker; well below the lease so a live leader renews in time. */
  stepMs: number;
  durationMs: number;
  fencing: boolean;
  faults?: FaultPlan;
}

export interface ElectionRun {
  history: History;
  storage: ProtectedStorage;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function validateElectionOptions(o: ElectionOptions): void {
  const positive = { workers: o.workers, ttlMs: o.ttlMs, stepMs: o.stepMs, durationMs: o.durationMs };
  for (const [name, value] of Object.entries(positive)) {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`election: ${name} must be a positive number, got ${String(value)}`);
  }
  if (o.stepMs * 2 > o.ttlMs) throw new Error(`election: stepMs (${o.stepMs}) must be at most half of ttlMs (${o.ttlMs}), or a live leader loses its lease`);
}

export async function runElection(options: ElectionOptions): Promise<ElectionRun> {
  validateElectionOptions(options);
  const history = new History();
  const storage = new ProtectedStorage(history, options.fencing);
  const faults = new FaultInjector(options.faults ?? { seed: 0 });
  const end = Date.now() + options.durationMs;
  const ids = Array.from({ length: options.workers }, (_, i) => `worker-${i + 1}`);
  await Promise.all(ids.map((id) => runWorker(id, options, { history, storage, faults, end })));
  return { history, storage };
}

interface Shared {
  history: History;
  storage: ProtectedStorage;
  faults: FaultInjector;
  end: number;
}

async function runWorker(id: string, o: ElectionOptions, { history, storage, faults, end }: Shared): Promise<void> {
  let lease: Lease | undefined;
  let writes = 0;
  while (Date.now() < end) {
    lease = await leaseRound(id, lease, o, history);
    if (lease && lease.expiresAt > Date.now()) {
      const pause = faults.pauseBeforeWrite(id);
      if (pause > 0) {
        history.record({ kind: 'pause', worker: id, ms: pause });
        await sleep(pause); // the whole worker is frozen: no renewals, no checks
        history.record({ kind: 'resume', worker: id });
      }
      const delay = faults.messageDelay();
      if (delay > 0) await sleep(delay);
      storage.write(id, lease.token, `${id}#${++writes}`);
      if (faults.crashAfterWrite(id)) {
        history.record({ kind: 'crash', worker: id });
        return;
      }
    }
    await sleep(o.stepMs);
  }
}

/** Renews a lease that is still valid by the worker's clock; otherwise tries to acquire the lease. */
async function leaseRound(id: string, lease: Lease | undefined, o: ElectionOptions, history: History): Promise<Lease | undefined> {
  const now = Date.now();
  if (lease && lease.expiresAt > now) {
    const renewed = await o.lease.renewLease(o.table, lease, o.ttlMs, now);
    if (renewed) history.record({ kind: 'renew', worker: id, token: renewed.token, expiresAt: renewed.expiresAt });
    else history.record({ kind: 'lost', worker: id, token: lease.token });
    return renewed;
  }
  const acquired = await o.lease.acquireLease(o.table, id, o.ttlMs, now);
  if (acquired) history.record({ kind: 'acquire', worker: id, token: acquired.token, expiresAt: acquired.expiresAt });
  return acquired;
}
