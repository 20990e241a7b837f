/**
 * Quiz state that outlives a page load: the last checked answer per question, one localStorage entry
 * per chapter. Only touches storage when asked (the component calls it after mounting, never during
 * server-side rendering), and treats unreadable entries as "no progress" rather than failing.
 */
import type { Answer } from '../proof.ts';
import { isKeyed } from '../proof.ts';
import type { Question, Quiz } from '../quiz.ts';

export interface Attempt {
  answer: Answer;
  correct: boolean;
}
export type Progress = Record<string, Attempt>;

/** The subset of the Web Storage API used here, so tests can pass a map-backed fake. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or a throwaway in-memory store where there is none or access is denied (privacy settings). */
export function browserStore(): KeyValueStore {
  try {
    if (typeof window !== 'undefined' && window.localStorage) return window.localStorage;
  } catch {
    // Reading window.localStorage itself throws when storage is blocked.
  }
  const memory = new Map<string, string>();
  return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) };
}

const VERSION = 1;
export const storageKey = (chapter: string) => `course-quiz:${chapter}`;

const isAnswer = (v: unknown): v is Answer =>
  typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** Reads a chapter's progress, keeping only attempts for questions that still exist, re-graded against the current key. */
export function loadProgress(store: KeyValueStore, quiz: Quiz): Progress {
  let raw: unknown;
  try {
    raw = JSON.parse(store.getItem(storageKey(quiz.chapter)) ?? 'null');
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== VERSION) return {};
  const saved = (raw as { answers?: Record<string, { answer?: unknown }> }).answers ?? {};
  const progress: Progress = {};
  for (const question of quiz.questions) {
    const answer = saved[question.id]?.answer;
    if (isAnswer(answer)) progress[question.id] = { answer, correct: isKeyed(question, answer) };
  }
  return progress;
}

export function saveProgress(store: KeyValueStore, chapter: string, progress: Progress): void {
  try {
    store.setItem(storageKey(chapter), JSON.stringify({ version: VERSION, answers: progress }));
  } catch {
    // Storage full or disabled (private mode): the quiz still works, it just forgets on reload.
  }
}

export function clearProgress(store: KeyValueStore, chapter: string): void {
  try {
    store.removeItem(storageKey(chapter));
  } catch {
    // See saveProgress.
  }
}

export function score(quiz: Quiz, progress: Progress) {
  const attempts = quiz.questions.map((q) => progress[q.id]).filter((a) => a !== undefined);
  return { total: quiz.questions.length, answered: attempts.length, correct: attempts.filter((a) => a.correct).length };
}

/** Parses what a student typed into a number field; accepts a decimal comma. */
export function parseNumber(input: string): number | undefined {
  const normalized = input.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) return undefined;
  return Number(normalized);
}

/** Grades an answer with the same rule the proofs use. */
export const grade = (question: Question, answer: Answer): Attempt => ({ answer, correct: isKeyed(question, answer) });

/**
 * The starting order of an ordering question: a shuffle seeded by the question id, so server and
 * browser render the same order (no hydration mismatch), and never the solved order.
 */
export function initialOrder(questionId: string, ids: readonly string[]): string[] {
  let seed = [...questionId].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) | 0) >>> 16) / 65536;
  const order = [...ids];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const solved = order.every((id, i) => id === ids[i]);
  return solved && order.length > 1 ? [...order.slice(1), order[0]!] : order;
}

/** Moves the element at `index` by `delta` places (−1 up, +1 down); out-of-range moves change nothing. */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}
