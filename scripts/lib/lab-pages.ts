/**
 * Lab pages in the workbook are rendered from each lab's own README (one source, no copies):
 * the German page shows `labs/<lab>/README.de.md`, the English page `labs/<lab>/README.md`.
 * Used by the VitePress dynamic routes `docs/labs/[lab].paths.ts` and `docs/en/labs/[lab].paths.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allLabs, labLink, type Lang } from '../../course.config.ts';

import { repoRoot } from './cli.ts';

export const labReadme = (lab: string, lang: Lang): string =>
  `labs/${lab}/${lang === 'de' ? 'README.de.md' : 'README.md'}`;

const MARKDOWN_LINK = /(!?)\[([^\]]*)\]\(([^)\s]+)(\s+"[^"]*")?\)/g;

/**
 * Rewrites the README's relative links for the workbook: a link to the other language's README becomes
 * that lab page, links to files inside the lab (which the site does not host) become their repository path
 * in code, so students know where to look. External links and anchors stay as they are.
 */
export function rewriteLabLinks(markdown: string, lab: string, lang: Lang): string {
  return markdown.replace(MARKDOWN_LINK, (whole, bang: string, text: string, target: string) => {
    if (bang || /^[a-z]+:/i.test(target) || target.startsWith('#') || target.startsWith('/')) return whole;
    const [file, anchor] = target.split('#');
    const repoPath = path.posix.normalize(`labs/${lab}/${file}`);
    for (const other of ['de', 'en'] as const) {
      if (repoPath === labReadme(lab, other)) return `[${text}](${labLink(lab, other)}${anchor ? `#${anchor}` : ''})`;
    }
    // A link whose text just names the file becomes the path alone; other text keeps the path beside it.
    const plainText = text.replace(/`/g, '').trim();
    if (plainText === file || plainText === repoPath || plainText === path.posix.basename(file.replace(/\/$/, ''))) return `\`${repoPath}\``;
    return `${text} (\`${repoPath}\`)`;
  });
}

export interface LabPage {
  params: { lab: string };
  content: string;
}

/** One page per manifest lab; a missing README is an error naming the file. */
export function labPages(lang: Lang, root = repoRoot): LabPage[] {
  return allLabs().map((lab) => {
    const file = labReadme(lab, lang);
    const full = path.join(root, file);
    if (!existsSync(full)) throw new Error(`Lab page for "${lab}" needs ${file}, which does not exist`);
    return { params: { lab }, content: rewriteLabLinks(readFileSync(full, 'utf8'), lab, lang) };
  });
}
