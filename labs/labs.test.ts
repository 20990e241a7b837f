/**
 * Every lab in the course manifest follows the lab layout, has the same hints in both languages, and its
 * acceptance tests tell right from wrong: `npm test` runs them against `solution/` directly (they live in
 * `tests/`), and here against `exercise/`, where at least one must fail.
 */
import { describe, expect, it } from 'vitest';
import { allLabs } from '../course.config.ts';
import { readHints } from './kit/hints.ts';
import { checkLabLayout } from './kit/layout.ts';
import { runLabTests } from './kit/run-tests.ts';

const EXERCISE_RUN_TIMEOUT_MS = 240_000;

describe.each(allLabs())('lab %s', (lab) => {
  it('has README.md, README.de.md, exercise/, solution/ and tests/', () => {
    expect(checkLabLayout(lab)).toEqual([]);
  });

  it('has the same number of hints in English and German', () => {
    const en = readHints(lab, 'en');
    const de = readHints(lab, 'de');
    expect(de.length, `labs/${lab}: README.md has ${en.length} hints, README.de.md has ${de.length}`).toBe(en.length);
  });

  it(
    'its exercise fails at least one acceptance test',
    async () => {
      const run = await runLabTests(lab, { target: 'exercise', timeoutMs: EXERCISE_RUN_TIMEOUT_MS - 10_000 });
      expect(run.status, `labs/${lab} with LAB_TARGET=exercise: ${run.message ?? ''}`).toBe('fail');
      expect(run.tests.filter((t) => t.status === 'fail').length).toBeGreaterThan(0);
    },
    EXERCISE_RUN_TIMEOUT_MS,
  );
});
