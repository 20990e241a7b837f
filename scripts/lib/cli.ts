/** Shared entry-point behaviour for the scripts: clear one-line errors instead of stack traces. */
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export function main(task: () => Promise<void>): void {
  task().catch((error: unknown) => {
    console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

/** Deck jobs from DECK_JOBS (default 2: the machines this runs on have few cores). */
export function deckJobs(): number {
  const raw = process.env.DECK_JOBS;
  if (raw === undefined) return 2;
  const jobs = Number(raw);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`DECK_JOBS must be a positive whole number (got "${raw}")`);
  return jobs;
}
