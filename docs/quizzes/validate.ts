/**
 * Runtime validation of quiz data modules. The data is typed, but TypeScript does not catch an empty
 * translation, a question without a correct option or a duplicated id — this does, with an error that
 * names the file and the question.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { quizSource } from '../../course.config.ts';
import type { Quiz } from './quiz.ts';

/** Ids end up in DOM ids, test ids and localStorage keys: keep them plain. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS = ['single', 'multiple', 'number', 'short', 'ordering'] as const;

const BASE_FIELDS = ['id', 'kind', 'prompt', 'proof', 'source'];
const FIELDS_BY_KIND: Record<(typeof KINDS)[number], string[]> = {
  single: [...BASE_FIELDS, 'options'],
  multiple: [...BASE_FIELDS, 'options'],
  number: [...BASE_FIELDS, 'answer', 'tolerance', 'unit', 'explanation'],
  short: [...BASE_FIELDS, 'accept', 'explanation'],
  ordering: [...BASE_FIELDS, 'items', 'explanation'],
};

export class QuizValidationError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid quiz:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'QuizValidationError';
  }
}

type Record_ = Record<string, unknown>;
const isRecord = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Collects problems; `where` is the human-readable location prefix, e.g. `question "q1"`. */
class Checker {
  readonly problems: string[] = [];

  report(where: string, message: string): void {
    this.problems.push(`${where}: ${message}`);
  }

  unknownFields(where: string, value: Record_, allowed: string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.report(where, `unknown field "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }

  /** A bilingual text: both `de` and `en` present and not blank. */
  text(where: string, field: string, value: unknown, required = true): void {
    if (value === undefined && !required) return;
    if (!isRecord(value)) {
      this.report(where, `${field} must be a text { de, en }`);
      return;
    }
    this.unknownFields(`${where}, ${field}`, value, ['de', 'en']);
    for (const lang of ['de', 'en']) {
      if (!isNonEmptyString(value[lang])) this.report(where, `${field}.${lang} is missing or empty`);
    }
  }

  id(where: string, what: string, value: unknown): value is string {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
      this.report(where, `${what} ${JSON.stringify(value)} is not a valid id (letters, digits, "-", "_")`);
      return false;
    }
    return true;
  }

  uniqueIds(where: string, what: string, ids: unknown[]): void {
    const seen = new Set<unknown>();
    for (const id of ids) {
      if (seen.has(id)) this.report(where, `duplicate ${what} id "${String(id)}"`);
      seen.add(id);
    }
  }
}

function checkEvidence(c: Checker, where: string, q: Record_): void {
  if (q.proof === undefined && q.source === undefined) {
    c.report(where, 'needs a "proof" (a test for a technical fact) or a "source" (for history or definitions)');
  }
  if (q.proof !== undefined) {
    if (!isRecord(q.proof)) c.report(where, 'proof must be { test, name }');
    else {
      c.unknownFields(`${where}, proof`, q.proof, ['test', 'name']);
      if (!isNonEmptyString(q.proof.test)) c.report(where, 'proof.test (test file relative to the repository root) is missing');
      if (!isNonEmptyString(q.proof.name)) c.report(where, 'proof.name (the exact test name) is missing');
    }
  }
  if (q.source !== undefined) {
    if (!isRecord(q.source)) c.report(where, 'source must be { title, url?, checked }');
    else {
      c.unknownFields(`${where}, source`, q.source, ['title', 'url', 'checked']);
      if (!isNonEmptyString(q.source.title)) c.report(where, 'source.title is missing');
      if (q.source.url !== undefined && !(typeof q.source.url === 'string' && URL.canParse(q.source.url))) {
        c.report(where, `source.url ${JSON.stringify(q.source.url)} is not a URL`);
      }
      if (!(typeof q.source.checked === 'string' && ISO_DATE.test(q.source.checked))) {
        c.report(where, 'source.checked must be an ISO date (YYYY-MM-DD)');
      }
    }
  }
}

function checkOptions(c: Checker, where: string, kind: 'single' | 'multiple', options: unknown): void {
  if (!Array.isArray(options) || options.length < 2) {
    c.report(where, 'options must be a list of at least 2 options');
    return;
  }
  const ids: unknown[] = [];
  options.forEach((option, index) => {
    if (!isRecord(option)) {
      c.report(where, `option #${index + 1} is not an object`);
      return;
    }
    const at = c.id(where, `option #${index + 1} id`, option.id) ? `${where}, option "${option.id}"` : `${where}, option #${index + 1}`;
    ids.push(option.id);
    c.unknownFields(at, option, ['id', 'text', 'correct', 'explanation']);
    c.text(at, 'text', option.text);
    c.text(at, 'explanation', option.explanation);
    if (typeof option.correct !== 'boolean') c.report(at, 'correct must be true or false');
  });
  c.uniqueIds(where, 'option', ids);
  const correct = options.filter((o) => isRecord(o) && o.correct === true).length;
  if (kind === 'single' && correct !== 1) c.report(where, `a single-choice question needs exactly one correct option, found ${correct}`);
  if (kind === 'multiple' && correct < 1) c.report(where, 'a multiple-choice question needs at least one correct option, found 0');
}

