/**
 * Watch an election by hand: three workers with your lease (or the reference solution), the leader frozen for
 * longer than its lease, and the resource with or without fencing. Prints the history and the checker's verdict.
 *   npx tsx labs/coordination/try.ts [--target exercise|solution] [--seed 1] [--no-fencing]
 */
import { parseArgs } from 'node:util';
import { loadTarget, resolveTarget } from '../kit/target.ts';
import type { LeaseModule } from './contract.ts';
import { checkElection } from './harness/checker.ts';
import { runElection } from './harness/election.ts';
import { seededPlan } from './harness/faults.ts';
import { startLocalLeases } from './harness/local.ts';

const TTL_MS = 200;

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: { target: { type: 'string' }, seed: { type: 'string' }, 'no-fencing': { type: 'boolean' } },
  });
  const target = resolveTarget(values.target ?? 'exercise');
  const seed = Number(values.seed ?? '1');
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got "${values.seed}"`);
  const fencing = !values['no-fencing'];
  const lease = await loadTarget<LeaseModule>('coordination', 'lease.ts', target);
  const local = await startLocalLeases();
  try {
    const faults = seededPlan(seed, TTL_MS, ['pause']);
    console.log(`Three workers, ${target}/lease.ts, lease ${TTL_MS} ms, resource ${fencing ? 'with' : 'WITHOUT'} fencing,`);
    console.log(`leader frozen for ${faults.pause!.ms} ms before its write no. ${faults.pause!.onWrite} (seed ${seed})\n`);
    const { history } = await runElection({ table: await local.freshTable(), lease, workers: 3, ttlMs: TTL_MS, stepMs: 40, durationMs: 1_200, fencing, faults });
    for (const e of history.events) {
      if (e.kind === 'renew') continue; // a renewal every 40 ms drowns the interesting lines
      const { at, kind, worker, ...rest } = e;
      console.log(`${String(at).padStart(5)} ms  ${worker.padEnd(9)} ${kind.padEnd(15)} ${JSON.stringify(rest)}`);
    }
    const check = checkElection(history.events);
    console.log(check.ok ? '\nChecker: safe — no two leaders had writes accepted.' : `\nChecker: ${check.violations.length} violation(s):\n${check.violations.join('\n')}`);
    return check.ok ? 0 : 1;
  } finally {
    await local.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
