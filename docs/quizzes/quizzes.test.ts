/**
 * Every chapter of the manifest has a valid quiz whose proofs still assert the keyed answers,
 * and the engine itself (validator, proof check, expectKeyed) rejects what it must.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, matchesGlob, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { chapters, quizSource } from '../../course.config.ts';
import vitestConfig from '../../vitest.config.ts';
import { checkProof } from './proof-check.ts';
import { expectKeyed, findQuestion } from './proof.ts';
import type { Question, Quiz } from './quiz.ts';
import sample from './__fixtures__/sample.ts';
import { loadQuiz, loadQuizFile, QuizValidationError, validateQuiz } from './validate.ts';

const SAMPLE_FILE = 'docs/quizzes/__fixtures__/sample.ts';

/** True when `vitest run` collects `file`, so the proof actually runs (not, say, a file under an excluded folder). */
function collectedByVitest(file: string): boolean {
  const { include = [], exclude = [] } = vitestConfig.test ?? {};
  return include.some((glob) => matchesGlob(file, glob)) && !exclude.some((glob) => matchesGlob(file, glob));
}

describe.each(chapters.map((c) => c.slug))('chapter %s', (slug) => {
  test('has a valid quiz', async () => {
    const quiz = await loadQuiz(slug);
    expect(quiz.questions.length).toBeGreaterThan(0);
  });

  test('every proof names an existing test that asserts the keyed answer', async () => {
    const quiz = await loadQuiz(slug);
    const problems = quiz.questions.flatMap((q) => checkProof(q, quizSource(slug)));
    expect(problems, `${quizSource(slug)}:\n${problems.join('\n')}`).toEqual([]);
  });

  test('every proof file runs in `vitest run`', async () => {
    const quiz = await loadQuiz(slug);
    const skipped = quiz.questions.flatMap((q) => (q.proof && !collectedByVitest(q.proof.test) ? [`question "${q.id}": ${q.proof.test}`] : []));
    expect(skipped, `${quizSource(slug)}: proof files that vitest does not collect`).toEqual([]);
  });
});

// The workbook and decks bundle every `NN-slug.ts` here (ui/catalog.ts), listed in the manifest yet or not.
const quizFiles = readdirSync(fileURLToPath(new URL('.', import.meta.url))).filter((f) => /^\d\d-.+\.ts$/.test(f) && !f.endsWith('.test.ts'));
test.each(quizFiles)('bundled quiz file %s is valid', async (file) => {
  await loadQuizFile(`docs/quizzes/${file}`, file.slice(0, -3));
});

test('the proof-file filter tells collected from excluded files', () => {
  expect(collectedByVitest('docs/quizzes/__fixtures__/sample.proof.test.ts')).toBe(true);
  expect(collectedByVitest('labs/fallacies/solution/client.test.ts')).toBe(false);
  expect(collectedByVitest('labs/fallacies/tests/proofs.ts')).toBe(false);
});

/** Validates a modified copy of the sample quiz and returns the error message ('' when valid). */
function problemsAfter(change: (quiz: any) => void): string {
  const copy = structuredClone(sample);
  change(copy);
  try {
    validateQuiz(copy, SAMPLE_FILE, 'sample');
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(QuizValidationError);
    return (error as Error).message;
  }
}
const question = (quiz: any, id: string) => quiz.questions.find((q: Question) => q.id === id);

