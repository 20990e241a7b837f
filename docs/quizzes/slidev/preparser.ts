/**
 * Slidev preparser: turns a deck's `layout: quiz` slide into one slide per question of that chapter's
 * quiz (see expand.ts). Decks use it through the shared setup: `slides/shared/setup/preparser.ts`
 * re-exports this module.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { definePreparserSetup } from '@slidev/types';
import type { Lang } from '../../../course.config.ts';
import { loadQuiz } from '../validate.ts';
import { expandQuizSlides } from './expand.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The deck's language: headmatter `lang`, else the file name (`de.md`, `en.md`). */
function deckLang(headmatter: Record<string, unknown>, filepath: string): Lang {
  const lang = headmatter.lang ?? basename(filepath, '.md');
  if (lang === 'de' || lang === 'en') return lang;
  throw new Error(`${filepath}: set "lang: de" or "lang: en" in the headmatter so the quiz slides know their language`);
}

export default definePreparserSetup(({ filepath, headmatter }) => [
  {
    name: 'course-quiz',
    transformRawLines: (lines) =>
      expandQuizSlides(lines, {
        lang: () => deckLang(headmatter, filepath),
        deckFile: filepath,
        loadQuiz: (chapter) => loadQuiz(chapter, repoRoot),
      }),
  },
]);
