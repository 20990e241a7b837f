/** The quiz UI's own words, per language (question texts come from the quiz data). */
import type { Lang } from '../../../course.config.ts';

const labels = {
  de: {
    check: 'Prüfen',
    retry: 'Nochmal versuchen',
    reset: 'Fortschritt zurücksetzen',
    correct: 'Richtig.',
    wrong: 'Noch nicht richtig.',
    missing: 'Mindestens eine richtige Antwort fehlt noch.',
    yourAnswer: 'Ihre Antwort',
    answerLabel: 'Antwort',
    notANumber: 'Bitte eine Zahl eingeben, z. B. 3,5.',
    moveUp: 'nach oben',
    moveDown: 'nach unten',
    position: 'Position',
    score: (correct: number, answered: number, total: number) =>
      `${correct} von ${total} richtig · ${answered} von ${total} beantwortet`,
    answer: 'Lösung',
    question: 'Frage',
    rightOption: 'richtig',
    wrongOption: 'falsch',
    proof: 'Belegt durch den Test',
    source: 'Quelle',
    tolerance: 'Toleranz',
  },
  en: {
    check: 'Check',
    retry: 'Try again',
    reset: 'Reset progress',
    correct: 'Correct.',
    wrong: 'Not quite.',
    missing: 'At least one correct answer is still missing.',
    yourAnswer: 'Your answer',
    answerLabel: 'Answer',
    notANumber: 'Please enter a number, e.g. 3.5.',
    moveUp: 'move up',
    moveDown: 'move down',
    position: 'Position',
    score: (correct: number, answered: number, total: number) =>
      `${correct} of ${total} correct · ${answered} of ${total} answered`,
    answer: 'Answer',
    question: 'Question',
    rightOption: 'right',
    wrongOption: 'wrong',
    proof: 'Proven by the test',
    source: 'Source',
    tolerance: 'tolerance',
  },
} satisfies Record<Lang, unknown>;

export type Labels = (typeof labels)['de'];
/** VitePress reports e.g. `de-DE` or `en-US`; anything not German is English. */
export const langOf = (lang: string | undefined): Lang => (lang?.toLowerCase().startsWith('de') ? 'de' : 'en');
export const labelsFor = (lang: string | undefined): Labels => labels[langOf(lang)];
