/**
 * Quiz data types. One file per chapter (`docs/quizzes/<slug>.ts`) exports `defineQuiz({...})`.
 * Every keyed answer that states a technical fact names a `proof`: a test that demonstrates the behaviour
 * and compares what it observed with the keyed answer (see `proof.ts`), so changing the key breaks the proof.
 * Answers that are not technical behaviour (history, definitions, who said what) name a `source` instead.
 */
export interface Text {
  de: string;
  en: string;
}

/** A test that proves the keyed answer: file relative to the repo root, and the test's exact name. */
export interface ProofRef {
  test: string;
  name: string;
}

/** Where a non-technical keyed answer comes from (author, book, URL) and when it was checked. */
export interface SourceRef {
  title: string;
  url?: string;
  checked: string; // ISO date
}

export interface Option {
  id: string;
  text: Text;
  correct: boolean;
  /** Why this option is right or wrong. */
  explanation: Text;
}

interface QuestionBase {
  id: string;
  prompt: Text;
  proof?: ProofRef;
  source?: SourceRef;
}

export interface SingleChoice extends QuestionBase {
  kind: 'single';
  options: Option[];
}
export interface MultipleChoice extends QuestionBase {
  kind: 'multiple';
  options: Option[];
}
export interface NumberAnswer extends QuestionBase {
  kind: 'number';
  answer: number;
  /** Accepted absolute deviation; 0 if omitted. */
  tolerance?: number;
  unit?: Text;
  explanation: Text;
}
export interface ShortAnswer extends QuestionBase {
  kind: 'short';
  /** Accepted answers, compared case-insensitively after trimming. */
  accept: string[];
  explanation: Text;
}
export interface Ordering extends QuestionBase {
  kind: 'ordering';
  /** Items in their correct order; the quiz shows them shuffled. */
  items: { id: string; text: Text }[];
  explanation: Text;
}

export type Question = SingleChoice | MultipleChoice | NumberAnswer | ShortAnswer | Ordering;

export interface Quiz {
  chapter: string;
  questions: Question[];
}

export const defineQuiz = (quiz: Quiz): Quiz => quiz;