function checkQuestion(c: Checker, q: unknown, index: number): unknown {
  if (!isRecord(q)) {
    c.report(`question #${index + 1}`, 'is not an object');
    return undefined;
  }
  const where = c.id(`question #${index + 1}`, 'id', q.id) ? `question "${q.id}"` : `question #${index + 1}`;
  if (!KINDS.includes(q.kind as never)) {
    c.report(where, `bad kind ${JSON.stringify(q.kind)} (allowed: ${KINDS.join(', ')})`);
    return q.id;
  }
  const kind = q.kind as (typeof KINDS)[number];
  c.unknownFields(where, q, FIELDS_BY_KIND[kind]);
  c.text(where, 'prompt', q.prompt);
  checkEvidence(c, where, q);
  switch (kind) {
    case 'single':
    case 'multiple':
      checkOptions(c, where, kind, q.options);
      break;
    case 'number':
      if (typeof q.answer !== 'number' || !Number.isFinite(q.answer)) c.report(where, 'a number question needs a finite numeric "answer"');
      if (q.tolerance !== undefined && !(typeof q.tolerance === 'number' && q.tolerance >= 0)) {
        c.report(where, 'tolerance must be a number >= 0');
      }
      c.text(where, 'unit', q.unit, false);
      c.text(where, 'explanation', q.explanation);
      break;
    case 'short':
      if (!Array.isArray(q.accept) || q.accept.length === 0 || !q.accept.every(isNonEmptyString)) {
        c.report(where, 'a short-answer question needs "accept": a non-empty list of non-empty answers');
      }
      c.text(where, 'explanation', q.explanation);
      break;
    case 'ordering':
      if (!Array.isArray(q.items) || q.items.length < 2) c.report(where, 'an ordering question needs at least 2 items');
      else {
        q.items.forEach((item, i) => {
          if (!isRecord(item)) return c.report(where, `item #${i + 1} is not an object`);
          const at = c.id(where, `item #${i + 1} id`, item.id) ? `${where}, item "${item.id}"` : `${where}, item #${i + 1}`;
          c.unknownFields(at, item, ['id', 'text']);
          c.text(at, 'text', item.text);
        });
        c.uniqueIds(where, 'item', q.items.map((item) => (isRecord(item) ? item.id : undefined)));
      }
      c.text(where, 'explanation', q.explanation);
      break;
  }
  return q.id;
}

/**
 * Checks that `data` is a well-formed quiz for chapter `slug`; returns it typed, or throws a
 * `QuizValidationError` that lists every problem with the file and question it concerns.
 */
export function validateQuiz(data: unknown, file: string, slug: string): Quiz {
  const c = new Checker();
  if (!isRecord(data)) throw new QuizValidationError(file, ['the module must export default defineQuiz({ chapter, questions })']);
  c.unknownFields('quiz', data, ['chapter', 'questions']);
  if (data.chapter !== slug) c.report('quiz', `chapter is ${JSON.stringify(data.chapter)} but the file is for chapter "${slug}"`);
  if (!Array.isArray(data.questions) || data.questions.length === 0) c.report('quiz', 'questions must be a non-empty list');
  else c.uniqueIds('quiz', 'question', data.questions.map((q, i) => checkQuestion(c, q, i)).filter((id) => id !== undefined));
  if (c.problems.length > 0) throw new QuizValidationError(file, c.problems);
  return data as unknown as Quiz;
}

/** Imports a quiz module (path relative to the repository root) and validates it. */
export async function loadQuizFile(file: string, slug: string, root = process.cwd()): Promise<Quiz> {
  const absolute = resolve(root, file);
  if (!existsSync(absolute)) throw new QuizValidationError(file, [`file not found (every chapter needs ${quizSource(slug)})`]);
  let module: Record_;
  try {
    module = await import(pathToFileURL(absolute).href);
  } catch (error) {
    throw new QuizValidationError(file, [`cannot be imported: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return validateQuiz(module.default, file, slug);
}

/** Imports `docs/quizzes/<slug>.ts` and validates it. */
export const loadQuiz = (slug: string, root = process.cwd()): Promise<Quiz> => loadQuizFile(quizSource(slug), slug, root);
