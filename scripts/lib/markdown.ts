/** Just enough markdown reading for the consistency tests: headmatter, headings (as anchors) and links. */

const FENCE = /^\s*(```|~~~)/;

/** Lines outside fenced code blocks, with their 1-based line numbers; inline code is blanked out. */
export function proseLines(markdown: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let inFence = false;
  markdown.split('\n').forEach((text, index) => {
    if (FENCE.test(text)) {
      inFence = !inFence;
      return;
    }
    if (!inFence) out.push({ line: index + 1, text: text.replace(/`[^`]*`/g, '``') });
  });
  return out;
}

/** The headmatter block (YAML between the first two `---` lines), or '' when there is none. */
export function headmatter(markdown: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(markdown);
  return match ? match[1] : '';
}

/**
 * VitePress's heading anchor (the slugify of @mdit-vue/shared): strip accents and control characters,
 * turn runs of punctuation and spaces into one dash, prefix a leading digit with `_`, lower-case.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase();
}

/** The plain text of a heading's inline markdown (links keep their text, emphasis and code marks go). */
const headingText = (raw: string) =>
  raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[`*]/g, '')
    .replace(/(^|\s)_+|_+(\s|$)/g, '$1$2')
    .trim();

/** Anchor ids a page offers: heading slugs (with VitePress's -1, -2 for repeats), `{#id}` and HTML ids. */
export function anchors(markdown: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*$/.exec(text);
    if (heading) {
      const explicit = /\{#([^}\s]+)\}\s*$/.exec(heading[1]);
      if (explicit) ids.add(explicit[1]);
      else {
        const slug = slugify(headingText(heading[1]));
        const count = seen.get(slug) ?? 0;
        seen.set(slug, count + 1);
        ids.add(count ? `${slug}-${count}` : slug);
      }
    }
    for (const match of text.matchAll(/\sid="([^"]+)"/g)) ids.add(match[1]);
  }
  return ids;
}

export interface Link {
  line: number;
  target: string;
}

/** Markdown links and images, HTML href/src attributes; not inside code. */
export function links(markdown: string): Link[] {
  const out: Link[] = [];
  for (const { line, text } of proseLines(markdown)) {
    for (const match of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ line, target: match[1] });
    for (const match of text.matchAll(/\s(?:href|src)="([^"]+)"/g)) out.push({ line, target: match[1] });
  }
  return out;
}

/** Chapters named by `<ChapterLinks chapter="…" />` on a page. */
export function chapterLinksUses(markdown: string): { line: number; chapter: string }[] {
  const out: { line: number; chapter: string }[] = [];
  for (const { line, text } of proseLines(markdown)) {
    for (const match of text.matchAll(/<ChapterLinks\s+chapter="([^"]*)"/g)) out.push({ line, chapter: match[1] });
  }
  return out;
}
