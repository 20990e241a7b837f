/**
 * Runs one lab's acceptance tests (`labs/<lab>/tests`) in a child vitest process against a target and
 * returns per-test results. `npm test`'s meta test, `npm run check` and `npm run lab` share it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { labDir, repoRoot } from './paths.ts';
import { toExercismResults, type ExercismResults, type TestResult } from './results.ts';
import type { Target } from './target.ts';

export interface LabRun extends ExercismResults {
  lab: string;
  target: Target;
  durationMs: number;
}

export interface RunOptions {
  target: Target;
  /** The child is killed after this long (default 5 minutes). */
  timeoutMs?: number;
  /** Extra environment for the tests (e.g. a local cloud endpoint). */
  env?: NodeJS.ProcessEnv;
  /** Aborting kills the child (watch mode: a newer save, or Ctrl-C). */
  signal?: AbortSignal;
}

/** The part of vitest's JSON reporter output (jest-compatible) that we read. */
export interface VitestJsonReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** A failure message without colours and without the stack trace that follows it. */
export function cleanMessage(raw: string): string {
  const lines = raw.replace(ANSI, '').split('\n');
  const stack = lines.findIndex((line) => /^\s+at /.test(line));
  return (stack < 0 ? lines : lines.slice(0, stack)).join('\n').trim();
}

export function parseVitestReport(report: VitestJsonReport, root = repoRoot): TestResult[] {
  return report.testResults.flatMap((file): TestResult[] => {
    const ran = file.assertionResults.filter((a) => a.status === 'passed' || a.status === 'failed');
    if (ran.length === 0 && file.status === 'failed') {
      // The file did not load (syntax or import error): one error entry that names it.
      return [{ name: relative(root, file.name), status: 'error', message: cleanMessage(file.message ?? 'the test file failed to load') }];
    }
    return ran.map((a): TestResult =>
      a.status === 'passed'
        ? { name: a.fullName, status: 'pass' }
        : { name: a.fullName, status: 'fail', message: cleanMessage(a.failureMessages?.join('\n') ?? 'failed') },
    );
  });
}

const vitestEntry = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');

/** The child must not think it is a worker of a surrounding vitest run. */
function childEnv(target: Target, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('VITEST')) env[key] = value;
  return { ...env, ...extra, LAB_TARGET: target, FORCE_COLOR: '0' };
}

export async function runLabTests(lab: string, options: RunOptions): Promise<LabRun> {
  const { target, timeoutMs = 300_000 } = options;
  const begun = Date.now();
  const finish = (tests: TestResult[], runError?: string): LabRun => ({
    ...toExercismResults(tests, runError),
    lab,
    target,
    durationMs: Date.now() - begun,
  });

  const testsDir = join(labDir(lab), 'tests');
  if (!existsSync(testsDir)) return finish([], `Lab "${lab}" has no tests folder labs/${lab}/tests/`);

  const workDir = mkdtempSync(join(tmpdir(), `lab-${lab}-`));
  const reportFile = join(workDir, 'report.json');
  try {
    const args = [vitestEntry, 'run', relative(repoRoot, testsDir), '--reporter=json', `--outputFile=${reportFile}`];
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: childEnv(target, options.env), stdio: ['ignore', 'ignore', 'pipe'], signal: options.signal });
    child.on('error', () => {}); // an abort; 'close' still follows
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);

    if (options.signal?.aborted) return finish([], `The run of lab "${lab}" was cancelled`);
    if (timedOut) return finish([], `The tests of lab "${lab}" (${target}) did not finish within ${Math.round(timeoutMs / 1000)} s`);
    if (!existsSync(reportFile)) {
      return finish([], `vitest produced no report for lab "${lab}" (${target}, exit code ${code}): ${cleanMessage(stderr) || 'no output'}`);
    }
    return finish(parseVitestReport(JSON.parse(readFileSync(reportFile, 'utf8')) as VitestJsonReport));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