describe('validateQuiz', () => {
  test('accepts the sample quiz, which has every kind', () => {
    expect(problemsAfter(() => {})).toBe('');
    expect(new Set(sample.questions.map((q) => q.kind))).toEqual(new Set(['single', 'multiple', 'number', 'short', 'ordering']));
  });

  test.each<[string, (quiz: any) => void, string]>([
    ['unknown question field', (q) => (question(q, 'default-sort').hint = 'x'), 'question "default-sort": unknown field "hint"'],
    ['unknown quiz field', (q) => (q.title = 'x'), 'quiz: unknown field "title"'],
    ['unknown option field', (q) => (question(q, 'default-sort').options[0].right = true), 'question "default-sort", option "numeric": unknown field "right"'],
    ['unknown language', (q) => (question(q, 'fallacy-count').prompt.fr = 'x'), 'question "fallacy-count", prompt: unknown field "fr"'],
    ['missing translation', (q) => delete question(q, 'default-sort').prompt.en, 'question "default-sort": prompt.en is missing or empty'],
    ['empty text', (q) => (question(q, 'default-sort').options[1].explanation.de = '  '), 'question "default-sort", option "lexicographic": explanation.de is missing or empty'],
    ['option without explanation', (q) => delete question(q, 'fallacy-authors').options[2].explanation, 'question "fallacy-authors", option "lamport": explanation must be a text { de, en }'],
    ['single without a correct option', (q) => (question(q, 'default-sort').options[1].correct = false), 'question "default-sort": a single-choice question needs exactly one correct option, found 0'],
    ['single with two correct options', (q) => (question(q, 'default-sort').options[0].correct = true), 'needs exactly one correct option, found 2'],
    ['multiple without a correct option', (q) => question(q, 'fallacy-authors').options.forEach((o: any) => (o.correct = false)), 'question "fallacy-authors": a multiple-choice question needs at least one correct option'],
    ['duplicate question id', (q) => (question(q, 'fallacy-count').id = 'default-sort'), 'quiz: duplicate question id "default-sort"'],
    ['duplicate option id', (q) => (question(q, 'default-sort').options[2].id = 'numeric'), 'question "default-sort": duplicate option id "numeric"'],
    ['bad kind', (q) => (question(q, 'default-sort').kind = 'choice'), 'question "default-sort": bad kind "choice"'],
    ['number without answer', (q) => delete question(q, 'fallacy-count').answer, 'question "fallacy-count": a number question needs a finite numeric "answer"'],
    ['short without accepted answers', (q) => (question(q, 'first-fallacy').accept = []), 'question "first-fallacy": a short-answer question needs "accept"'],
    ['ordering with one item', (q) => question(q, 'layers').items.splice(1), 'question "layers": an ordering question needs at least 2 items'],
    ['duplicate ordering item', (q) => (question(q, 'layers').items[1].id = 'link'), 'question "layers": duplicate item id "link"'],
    ['chapter differs from the file', (q) => (q.chapter = '01-cloud'), 'quiz: chapter is "01-cloud" but the file is for chapter "sample"'],
    ['neither proof nor source', (q) => delete question(q, 'default-sort').proof, 'question "default-sort": needs a "proof"'],
    ['proof without test name', (q) => delete question(q, 'default-sort').proof.name, 'question "default-sort": proof.name (the exact test name) is missing'],
    ['source without checked date', (q) => (question(q, 'fallacy-count').source.checked = 'last week'), 'question "fallacy-count": source.checked must be an ISO date'],
    ['unusable id', (q) => (question(q, 'layers').id = 'two words'), 'question #5: id "two words" is not a valid id'],
  ])('rejects %s', (_case, change, expected) => {
    const message = problemsAfter(change);
    expect(message).toContain(`${SAMPLE_FILE} is not a valid quiz`);
    expect(message).toContain(expected);
  });

  test('lists every problem at once', () => {
    const message = problemsAfter((q) => {
      delete question(q, 'default-sort').prompt.de;
      question(q, 'layers').kind = 'sorting';
    });
    expect(message).toContain('prompt.de is missing');
    expect(message).toContain('bad kind "sorting"');
  });
});

describe('loadQuizFile', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'quiz-load-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test('loads and validates a quiz module', async () => {
    const quiz = await loadQuizFile(SAMPLE_FILE, 'sample');
    expect(quiz.chapter).toBe('sample');
  });

  test('names a missing file', async () => {
    await expect(loadQuizFile('docs/quizzes/99-missing.ts', '99-missing')).rejects.toThrow(
      'docs/quizzes/99-missing.ts is not a valid quiz:\n  - file not found',
    );
  });

  test('names a module without a default export', async () => {
    writeFileSync(join(scratch, 'no-default.ts'), 'export const quiz = {};\n');
    await expect(loadQuizFile('no-default.ts', 'x', scratch)).rejects.toThrow('no-default.ts is not a valid quiz:\n  - the module must export default');
  });

  test('names a module that cannot be imported', async () => {
    writeFileSync(join(scratch, 'broken.ts'), "throw new Error('boom');\n");
    await expect(loadQuizFile('broken.ts', 'x', scratch)).rejects.toThrow('broken.ts is not a valid quiz:\n  - cannot be imported: boom');
  });
});

