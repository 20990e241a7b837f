/**
 * Hints live in each lab README's hints section (`## Hints` in README.md, `## Tipps` in README.de.md),
 * one `<details>` block per hint, in the order a student should open them:
 *
 *   <details>
 *   <summary>Hint 1: short title</summary>
 *
 *   Markdown text of the hint.
 *
 *   </details>
 *
 * The workbook renders them as collapsed blocks; `npm run hint` reads them from here.
 */
import type { Lang } from '../../course.config.ts';
import { readmeFile, readmeSection, readReadme } from './readme.ts';

export interface Hint {
  /** 1-based position. */
  number: number;
  title: string;
  body: string;
}

export const hintsHeading: Record<Lang, string> = { en: 'Hints', de: 'Tipps' };
const hintLabel: Record<Lang, string> = { en: 'Hint', de: 'Tipp' };

const DETAILS = /<details>\s*<summary>([\s\S]*?)<\/summary>([\s\S]*?)<\/details>/g;

/** Parses the hints of one README; `file` only names the README in errors. */
export function parseHints(markdown: string, lang: Lang, file: string): Hint[] {
  const section = readmeSection(markdown, hintsHeading[lang]);
  if (section === undefined) throw new Error(`${file} has no "## ${hintsHeading[lang]}" section`);
  const hints = [...section.matchAll(DETAILS)].map((match, index): Hint => {
    const number = index + 1;
    const summary = match[1].trim();
    const expected = new RegExp(`^${hintLabel[lang]} ${number}:\\s*(\\S.*)$`);
    const title = expected.exec(summary)?.[1];
    if (!title) throw new Error(`${file}: hint ${number} must have the summary "${hintLabel[lang]} ${number}: <title>", found "${summary}"`);
    const body = match[2].trim();
    if (body === '') throw new Error(`${file}: hint ${number} ("${title}") has no text`);
    return { number, title, body };
  });
  if (hints.length === 0) throw new Error(`${file}: the "## ${hintsHeading[lang]}" section holds no <details> hint blocks`);
  return hints;
}

export function readHints(lab: string, lang: Lang, dir?: string): Hint[] {
  return parseHints(readReadme(lab, lang, dir), lang, `labs/${lab}/${readmeFile(lang)}`);
}
