/**
 * Checks every internal link of the course: workbook pages, decks and lab READMEs. A link must reach a
 * workbook page, a deck, a lab page, a lab file or an anchor that exists. Each problem names file, line and link.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { deckPath, deckSource, labLink, languages, type Chapter, type Lang } from '../../course.config.ts';
import { draftChapterPages } from './drafts.ts';
import { labReadme } from './lab-pages.ts';
import { anchors, chapterLinksUses, links, type Link } from './markdown.ts';

export interface LinkProblem {
  file: string;
  line: number;
  target: string;
  reason: string;
}

export const formatProblem = (p: LinkProblem) => `${p.file}:${p.line}: link "${p.target}" ${p.reason}`;

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
const isFile = (file: string) => existsSync(file) && statSync(file).isFile();

/** What a site path (without base, without hash) points at. */
type Destination = { kind: 'page' | 'lab'; source: string } | { kind: 'deck' | 'asset' };

class Course {
  private readonly markdownCache = new Map<string, string>();

  constructor(
    readonly root: string,
    readonly chapters: readonly Chapter[],
  ) {}

  read(file: string): string {
    let text = this.markdownCache.get(file);
    if (text === undefined) {
      text = readFileSync(path.join(this.root, file), 'utf8');
      this.markdownCache.set(file, text);
    }
    return text;
  }

  exists = (file: string) => isFile(path.join(this.root, file));

  labs = () => this.chapters.flatMap((c) => c.labs);

  /** Workbook pages: every markdown file under docs/ except sources that are not pages and draft chapters. */
  workbookPages(): string[] {
    const drafts = new Set(draftChapterPages(this.root, this.chapters).map((page) => `docs/${page}`));
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(path.join(this.root, dir)).sort()) {
        const rel = `${dir}/${name}`;
        if (['.vitepress', 'quizzes', 'public', 'node_modules'].includes(name)) continue;
        if (statSync(path.join(this.root, rel)).isDirectory()) walk(rel);
        else if (name.endsWith('.md') && name !== 'README.md' && !name.startsWith('[') && !drafts.has(rel)) out.push(rel);
      }
    };
    if (existsSync(path.join(this.root, 'docs'))) walk('docs');
    return out;
  }

  decks(): { file: string; slug: string; lang: Lang }[] {
    return this.chapters
      .flatMap((c) => languages.map((lang) => ({ file: deckSource(c.slug, lang), slug: c.slug, lang })))
      .filter((d) => this.exists(d.file));
  }

  labReadmes(): { file: string; lab: string }[] {
    return this.labs()
      .flatMap((lab) => languages.map((lang) => ({ file: labReadme(lab, lang), lab })))
      .filter((r) => this.exists(r.file));
  }

  /** The URL path (no base) at which a workbook source page is served. */
  static pageUrl(file: string): string {
    const route = file.replace(/^docs/, '').replace(/\.md$/, '');
    return route.endsWith('/index') ? route.slice(0, -'index'.length) : route;
  }

  resolveSitePath(sitePath: string): Destination | undefined {
    const clean = sitePath.replace(/\.(html|md)$/, '').replace(/\/index$/, '/');
    const deck = /^\/slides\/([^/]+)\/([^/]+)\/?$/.exec(clean);
    if (deck) {
      const chapter = this.chapters.find((c) => c.slug === deck[1]);
      const lang = languages.find((l) => l === deck[2]);
      return chapter && lang && this.exists(deckSource(chapter.slug, lang)) ? { kind: 'deck' } : undefined;
    }
    for (const lang of languages) {
      for (const lab of this.labs()) {
        if (clean === labLink(lab, lang) && this.exists(labReadme(lab, lang))) return { kind: 'lab', source: labReadme(lab, lang) };
      }
    }
    const candidates = clean.endsWith('/') ? [`docs${clean}index.md`] : [`docs${clean}.md`, `docs${clean}/index.md`];
    const page = candidates.find((c) => this.exists(c));
    if (page) return { kind: 'page', source: page };
    if (this.exists(`docs/public${sitePath}`)) return { kind: 'asset' };
    return undefined;
  }

  /** Problem text for an anchor that the target markdown does not define, else undefined. */
  missingAnchor(source: string, anchor: string): string | undefined {
    if (!anchor) return undefined;
    const ids = anchors(this.read(source));
    return ids.has(decodeURIComponent(anchor)) ? undefined : `points to anchor #${anchor}, which ${source} does not define`;
  }
}

