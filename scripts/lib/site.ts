/**
 * Builds the static site: the workbook (VitePress) and every manifest deck (Slidev, one process per deck),
 * each cached under .cache/ by a hash of its sources, then assembled into dist/. Unchanged sources cost
 * only the hashing, and an unchanged dist/ is not even copied again.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allLabs, chapters, deckPath, deckSource, languages, type Lang } from '../../course.config.ts';
import { deckBase } from './base.ts';
import { hashSources } from './hash.ts';
import { bin, runOrThrow } from './run.ts';

/** Bump when the way outputs are produced changes, so old cache entries are not reused. */
const CACHE_VERSION = 'site-1';
const STAMP = '.site-stamp.json';

export interface Deck {
  slug: string;
  lang: Lang;
}

export const manifestDecks = (): Deck[] => chapters.flatMap((c) => languages.map((lang) => ({ slug: c.slug, lang })));

/** Everything a deck build reads besides Slidev itself. */
export function deckKey(root: string, deck: Deck, base: string): string {
  return hashSources(
    root,
    [`slides/${deck.slug}`, 'slides/shared', 'docs/quizzes', 'course.config.ts', 'package-lock.json'],
    [CACHE_VERSION, deckSource(deck.slug, deck.lang), deckBase(base, deck.slug, deck.lang)],
  );
}

/** Everything the workbook build reads: pages, theme, config, the labs it renders or embeds, the lockfile. */
export function workbookKey(root: string, base: string): string {
  return hashSources(
    root,
    [
      'docs',
      'vitepress.config.ts',
      'course.config.ts',
      'scripts/lib/base.ts',
      'scripts/lib/lab-pages.ts',
      'slides/shared/assets/favicon.svg',
      'package-lock.json',
      ...allLabs().map((lab) => `labs/${lab}`),
    ],
    [CACHE_VERSION, base],
  );
}

export interface SiteBuildOptions {
  root: string;
  base: string;
  /** Deck builds running at the same time. */
  jobs?: number;
  log?: (line: string) => void;
}

export interface SiteBuildReport {
  workbook: 'cached' | 'built';
  decks: { deck: Deck; status: 'cached' | 'built'; seconds: number }[];
  assembled: boolean;
  seconds: number;
}

const cacheDir = (root: string, ...parts: string[]) => path.join(root, '.cache', ...parts);

/** Builds into a temporary folder and renames it into place, so an interrupted build never looks cached. */
async function buildInto(target: string, build: (out: string) => Promise<void>): Promise<void> {
  const temporary = `${target}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  await build(temporary);
  renameSync(temporary, target);
}

/** Drops older cache entries of the same item (same prefix, other hash). */
function pruneSiblings(dir: string, prefix: string, keep: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix) && name !== keep) rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

function checkSources(root: string): void {
  const missing = manifestDecks()
    .map((d) => deckSource(d.slug, d.lang))
    .filter((file) => !existsSync(path.join(root, file)));
  if (missing.length) throw new Error(`course.config.ts lists decks whose source is missing: ${missing.join(', ')}`);
}

async function pool<T>(items: T[], jobs: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
}

export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildReport> {
  const { root, base } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  checkSources(root);

  const workbookHash = workbookKey(root, base);
  const workbookName = `workbook-${workbookHash}`;
  const workbookDir = cacheDir(root, 'workbook', workbookName);
  let workbook: SiteBuildReport['workbook'] = 'cached';
  if (existsSync(workbookDir)) {
    log(`[workbook] cached (${workbookHash})`);
  } else {
    log('[workbook] building…');
    const t = performance.now();
    mkdirSync(path.dirname(workbookDir), { recursive: true });
    await buildInto(workbookDir, (out) =>
      runOrThrow('Workbook build (vitepress build docs)', bin(root, 'vitepress'), ['build', 'docs', '--outDir', out], {
        cwd: root,
        env: { BASE: base },
        quiet: true,
      }),
    );
    pruneSiblings(path.dirname(workbookDir), 'workbook-', workbookName);
    workbook = 'built';
    log(`[workbook] built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }

  const decks = manifestDecks();
  const deckDirs = new Map<Deck, string>();
  const report: SiteBuildReport['decks'] = [];
  await pool(decks, options.jobs ?? 2, async (deck, index) => {
    const label = `[deck ${index + 1}/${decks.length}] ${deck.slug}/${deck.lang}`;
    const hash = deckKey(root, deck, base);
    const name = `${deck.slug}-${deck.lang}-${hash}`;
    const dir = cacheDir(root, 'decks', name);
    deckDirs.set(deck, dir);
    if (existsSync(dir)) {
      log(`${label}: cached (${hash})`);
      report.push({ deck, status: 'cached', seconds: 0 });
      return;
    }
    log(`${label}: building…`);
    const t = performance.now();
    mkdirSync(path.dirname(dir), { recursive: true });
    await buildInto(dir, (out) =>
      runOrThrow(
        `Deck build ${deckSource(deck.slug, deck.lang)}`,
        bin(root, 'slidev'),
        ['build', deckSource(deck.slug, deck.lang), '--base', deckBase(base, deck.slug, deck.lang), '--out', out],
        { cwd: root, quiet: true },
      ),
    );
    pruneSiblings(path.dirname(dir), `${deck.slug}-${deck.lang}-`, name);
    const seconds = (performance.now() - t) / 1000;
    report.push({ deck, status: 'built', seconds });
    log(`${label}: built in ${seconds.toFixed(1)} s`);
  });

  const assembled = assemble(root, workbookDir, decks.map((d) => ({ deck: d, dir: deckDirs.get(d)! })), log);
  return { workbook, decks: report, assembled, seconds: (performance.now() - started) / 1000 };
}

/** Copies the cached outputs into dist/, unless dist/ already holds exactly these outputs. */
function assemble(root: string, workbookDir: string, decks: { deck: Deck; dir: string }[], log: (line: string) => void): boolean {
  const dist = path.join(root, 'dist');
  const stamp = JSON.stringify({ workbook: path.basename(workbookDir), decks: decks.map((d) => path.basename(d.dir)) });
  const stampFile = path.join(dist, STAMP);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    log('[dist] up to date');
    return false;
  }
  rmSync(dist, { recursive: true, force: true });
  cpSync(workbookDir, dist, { recursive: true });
  for (const { deck, dir } of decks) cpSync(dir, path.join(dist, deckPath(deck.slug, deck.lang)), { recursive: true });
  writeFileSync(stampFile, stamp);
  log(`[dist] assembled: workbook + ${decks.length} decks`);
  return true;
}
