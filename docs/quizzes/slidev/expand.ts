/**
 * Expands a deck's quiz slide into one slide per question. A slide whose frontmatter says
 * `layout: quiz` and `quiz: <chapter>` (and no `question`) becomes: an intro slide (only if the author
 * wrote content or notes for it) and, per question, a `layout: quiz` slide naming that `question`, whose
 * speaker notes carry the answer and the explanations. Questions are never copied into the deck source.
 */
import type { Lang } from '../../../course.config.ts';
import type { Question, Quiz, Text } from '../quiz.ts';

export interface ExpandOptions {
  /** The deck's language (headmatter `lang`); asked only when the deck has a quiz slide. */
  lang: () => Lang;
  /** Absolute path of the markdown file being parsed (for errors). */
  deckFile: string;
  /** Loads and validates a chapter's quiz. */
  loadQuiz: (chapter: string) => Promise<Quiz>;
}

const FENCE = /^\s*(```|~~~)/;
const LAYOUT_QUIZ = /^layout:\s*['"]?quiz['"]?\s*$/;
const QUESTION = /^question:/;
const QUIZ_CHAPTER = /^quiz:\s*['"]?([A-Za-z0-9_-]+)['"]?\s*$/;

/** Index of the next slide separator (`---` outside code fences) at or after `from`, or `lines.length`. */
function nextSeparator(lines: string[], from: number): number {
  let inFence = false;
  for (let i = from; i < lines.length; i++) {
    if (FENCE.test(lines[i]!)) inFence = !inFence;
    else if (!inFence && lines[i]!.trimEnd() === '---') return i;
  }
  return lines.length;
}

/** Notes are Markdown inside an HTML comment: keep data from closing the comment or adding markup. */
const noteText = (text: string) => text.replace(/</g, '&lt;').replace(/-->/g, '-- >');

const labels = {
  de: { question: 'Frage', answer: 'Lösung', correct: 'richtig', wrong: 'falsch', order: 'Reihenfolge' },
  en: { question: 'Question', answer: 'Answer', correct: 'right', wrong: 'wrong', order: 'Order' },
} satisfies Record<Lang, unknown>;

function speakerNotes(q: Question, lang: Lang): string[] {
  const l = labels[lang];
  const tr = (text: Text) => noteText(text[lang]);
  switch (q.kind) {
    case 'single':
    case 'multiple':
      return q.options.map((o, i) => `- ${String.fromCharCode(65 + i)} (${o.correct ? l.correct : l.wrong}): ${tr(o.text)} — ${tr(o.explanation)}`);
    case 'number':
      return [`${l.answer}: ${q.answer}${q.unit ? ` ${tr(q.unit)}` : ''}${q.tolerance ? ` (± ${q.tolerance})` : ''}`, '', tr(q.explanation)];
    case 'short':
      return [`${l.answer}: ${noteText(q.accept.join(' / '))}`, '', tr(q.explanation)];
    case 'ordering':
      return [`${l.order}: ${q.items.map((i) => tr(i.text)).join(' → ')}`, '', tr(q.explanation)];
  }
}

/** A question slide: the shared `quiz` layout renders `<DeckQuiz>` for `quiz` + `question`; the notes hold the answer. */
function questionSlide(q: Question, index: number, quiz: Quiz, lang: Lang): string[] {
  return [
    '---',
    'layout: quiz',
    `quiz: ${quiz.chapter}`,
    `question: ${q.id}`,
    `title: Quiz ${index + 1}/${quiz.questions.length}`,
    '---',
    '',
    '<!--',
    ...speakerNotes(q, lang),
    '-->',
    '',
  ];
}

/** Rewrites `lines` in place (Slidev's `transformRawLines` contract). */
export async function expandQuizSlides(lines: string[], options: ExpandOptions): Promise<void> {
  // Slide 1's frontmatter is the deck's headmatter; quiz slides start at a later separator.
  let i = lines[0]?.trimEnd() === '---' ? nextSeparator(lines, 1) + 1 : 0;
  for (i = nextSeparator(lines, i); i < lines.length; i = nextSeparator(lines, i + 1)) {
    const hasFrontmatter = (lines[i + 1] ?? '').trim() !== '';
    if (!hasFrontmatter) continue;
    const frontmatterEnd = nextSeparator(lines, i + 1);
    const frontmatter = lines.slice(i + 1, frontmatterEnd);
    // A quiz slide that already names its question is one question, placed by hand (or already expanded).
    if (!frontmatter.some((line) => LAYOUT_QUIZ.test(line)) || frontmatter.some((line) => QUESTION.test(line))) {
      i = frontmatterEnd;
      continue;
    }
    const chapter = frontmatter.map((line) => QUIZ_CHAPTER.exec(line)?.[1]).find(Boolean);
    if (!chapter) throw new Error(`${options.deckFile}: a "layout: quiz" slide needs "quiz: <chapter slug>" in its frontmatter`);
    const quiz = await options.loadQuiz(chapter);

    const slideEnd = nextSeparator(lines, frontmatterEnd + 1);
    const body = lines.slice(frontmatterEnd + 1, slideEnd);
    const hasContent = body.some((line) => line.trim() !== '');
    const intro = hasContent
      ? [
          '---',
          ...frontmatter.filter((line) => !QUIZ_CHAPTER.test(line)).map((line) => (LAYOUT_QUIZ.test(line) ? 'layout: center' : line)),
          '---',
          ...(body.some((line) => /^#\s/.test(line)) ? [] : ['', '# Quiz']),
          ...body,
        ]
      : [];
    const generated = [...intro, ...quiz.questions.flatMap((q, n) => questionSlide(q, n, quiz, options.lang()))];
    lines.splice(i, slideEnd - i, ...generated);
    i += generated.length - 1;
  }
}
