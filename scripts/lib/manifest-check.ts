/**
 * Manifest consistency: every chapter's decks, pages, quiz and labs exist and carry what the site needs.
 * Each problem is one sentence naming the file (or the manifest field) that is wrong.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { deckSource, languages, pageSource, quizSource, type Chapter } from '../../course.config.ts';
import { labReadme } from './lab-pages.ts';
import { chapterLinksUses, headmatter } from './markdown.ts';

export const SLUG = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Headmatter lines every deck needs (see slides/README.md), as patterns over the YAML text. */
const DECK_HEADMATTER: { what: string; pattern: RegExp }[] = [
  { what: 'theme: seriph', pattern: /^theme:\s*['"]?seriph['"]?\s*$/m },
  { what: "addons: ['@/../shared']", pattern: /^addons:\s*(?:\[\s*['"]@\/\.\.\/shared['"]\s*\]|\n\s+-\s*['"]?@\/\.\.\/shared['"]?)\s*$/m },
  { what: 'fonts: { provider: none }', pattern: /^fonts:\s*(?:\{\s*provider:\s*['"]?none['"]?\s*\}|\n(?:\s+.*\n)*?\s+provider:\s*['"]?none['"]?)\s*$/m },
  { what: 'favicon: ../shared/assets/favicon.svg', pattern: /^favicon:\s*['"]?\.\.\/shared\/assets\/favicon\.svg['"]?\s*$/m },
  { what: 'routerMode: hash', pattern: /^routerMode:\s*['"]?hash['"]?\s*$/m },
];

/** Problems in one deck's headmatter; `lang` must match the file's language. */
export function deckHeadmatterProblems(file: string, markdown: string, lang: string): string[] {
  const yaml = headmatter(markdown);
  if (!yaml) return [`${file}: has no headmatter (see slides/README.md)`];
  const problems = DECK_HEADMATTER.filter((rule) => !rule.pattern.test(yaml)).map(
    (rule) => `${file}: headmatter needs "${rule.what}" (see slides/README.md)`,
  );
  if (!new RegExp(`^lang:\\s*['"]?${lang}['"]?\\s*$`, 'm').test(yaml)) problems.push(`${file}: headmatter needs "lang: ${lang}"`);
  // A background path would be requested from the deck's base and miss; remote images break offline use.
  const background = /^background:\s*['"]?([^'"\s]+)/m.exec(yaml)?.[1];
  if (background && !/^(#|rgb|hsl)/.test(background)) {
    problems.push(`${file}: "background: ${background}" — use no background (the shared cover has a local one) or a colour`);
  }
  return problems;
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

export function manifestProblems(root: string, chapters: readonly Chapter[]): string[] {
  const problems: string[] = [];
  const file = (rel: string) => path.join(root, rel);
  const needFile = (rel: string, why: string) => {
    if (!existsSync(file(rel))) problems.push(`${rel} is missing (${why})`);
    return existsSync(file(rel));
  };

  const seenSlugs = new Set<string>();
  const seenLabs = new Map<string, string>();
  chapters.forEach((chapter, index) => {
    const where = `course.config.ts chapter ${index + 1} ("${chapter.slug}")`;
    if (!SLUG.test(chapter.slug)) problems.push(`${where}: slug must look like NN-slug (two digits, lower-case words joined by dashes)`);
    if (seenSlugs.has(chapter.slug)) problems.push(`${where}: slug is listed twice`);
    seenSlugs.add(chapter.slug);
    for (const lang of languages) {
      if (!chapter.title?.[lang]?.trim()) problems.push(`${where}: title.${lang} is empty`);
      if (!chapter.summary?.[lang]?.trim()) problems.push(`${where}: summary.${lang} is empty`);

      const deck = deckSource(chapter.slug, lang);
      if (needFile(deck, `${lang} deck of ${chapter.slug}`)) {
        const markdown = readFileSync(file(deck), 'utf8');
        problems.push(...deckHeadmatterProblems(deck, markdown, lang));
        if (!new RegExp(`^quiz:\\s*['"]?${chapter.slug}['"]?\\s*$`, 'm').test(markdown)) {
          problems.push(`${deck}: needs a quiz slide (frontmatter "layout: quiz" and "quiz: ${chapter.slug}")`);
        }
      }

      const page = pageSource(chapter.slug, lang);
      if (needFile(page, `${lang} workbook page of ${chapter.slug}`)) {
        const markdown = readFileSync(file(page), 'utf8');
        if (!chapterLinksUses(markdown).some((use) => use.chapter === chapter.slug)) {
          problems.push(`${page}: needs <ChapterLinks chapter="${chapter.slug}" /> near the top`);
        }
        if (!new RegExp(`<Quiz\\s+chapter="${chapter.slug}"`).test(markdown)) problems.push(`${page}: needs <Quiz chapter="${chapter.slug}" /> at the end`);
      }
    }
    needFile(quizSource(chapter.slug), `quiz of ${chapter.slug}`);

    if (!Array.isArray(chapter.labs)) problems.push(`${where}: labs must be a list of lab folder names`);
    for (const lab of chapter.labs ?? []) {
      const owner = seenLabs.get(lab);
      if (owner) problems.push(`${where}: lab "${lab}" is already listed by chapter "${owner}"`);
      seenLabs.set(lab, chapter.slug);
      for (const lang of languages) needFile(labReadme(lab, lang), `instructions of lab ${lab}`);
      for (const dir of ['exercise', 'solution', 'tests']) {
        if (!isDir(file(`labs/${lab}/${dir}`))) problems.push(`labs/${lab}/${dir}/ is missing (every lab has exercise/, solution/ and tests/)`);
      }
    }
  });
  return problems;
}
