/// <reference types="vite/client" />
/**
 * Every chapter quiz, bundled by static import: chapter files are `NN-slug.ts` next to the engine,
 * so a new chapter's quiz appears here without a list to update. Used by the workbook and the decks.
 */
import type { Question, Quiz } from '../quiz.ts';

const modules = import.meta.glob<{ default: Quiz }>('../[0-9][0-9]-*.ts', { eager: true });

export const quizzes: Readonly<Record<string, Quiz>> = Object.fromEntries(
  Object.values(modules).map((module) => [module.default.chapter, module.default]),
);

export function quizFor(chapter: string): Quiz {
  const quiz = quizzes[chapter];
  if (!quiz) throw new Error(`No quiz for chapter "${chapter}" (expected docs/quizzes/${chapter}.ts)`);
  return quiz;
}

export function questionFor(chapter: string, questionId: string): Question {
  const question = quizFor(chapter).questions.find((q) => q.id === questionId);
  if (!question) throw new Error(`Quiz ${chapter} has no question "${questionId}"`);
  return question;
}