/** Resolves a link given as a site URL (absolute, or relative to `fromUrl`). */
function checkSiteLink(course: Course, target: string, fromUrl: string, selfSource: string): string | undefined {
  const url = new URL(target, `http://site${fromUrl}`);
  const anchor = url.hash.slice(1);
  const samePage = target.startsWith('#');
  const destination = samePage ? ({ kind: 'page', source: selfSource } as const) : course.resolveSitePath(decodeURIComponent(url.pathname));
  if (!destination) return `points to ${url.pathname}, which is no page, deck or lab of the course`;
  if (destination.kind === 'page' || destination.kind === 'lab') return course.missingAnchor(destination.source, anchor);
  return undefined;
}

function checkWorkbookPage(course: Course, file: string, problems: LinkProblem[]): void {
  const markdown = course.read(file);
  const fromUrl = Course.pageUrl(file);
  const lang: Lang = file.startsWith('docs/en/') ? 'en' : 'de';
  const implied: Link[] = [];
  for (const use of chapterLinksUses(markdown)) {
    const chapter = course.chapters.find((c) => c.slug === use.chapter);
    if (!chapter) {
      problems.push({ file, line: use.line, target: `<ChapterLinks chapter="${use.chapter}">`, reason: 'names no chapter of course.config.ts' });
      continue;
    }
    // What the component renders: both decks, the chapter's labs, and the quiz anchor on this page.
    for (const deckLang of languages) implied.push({ line: use.line, target: `/${deckPath(chapter.slug, deckLang)}` });
    for (const lab of chapter.labs) implied.push({ line: use.line, target: labLink(lab, lang) });
    implied.push({ line: use.line, target: '#quiz' });
  }
  for (const link of [...links(markdown), ...implied]) {
    if (isExternal(link.target)) continue;
    const reason = checkSiteLink(course, link.target, fromUrl, file);
    if (reason) problems.push({ file, line: link.line, target: link.target, reason });
  }
}

function checkDeck(course: Course, deck: { file: string; slug: string; lang: Lang }, problems: LinkProblem[]): void {
  const fromUrl = `/${deckPath(deck.slug, deck.lang)}`;
  for (const link of links(course.read(deck.file))) {
    const { target, line } = link;
    if (isExternal(target) || /^#\/?\d*$/.test(target)) continue; // slide routes such as #/3
    if (target.startsWith('/')) {
      problems.push({ file: deck.file, line, target, reason: 'is absolute: decks run under a base path, link relatively (e.g. ../../../01-cloud)' });
      continue;
    }
    // Images and other files next to the deck are bundled by Slidev; everything else is a site link.
    const besideDeck = path.posix.join(path.posix.dirname(deck.file), target.split('#')[0]);
    if (/\.[a-z0-9]+$/i.test(besideDeck) && !/\.(md|html)$/.test(besideDeck) && course.exists(besideDeck)) continue;
    const reason = checkSiteLink(course, target, fromUrl, deck.file);
    if (reason) problems.push({ file: deck.file, line, target, reason });
  }
}

function checkLabReadme(course: Course, readme: { file: string; lab: string }, problems: LinkProblem[]): void {
  for (const { target, line } of links(course.read(readme.file))) {
    if (isExternal(target)) continue;
    let reason: string | undefined;
    if (target.startsWith('/')) {
      reason = checkSiteLink(course, target, '/', readme.file);
    } else {
      // Relative links point into the repository (the README is read there and on its lab page).
      const [file, anchor = ''] = target.split('#');
      const resolved = file ? path.posix.normalize(path.posix.join(path.posix.dirname(readme.file), file)) : readme.file;
      if (!existsSync(path.join(course.root, resolved))) reason = `points to ${resolved}, which does not exist`;
      else if (anchor && resolved.endsWith('.md')) reason = course.missingAnchor(resolved, anchor);
    }
    if (reason) problems.push({ file: readme.file, line, target, reason });
  }
}

export function checkLinks(root: string, chapters: readonly Chapter[]): LinkProblem[] {
  const course = new Course(root, chapters);
  const problems: LinkProblem[] = [];
  for (const page of course.workbookPages()) checkWorkbookPage(course, page, problems);
  for (const deck of course.decks()) checkDeck(course, deck, problems);
  for (const readme of course.labReadmes()) checkLabReadme(course, readme, problems);
  return problems;
}

/** How many files of each kind were checked, so a test can tell an empty run from a clean one. */
export function linkSources(root: string, chapters: readonly Chapter[]): { pages: number; decks: number; labReadmes: number } {
  const course = new Course(root, chapters);
  return { pages: course.workbookPages().length, decks: course.decks().length, labReadmes: course.labReadmes().length };
}
