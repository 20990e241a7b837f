/** What `npm run check` and `npm run lab` print about a run: one line per test, failures with their message. */
import type { Lang } from '../../course.config.ts';
import { labDir } from './paths.ts';
import { currentHint } from './progress.ts';
import type { LabRun } from './run-tests.ts';
import { renderMarkdown } from './terminal.ts';
import type { TestResult } from './results.ts';

const MESSAGE_LINES = 8;

const indent = (text: string, by: string) => text.split('\n').slice(0, MESSAGE_LINES).map((line) => `${by}${line}`).join('\n');

export function headline(run: LabRun): string {
  const passing = run.tests.filter((t) => t.status === 'pass').length;
  const verdict = run.status === 'pass' ? 'all passing' : run.status === 'fail' ? 'not yet' : 'the tests did not run';
  return `${run.lab} (${run.target}): ${passing} of ${run.tests.length} tests passing, ${verdict} (${(run.durationMs / 1000).toFixed(1)} s)`;
}

export function testLine(test: TestResult): string {
  const mark = test.status === 'pass' ? '✓' : test.status === 'fail' ? '✗' : '!';
  return `  ${mark} ${test.name}${test.message ? `\n${indent(test.message, '      ')}` : ''}`;
}

export function formatSummary(run: LabRun): string {
  const lines = [headline(run)];
  if (run.message) lines.push(indent(run.message, '  '));
  lines.push(...run.tests.map(testLine));
  return lines.join('\n');
}

export const firstFailure = (run: LabRun): TestResult | undefined => run.tests.find((t) => t.status !== 'pass');

/** What `npm run lab` shows after each run: the verdict, the first failing test and the hint to work with. */
export function watchReport(lab: string, run: LabRun, lang: Lang, dir = labDir(lab)): string {
  const lines = ['', headline(run)];
  if (run.status === 'pass') {
    lines.push('', `Done: every test passes. Compare with the reference: npm run solution -- ${lab}`);
    return lines.join('\n');
  }
  const failing = firstFailure(run);
  if (run.message) lines.push(`  ${run.message.split('\n').slice(0, 8).join('\n  ')}`);
  if (failing) lines.push('', `First failing test: ${failing.name}`, ...(failing.message ?? '').split('\n').slice(0, 8).map((l) => `    ${l}`));
  const { hint, of } = currentHint(lab, lang, dir);
  const label = lang === 'de' ? 'Tipp' : 'Hint';
  lines.push('', `${label} ${hint.number}/${of}: ${hint.title}`, renderMarkdown(hint.body).replace(/^/gm, '    '));
  lines.push('', lang === 'de' ? `Nächster Tipp: npm run hint -- ${lab}` : `Next hint: npm run hint -- ${lab}`);
  return lines.join('\n');
}
