/** The lab kit's commands: arguments, lab state, hint progress, the reference diff, terminal rendering, summaries. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assemblyKey } from './assembly.ts';
import { needsCloud, openCheck } from './checking.ts';
import { ensureLocalCloud, isCloudRunning } from './local-cloud.ts';
import { parseKitArgs } from './cli.ts';
import { diffExerciseToSolution, diffFolders, gitDiffFolders, unifiedDiff } from './diff.ts';
import { acceptOnly, languageFrom } from './options.ts';
import { repoRoot } from './paths.ts';
import { currentHint, readProgress, resetProgress, takeNextHint } from './progress.ts';
import type { LabRun } from './run-tests.ts';
import { describeState, labState, readResults, resultsFile, writeResults } from './state.ts';
import { formatSummary, watchReport } from './summary.ts';
import { renderMarkdown, withoutSection } from './terminal.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kit-commands-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A throw-away lab folder with READMEs holding `count` hints, an exercise and a solution. */
function fakeLab(name: string, count = 3): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'exercise'), { recursive: true });
  mkdirSync(join(dir, 'solution'), { recursive: true });
  const hints = (label: string) =>
    Array.from({ length: count }, (_, i) => `<details>\n<summary>${label} ${i + 1}: Title ${i + 1}</summary>\n\nBody **${i + 1}**.\n\n</details>`).join('\n\n');
  writeFileSync(join(dir, 'README.md'), `# Lab\n\n## Goal\n\nLearn.\n\n## Hints\n\n${hints('Hint')}\n\n## Cost\n\nNone.\n`);
  writeFileSync(join(dir, 'README.de.md'), `# Lab\n\n## Ziel\n\nLernen.\n\n## Tipps\n\n${hints('Tipp')}\n`);
  return dir;
}

const run = (status: LabRun['status'], tests: LabRun['tests'], message?: string): LabRun => ({
  version: 2, status, tests, lab: 'demo', target: 'exercise', durationMs: 1234, ...(message ? { message } : {}),
});

