/**
 * Proof helpers: a proof test observes a behaviour, turns it into an answer and calls `expectKeyed`,
 * which fails when the observation differs from the quiz's keyed answer. Changing the key breaks the proof.
 */
import type { Question, Quiz } from './quiz.ts';

export type Answer = string | string[] | number;

export function findQuestion(quiz: Quiz, questionId: string): Question {
  const question = quiz.questions.find((q) => q.id === questionId);
  if (!question) throw new Error(`Quiz ${quiz.chapter} has no question "${questionId}"`);
  return question;
}

/** The keyed answer: option id (single), sorted option ids (multiple), number, first accepted text, or item ids in order. */
export function keyedAnswer(question: Question): Answer {
  switch (question.kind) {
    case 'single':
      return question.options.find((o) => o.correct)?.id ?? '';
    case 'multiple':
      return question.options.filter((o) => o.correct).map((o) => o.id).sort();
    case 'number':
      return question.answer;
    case 'short':
      return question.accept[0] ?? '';
    case 'ordering':
      return question.items.map((i) => i.id);
  }
}

/** True when `observed` is the keyed answer (numbers within tolerance, short answers case-insensitive). Used by proofs and the quiz UI. */
export function isKeyed(question: Question, observed: Answer): boolean {
  const keyed = keyedAnswer(question);
  if (question.kind === 'number' && typeof observed === 'number') {
    return Math.abs(observed - question.answer) <= (question.tolerance ?? 0);
  }
  if (question.kind === 'short' && typeof observed === 'string') {
    return question.accept.some((a) => a.trim().toLowerCase() === observed.trim().toLowerCase());
  }
  if (question.kind === 'multiple' && Array.isArray(observed)) return JSON.stringify([...observed].sort()) === JSON.stringify(keyed);
  return JSON.stringify(observed) === JSON.stringify(keyed);
}

/** Throws unless what the test observed is the keyed answer of `questionId`. */
export function expectKeyed(quiz: Quiz, questionId: string, observed: Answer): void {
  const question = findQuestion(quiz, questionId);
  if (!isKeyed(question, observed)) {
    throw new Error(
      `Quiz ${quiz.chapter}, question "${questionId}": the test observed ${JSON.stringify(observed)}, ` +
        `but the keyed answer is ${JSON.stringify(keyedAnswer(question))}`,
    );
  }
}