describe('checkProof', () => {
  const root = mkdtempSync(join(tmpdir(), 'quiz-proof-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const proofModule = relative(join(root, 'tests'), fileURLToPath(new URL('./proof.ts', import.meta.url)));
  const keyed = findQuestion(sample, 'default-sort');
  const asProvedBy = (name: string): Question => ({ ...keyed, proof: { test: 'tests/proof.test.ts', name } });

  /** Writes a proof file into the scratch repo and returns the problems reported for it. */
  function problemsWith(source: string, name = 'observes the sort'): string[] {
    mkdirSync(join(root, 'tests'), { recursive: true });
    writeFileSync(join(root, 'quiz.ts'), 'export default {};\n');
    writeFileSync(join(root, 'tests/proof.test.ts'), source);
    return checkProof(asProvedBy(name), 'quiz.ts', root);
  }
  const header = `import { test } from 'vitest';\nimport { expectKeyed } from '${proofModule}';\nimport quiz from '../quiz.ts';\n`;

  test('accepts the sample proof', () => {
    expect(checkProof(keyed, SAMPLE_FILE)).toEqual([]);
  });

  test('accepts a proof that asserts the key (also with .js specifier and renamed import)', () => {
    expect(problemsWith(`${header}test('observes the sort', () => { expectKeyed(quiz, 'default-sort', 'lexicographic'); });`)).toEqual([]);
    const renamed = `import { expectKeyed as keyedIs } from '${proofModule.replace(/\.ts$/, '.js')}';\nimport data from '../quiz';\n`;
    expect(problemsWith(`${renamed}it.concurrent('observes the sort', async () => { keyedIs(data, 'default-sort', 'x'); });`)).toEqual([]);
  });

  test.each<[string, string, string]>([
    ['a missing file', '', 'the test file does not exist'],
    ['a missing test', `${header}test('something else', () => { expectKeyed(quiz, 'default-sort', 'x'); });`, 'no test with exactly this name'],
    ['a near-miss name', `${header}test('observes the sort ', () => { expectKeyed(quiz, 'default-sort', 'x'); });`, 'no test with exactly this name'],
    ['a skipped test', `${header}test.skip('observes the sort', () => { expectKeyed(quiz, 'default-sort', 'x'); });`, 'skipped or marked todo/fails'],
    ['a duplicated test', `${header}test('observes the sort', () => { expectKeyed(quiz, 'default-sort', 'x'); });\ntest('observes the sort', () => {});`, '2 tests have this name'],
    ['a test that stopped asserting', `${header}test('observes the sort', () => { [10, 9, 1].sort(); });`, "does not call expectKeyed(<quiz>, 'default-sort'"],
    ['a test asserting another question', `${header}test('observes the sort', () => { expectKeyed(quiz, 'layers', ['a']); });`, "does not call expectKeyed(<quiz>, 'default-sort'"],
    ['an assertion outside the test', `${header}expectKeyed(quiz, 'default-sort', 'x');\ntest('observes the sort', () => {});`, "does not call expectKeyed(<quiz>, 'default-sort'"],
    ['another quiz', `import { test } from 'vitest';\nimport { expectKeyed } from '${proofModule}';\nimport quiz from '../other.ts';\ntest('observes the sort', () => { expectKeyed(quiz, 'default-sort', 'x'); });`, 'does not import the quiz'],
    ['a home-made expectKeyed', `import { test } from 'vitest';\nimport quiz from '../quiz.ts';\nconst expectKeyed = (..._a: unknown[]) => {};\ntest('observes the sort', () => { expectKeyed(quiz, 'default-sort', 'x'); });`, 'does not import expectKeyed'],
  ])('reports %s', (_case, source, expected) => {
    if (source === '') rmSync(join(root, 'tests'), { recursive: true, force: true });
    const problems = source === '' ? checkProof(asProvedBy('observes the sort'), 'quiz.ts', root) : problemsWith(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('question "default-sort": proof test "observes the sort" in tests/proof.test.ts');
    expect(problems[0]).toContain(expected);
  });
});

describe('expectKeyed', () => {
  const quiz: Quiz = sample;

  test('passes for the keyed answer of every kind', () => {
    expectKeyed(quiz, 'default-sort', 'lexicographic');
    expectKeyed(quiz, 'fallacy-authors', ['gosling', 'deutsch']);
    expectKeyed(quiz, 'fallacy-count', 8);
    expectKeyed(quiz, 'first-fallacy', '  the NETWORK is reliable ');
    expectKeyed(quiz, 'layers', ['application', 'transport', 'internet', 'link']);
  });

  test.each<[string, string | string[] | number, string]>([
    ['default-sort', 'numeric', 'the test observed "numeric", but the keyed answer is "lexicographic"'],
    ['fallacy-authors', ['deutsch'], 'the test observed ["deutsch"], but the keyed answer is ["deutsch","gosling"]'],
    ['fallacy-count', 7, 'the test observed 7, but the keyed answer is 8'],
    ['first-fallacy', 'latency is zero', 'the test observed "latency is zero", but the keyed answer is "The network is reliable"'],
    ['layers', ['transport', 'application', 'internet', 'link'], 'the test observed ["transport","application","internet","link"]'],
  ])('names quiz, question, observed and keyed answer on a mismatch (%s)', (id, observed, expected) => {
    expect(() => expectKeyed(quiz, id, observed)).toThrow(`Quiz sample, question "${id}": ${expected}`);
  });

  test('names an unknown question', () => {
    expect(() => expectKeyed(quiz, 'nope', 'x')).toThrow('Quiz sample has no question "nope"');
  });
});