describe('arguments', () => {
  const usage = 'npm run x -- <lab>';
  it('accepts the allowed extra flags and refuses anything else in one sentence', () => {
    expect([...acceptOnly(parseKitArgs(['fallacies', '--reset']), ['--reset'], usage)]).toEqual(['--reset']);
    expect(() => acceptOnly(parseKitArgs(['fallacies', '--rest']), ['--reset'], usage)).toThrow('Unexpected option --rest.\nUsage: npm run x -- <lab>');
    expect(() => acceptOnly(parseKitArgs(['fallacies', 'queue']), [], usage)).toThrow('Unexpected argument "queue".');
  });

  it('picks the language from a flag, then from the locale', () => {
    expect(languageFrom(new Set(['--de']), { LANG: 'en_US.UTF-8' })).toBe('de');
    expect(languageFrom(new Set(['--en']), { LANG: 'de_AT.UTF-8' })).toBe('en');
    expect(languageFrom(new Set(), { LANG: 'de_AT.UTF-8' })).toBe('de');
    expect(languageFrom(new Set(), { LANG: 'C.UTF-8' })).toBe('en');
    expect(languageFrom(new Set(), { LC_ALL: 'de_DE', LANG: 'en_GB' })).toBe('de');
  });

  it.each([
    ['check.ts', ['nolab'], 'Unknown lab "nolab". Labs: '],
    ['check.ts', ['fallacies', '--target', 'moon'], '--target must be "local" or "aws", got "moon"'],
    ['hint.ts', [], 'Name a lab: '],
    ['solution.ts', ['fallacies', '--force'], 'Unexpected option --force.'],
  ])('%s %j fails with one clear message and no stack trace', (script, argv, message) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'labs/kit', script), ...argv], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('lab state from the last results', () => {
  it('is "not started" without results, then counts passing tests, then is done', () => {
    const dir = fakeLab('state');
    expect(labState('state', dir)).toEqual({ kind: 'not-started' });
    const file = resultsFile('state', 'exercise', dir);
    writeResults(file, run('fail', [{ name: 'a', status: 'pass' }, { name: 'b', status: 'fail', message: 'no' }]));
    expect(labState('state', dir)).toEqual({ kind: 'progress', passing: 1, total: 2, stale: false });
    writeResults(file, run('pass', [{ name: 'a', status: 'pass' }, { name: 'b', status: 'pass' }]));
    expect(describeState(labState('state', dir))).toBe('done, 2 of 2 passing');
  });

  it('says when the exercise changed after the last run, and ignores solution runs', () => {
    const dir = fakeLab('stale');
    const file = resultsFile('stale', 'exercise', dir);
    writeResults(file, run('fail', [{ name: 'a', status: 'fail', message: 'no' }]));
    writeFileSync(join(dir, 'exercise', 'code.ts'), 'export {};\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    expect(describeState(labState('stale', dir))).toBe('0 of 1 passing (exercise changed since)');
    writeResults(resultsFile('stale', 'solution', dir), run('pass', [{ name: 'a', status: 'pass' }]));
    expect(labState('stale', dir).kind).toBe('progress');
  });

  it('writes only the Exercism fields and reads back what it wrote; a broken file counts as not run', () => {
    const dir = fakeLab('files');
    const file = resultsFile('files', 'exercise', dir);
    writeResults(file, run('error', [], 'SyntaxError in exercise/code.ts'));
    expect(readResults(file)).toEqual({ version: 2, status: 'error', message: 'SyntaxError in exercise/code.ts', tests: [] });
    expect(describeState(labState('files', dir))).toBe('tests did not run');
    writeFileSync(file, '{ not json');
    expect(labState('files', dir)).toEqual({ kind: 'not-started' });
  });
});

describe('hint progress', () => {
  it('hands out hints one at a time in order, remembers them, and ends after the last', () => {
    const dir = fakeLab('hints', 2);
    expect(takeNextHint('hints', 'en', dir).hint?.title).toBe('Title 1');
    expect(takeNextHint('hints', 'de', dir)).toMatchObject({ hint: { number: 2, title: 'Title 2' }, of: 2 });
    expect(takeNextHint('hints', 'en', dir)).toEqual({ hint: undefined, of: 2 });
    expect(readProgress(dir)).toEqual({ hintsShown: 2 });
    resetProgress(dir);
    expect(readProgress(dir)).toEqual({ hintsShown: 0 });
    expect(takeNextHint('hints', 'en', dir).hint?.number).toBe(1);
  });

  it('shows the last opened hint next to a failing test, opening the first if none was', () => {
    const dir = fakeLab('current', 3);
    expect(currentHint('current', 'en', dir).hint.number).toBe(1);
    expect(readProgress(dir)).toEqual({ hintsShown: 1 });
    takeNextHint('current', 'en', dir);
    expect(currentHint('current', 'en', dir).hint.number).toBe(2);
  });

  it('starts over when the progress file is broken', () => {
    const dir = fakeLab('broken');
    writeFileSync(join(dir, '.progress.json'), '{"hintsShown": -4}');
    expect(readProgress(dir)).toEqual({ hintsShown: 0 });
  });
});

describe('reference diff', () => {
  it('writes a unified diff with line ranges and three lines of context', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n') + '\n';
    const after = ['a', 'b', 'c', 'd', 'E', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n') + '\n';
    expect(unifiedDiff(before, after, 'a/x', 'b/x')).toBe(
      ['--- a/x', '+++ b/x', '@@ -2,9 +2,10 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h', ' i', ' j', '+k', ''].join('\n'),
    );
    expect(unifiedDiff(before, before, 'a', 'b')).toBe('');
  });

  it('splits distant changes into separate hunks and handles empty files', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const changed = [...lines];
    changed[1] = 'LINE 2';
    changed[17] = 'LINE 18';
    const diff = unifiedDiff(lines.join('\n'), changed.join('\n'), 'a', 'b');
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@']);
    expect(unifiedDiff('', 'new\n', '/dev/null', 'b/n')).toBe('--- /dev/null\n+++ b/n\n@@ -0,0 +1 @@\n+new\n');
  });

  it('diffs folders file by file, with added and removed files', () => {
    const dir = fakeLab('tree');
    writeFileSync(join(dir, 'exercise', 'same.ts'), 'same\n');
    writeFileSync(join(dir, 'solution', 'same.ts'), 'same\n');
    writeFileSync(join(dir, 'exercise', 'verify.ts'), 'return true; // TODO\n');
    writeFileSync(join(dir, 'solution', 'verify.ts'), 'return check();\n');
    writeFileSync(join(dir, 'solution', 'extra.ts'), 'export const x = 1;\n');
    const ours = diffFolders(dir, 'exercise', 'solution');
    expect(ours).toContain('--- /dev/null\n+++ b/solution/extra.ts\n@@ -0,0 +1 @@\n+export const x = 1;\n');
    expect(ours).toContain('--- a/exercise/verify.ts\n+++ b/solution/verify.ts\n@@ -1 +1 @@\n-return true; // TODO\n+return check();\n');
    expect(ours).not.toContain('same.ts');
    // git, when present, finds the same changed lines; without git the kit falls back to its own diff.
    const changedLines = (text: string) => text.split('\n').filter((l) => /^[+-][^+-]/.test(l)).sort();
    const fromGit = gitDiffFolders(dir, 'exercise', 'solution');
    if (fromGit !== undefined) expect(changedLines(fromGit)).toEqual(changedLines(ours));
    expect(diffExerciseToSolution(dir, 'no-such-git-binary')).toEqual({ diff: ours, tool: 'builtin' });
  });
});

describe('terminal rendering', () => {
  it('renders headings, links, emphasis, code and lists plainly and hides diagrams and HTML', () => {
    const markdown = [
      '# Lab: demo', '', '## Goal', '', 'Read **this** and [the docs](https://example.org), see [below](#cost).',
      '', '```mermaid', 'flowchart LR', '  A --> B', '```', '', '```bash', 'npm run check', '```',
      '', '- one', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', '<details>', '<summary>Hint 1: x</summary>', '', 'sha256=<hex>', '</details>',
    ].join('\n');
    expect(renderMarkdown(markdown)).toBe([
      'Lab: demo', '=========', '', 'Goal', '----', '', 'Read this and the docs (https://example.org), see below.', '',
      '    [diagram: open this page in the workbook to see it]', '', '    npm run check', '', '• one', '', '| a | b |', '| 1 | 2 |', '',
      'Hint 1: x', '', 'sha256=<hex>',
    ].join('\n'));
  });

  it('removes one level-2 section', () => {
    expect(withoutSection('# T\n\n## Hints\n\nsecret\n\n## Cost\n\nfree\n', 'Hints')).toBe('# T\n\n## Cost\n\nfree\n');
    expect(withoutSection('# T\n\n## Goal\n\nx\n\n## Hints\n\nsecret\n', 'Hints')).toBe('# T\n\n## Goal\n\nx\n');
  });
});

describe('summaries', () => {
  const failing = run('fail', [
    { name: 'works', status: 'pass' },
    { name: 'refuses a forged signature', status: 'fail', message: 'AssertionError: expected 200 to be 401' },
  ]);

  it('lists every test with its verdict and the failure message', () => {
    expect(formatSummary(failing)).toBe([
      'demo (exercise): 1 of 2 tests passing, not yet (1.2 s)',
      '  ✓ works',
      '  ✗ refuses a forged signature',
      '      AssertionError: expected 200 to be 401',
    ].join('\n'));
  });

  it('shows the first failing test with the current hint in watch mode, and the way on when all pass', () => {
    const dir = fakeLab('watch');
    const report = watchReport('demo', failing, 'en', dir);
    expect(report).toContain('First failing test: refuses a forged signature\n    AssertionError: expected 200 to be 401');
    expect(report).toContain('Hint 1/3: Title 1\n    Body 1.');
    expect(watchReport('demo', run('pass', [{ name: 'works', status: 'pass' }]), 'de', dir)).toContain('npm run solution -- demo');
  });
});

describe('checks that need a cloud', () => {
  it('knows which labs deploy a stack', () => {
    expect(needsCloud('notification')).toBe(true);
    expect(needsCloud('fallacies')).toBe(false);
    expect(needsCloud('fargate')).toBe(false); // an ECS stack: its services run as local processes
  });

  it('asks to deploy first when --target aws finds no outputs file', async () => {
    const previous = process.env.AWS_ENDPOINT_URL;
    await expect(openCheck('notification', { target: 'exercise', cloud: 'aws' })).rejects.toThrow(
      /No deployed notification stack found \(.*labs\/notification\/\.outputs\/aws\.json is missing\)\. Deploy it first: npm run deploy -- notification$/,
    );
    if (previous !== undefined) process.env.AWS_ENDPOINT_URL = previous;
  });

  it('starts a local cloud that answers its health check until it is stopped', async () => {
    const cloud = await ensureLocalCloud({ port: 0, reuse: false });
    expect(cloud.started).toBe(true);
    expect(await isCloudRunning(cloud.endpoint)).toBe(true);
    await cloud.stop();
    expect(await isCloudRunning(cloud.endpoint)).toBe(false);
  });

  it('rebuilds the stack only when code or context change, not for tests or READMEs', () => {
    const dir = fakeLab('cache');
    writeFileSync(join(dir, 'exercise', 'handler.ts'), 'export const a = 1;\n');
    const key = assemblyKey('cache', { labSource: 'exercise' }, dir);
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'tests', 'a.test.ts'), 'test');
    writeFileSync(join(dir, 'README.md'), 'changed');
    expect(assemblyKey('cache', { labSource: 'exercise' }, dir)).toBe(key);
    expect(assemblyKey('cache', { labSource: 'solution' }, dir)).not.toBe(key);
    writeFileSync(join(dir, 'exercise', 'handler.ts'), 'export const a = 2;\n');
    expect(assemblyKey('cache', { labSource: 'exercise' }, dir)).not.toBe(key);
  });
});
