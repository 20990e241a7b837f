/**
 * Where `npm run check` keeps a lab's last results, and what they say about the student's progress.
 * The exercise's results are the student's state; `--solution` runs are kept apart so they never count as progress.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { labDir } from './paths.ts';
import type { ExercismResults } from './results.ts';
import type { Target } from './target.ts';

/** `labs/<lab>/.results/results.json` (exercise) or `.results/solution/results.json`; `.results/` is gitignored. */
export function resultsFile(lab: string, target: Target, dir = labDir(lab)): string {
  return target === 'exercise' ? join(dir, '.results', 'results.json') : join(dir, '.results', 'solution', 'results.json');
}

export function writeResults(file: string, results: ExercismResults): void {
  mkdirSync(dirname(file), { recursive: true });
  // Only the Exercism fields: the file is meant for other tools too.
  const { version, status, message, tests } = results;
  writeFileSync(file, `${JSON.stringify({ version, status, ...(message === undefined ? {} : { message }), tests }, null, 2)}\n`);
}

/** The results in `file`, or undefined when there are none or they are unreadable (then the lab counts as not run). */
export function readResults(file: string): ExercismResults | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as ExercismResults;
    return value?.version === 2 && Array.isArray(value.tests) ? value : undefined;
  } catch {
    return undefined;
  }
}

export type LabState =
  | { kind: 'not-started' }
  | { kind: 'error'; message: string; stale: boolean }
  | { kind: 'progress'; passing: number; total: number; stale: boolean }
  | { kind: 'done'; total: number; stale: boolean };

/** Newest modification time of any file below `dir` (0 when it has none). */
export function newestChange(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The student's state from the last exercise results; `stale` when the exercise changed after that run. */
export function labState(lab: string, dir = labDir(lab)): LabState {
  const file = resultsFile(lab, 'exercise', dir);
  const results = readResults(file);
  if (!results) return { kind: 'not-started' };
  const stale = newestChange(join(dir, 'exercise')) > statSync(file).mtimeMs;
  if (results.status === 'error') return { kind: 'error', message: results.message ?? 'the tests did not run', stale };
  const total = results.tests.length;
  const passing = results.tests.filter((t) => t.status === 'pass').length;
  return results.status === 'pass' ? { kind: 'done', total, stale } : { kind: 'progress', passing, total, stale };
}

export function describeState(state: LabState): string {
  const note = 'stale' in state && state.stale ? ' (exercise changed since)' : '';
  switch (state.kind) {
    case 'not-started':
      return 'not started';
    case 'error':
      return `tests did not run${note}`;
    case 'progress':
      return `${state.passing} of ${state.total} passing${note}`;
    case 'done':
      return `done, ${state.total} of ${state.total} passing${note}`;
  }
}
