/**
 * Test results in Exercism's `results.json` format, version 2
 * (https://exercism.org/docs/building/tooling/test-runners/interface): one status for the run, one per test.
 */
export type Status = 'pass' | 'fail' | 'error';

export interface TestResult {
  name: string;
  status: Status;
  /** Why the test failed; absent when it passed. */
  message?: string;
}

export interface ExercismResults {
  version: 2;
  status: Status;
  /** Only when status is `error`: what kept the tests from running. */
  message?: string;
  tests: TestResult[];
}

/** pass: every test passed · fail: at least one failed or errored · error: no test ran properly. */
export function overallStatus(tests: readonly TestResult[]): Status {
  if (tests.length === 0 || tests.every((t) => t.status === 'error')) return 'error';
  return tests.some((t) => t.status !== 'pass') ? 'fail' : 'pass';
}

/** `runError` is set when the run itself broke (no test file loaded, timeout); it becomes the top-level message. */
export function toExercismResults(tests: readonly TestResult[], runError?: string): ExercismResults {
  const status = runError !== undefined ? 'error' : overallStatus(tests);
  const results: ExercismResults = { version: 2, status, tests: tests.map((t) => ({ ...t })) };
  if (status === 'error') {
    const fromTests = tests.map((t) => t.message).filter(Boolean).join('\n');
    results.message = runError ?? (fromTests || 'no test ran');
  }
  return results;
}
