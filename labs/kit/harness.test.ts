import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHints, readHints } from './hints.ts';
import { checkLabLayout } from './layout.ts';
import { readmeSection } from './readme.ts';
import { overallStatus, toExercismResults } from './results.ts';
import { cleanMessage, parseVitestReport, runLabTests } from './run-tests.ts';
import { loadTarget, resolveTarget } from './target.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kit-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('target', () => {
  it('defaults to the solution and accepts the exercise', () => {
    expect(resolveTarget(undefined)).toBe('solution');
    expect(resolveTarget('')).toBe('solution');
    expect(resolveTarget('exercise')).toBe('exercise');
  });

  it('names the allowed values when LAB_TARGET is wrong', () => {
    expect(() => resolveTarget('mine')).toThrow('LAB_TARGET must be one of solution, exercise; got "mine"');
  });

  it('loads a target module and names a missing one', async () => {
    const module = await loadTarget<{ placeOrder: unknown }>('fallacies', 'client.ts', 'exercise');
    expect(typeof module.placeOrder).toBe('function');
    await expect(loadTarget('fallacies', 'nothing.ts', 'solution')).rejects.toThrow(/Lab "fallacies": solution\/nothing\.ts does not exist/);
  });
});

describe('results.json (Exercism version 2)', () => {
  const pass = { name: 'a', status: 'pass' } as const;
  const fail = { name: 'b', status: 'fail', message: 'expected 1, got 2' } as const;
  const error = { name: 'c.test.ts', status: 'error', message: 'SyntaxError' } as const;

  it('derives the run status from the tests', () => {
    expect(overallStatus([pass, pass])).toBe('pass');
    expect(overallStatus([pass, fail])).toBe('fail');
    expect(overallStatus([pass, error])).toBe('fail');
    expect(overallStatus([error])).toBe('error');
    expect(overallStatus([])).toBe('error');
  });

  it('writes a message only for an error run', () => {
    expect(toExercismResults([pass, fail])).toEqual({ version: 2, status: 'fail', tests: [pass, fail] });
    expect(toExercismResults([error])).toEqual({ version: 2, status: 'error', message: 'SyntaxError', tests: [error] });
    expect(toExercismResults([], 'timed out')).toEqual({ version: 2, status: 'error', message: 'timed out', tests: [] });
  });
});

describe('vitest report', () => {
  it('maps tests to pass/fail, a file that did not load to error, and drops skipped tests', () => {
    const root = '/repo';
    const tests = parseVitestReport(
      {
        testResults: [
          {
            name: '/repo/labs/x/tests/a.test.ts',
            status: 'failed',
            assertionResults: [
              { fullName: 'x works', status: 'passed' },
              { fullName: 'x fails', status: 'failed', failureMessages: ['\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at Object.<anonymous> (a.test.ts:3:1)'] },
              { fullName: 'x later', status: 'skipped' },
            ],
          },
          { name: '/repo/labs/x/tests/b.test.ts', status: 'failed', message: 'SyntaxError: Unexpected token', assertionResults: [] },
        ],
      },
      root,
    );
    expect(tests).toEqual([
      { name: 'x works', status: 'pass' },
      { name: 'x fails', status: 'fail', message: 'AssertionError: expected 1 to be 2' },
      { name: 'labs/x/tests/b.test.ts', status: 'error', message: 'SyntaxError: Unexpected token' },
    ]);
    expect(cleanMessage('Error: boom\n  at f (x.ts:1:1)\n  at g')).toBe('Error: boom');
  });

  it('reports a lab without tests as an error run without starting vitest', async () => {
    const run = await runLabTests('no-such-lab', { target: 'solution' });
    expect(run).toMatchObject({ status: 'error', message: 'Lab "no-such-lab" has no tests folder labs/no-such-lab/tests/', tests: [] });
  });
});

describe('layout', () => {
  it('names the lab and every missing file or folder', () => {
    const lab = join(scratch, 'half');
    mkdirSync(join(lab, 'exercise'), { recursive: true });
    writeFileSync(join(lab, 'README.md'), '# Half\n');
    writeFileSync(join(lab, 'tests'), 'a file, not a folder');
    expect(checkLabLayout('half', lab)).toEqual([
      'Lab "half" is missing the file labs/half/README.de.md',
      'Lab "half" is missing the folder labs/half/solution/',
      'Lab "half" is missing the folder labs/half/tests/',
    ]);
    expect(checkLabLayout('ghost', join(scratch, 'ghost'))).toEqual([
      'Lab "ghost" is listed in course.config.ts, but its folder labs/ghost/ does not exist',
    ]);
  });
});

describe('hints', () => {
  const readme = [
    '# Lab', '', '## Hints', '',
    '<details>', '<summary>Hint 1: Start small</summary>', '', 'Use **one** fetch.', '', '</details>', '',
    '<details>', '<summary>Hint 2: Then retry</summary>', '', 'Loop.', '', '</details>', '',
    '## What you learned', '', '<details><summary>Not a hint</summary>x</details>',
  ].join('\n');

  it('reads numbered hints from the README section, in order', () => {
    expect(parseHints(readme, 'en', 'README.md')).toEqual([
      { number: 1, title: 'Start small', body: 'Use **one** fetch.' },
      { number: 2, title: 'Then retry', body: 'Loop.' },
    ]);
    expect(readmeSection(readme, 'What you learned')).toBe('<details><summary>Not a hint</summary>x</details>');
  });

  it('names the file and the problem when hints are malformed', () => {
    expect(() => parseHints('# Lab\n', 'de', 'labs/x/README.de.md')).toThrow('labs/x/README.de.md has no "## Tipps" section');
    expect(() => parseHints('## Hints\n\nnone', 'en', 'R.md')).toThrow('R.md: the "## Hints" section holds no <details> hint blocks');
    expect(() => parseHints(readme.replace('Hint 2', 'Hint 3'), 'en', 'R.md')).toThrow('R.md: hint 2 must have the summary "Hint 2: <title>", found "Hint 3: Then retry"');
    expect(() => parseHints(readme.replace('Loop.', ''), 'en', 'R.md')).toThrow('R.md: hint 2 ("Then retry") has no text');
  });

  it('reads a lab README from disk and names a missing one', () => {
    const lab = join(scratch, 'hinted');
    mkdirSync(lab, { recursive: true });
    writeFileSync(join(lab, 'README.md'), readme);
    expect(readHints('hinted', 'en', lab)).toHaveLength(2);
    expect(() => readHints('hinted', 'de', lab)).toThrow(/Lab "hinted" has no README\.de\.md/);
  });
});
