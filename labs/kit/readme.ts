/** Lab READMEs are the single source for instructions, hints and cost: helpers to read their sections. */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../course.config.ts';
import { labDir } from './paths.ts';

/** `README.md` is English, `README.de.md` German (course contract). */
export const readmeFile = (lang: Lang) => (lang === 'de' ? 'README.de.md' : 'README.md');

export function readReadme(lab: string, lang: Lang, dir = labDir(lab)): string {
  const file = join(dir, readmeFile(lang));
  if (!existsSync(file)) throw new Error(`Lab "${lab}" has no ${readmeFile(lang)} (${file})`);
  return readFileSync(file, 'utf8');
}

/** The body of the level-2 section whose heading starts with `heading`, up to the next level-2 heading. */
export function readmeSection(markdown: string, heading: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`## ${heading}`));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
}
