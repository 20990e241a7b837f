/**
 * Chapter pages (`docs/NN-slug.md`, `docs/en/NN-slug.md`) are published once their chapter is in the manifest.
 * Until then they are drafts: the workbook build and the link check leave them out, so a chapter in progress
 * never breaks the site.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Chapter } from '../../course.config.ts';

const CHAPTER_PAGE = /^(\d{2}-[a-z0-9-]+)\.md$/;

/** Draft chapter pages, relative to docs/ (e.g. `02-networks.md`, `en/02-networks.md`). */
export function draftChapterPages(root: string, chapters: readonly Chapter[]): string[] {
  const listed = new Set(chapters.map((c) => c.slug));
  const drafts: string[] = [];
  for (const dir of ['', 'en']) {
    const full = path.join(root, 'docs', dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full)) {
      const slug = CHAPTER_PAGE.exec(name)?.[1];
      if (slug && !listed.has(slug)) drafts.push(dir ? `${dir}/${name}` : name);
    }
  }
  return drafts.sort();
}
