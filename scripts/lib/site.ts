/**
 * Builds the static site: the workbook (VitePress) and every manifest deck (Slidev, one process per deck),
 * each cached under .cache/ by a hash of its sources, then assembled into dist/. Unchanged sources cost
 * only the hashing, and an unchanged dist/ is not even copied again.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allLabs, chapters, deckPath, deckSource, languages, type Lang } from '../../course.config.ts';
import { deckBase } from './base.ts';
import { hashSources } from './hash.ts';
import { labReadme } from './lab-pages.ts';
import { withLock } from './lock.ts';
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

/** Files outside docs/ that pages embed with VitePress code snippets (`<<< @/../labs/x/solution/client.ts`). */
function embeddedFiles(root: string, dir = 'docs'): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = `${dir}/${name}`;
    if (name === 'node_modules' || name === 'cache') continue;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...embeddedFiles(root, rel));
    else if (name.endsWith('.md')) {
      for (const match of readFileSync(path.join(root, rel), 'utf8').matchAll(/^<<<\s+@\/([^\s{#]+)/gm)) {
        out.push(path.posix.normalize(`docs/${match[1]}`));
      }
    }
  }
  return out;
}

/** Everything the workbook build reads: pages, theme, config, lab READMEs and embedded files, the lockfile. */
export function workbookKey(root: string, base: string): string {
  return hashSources(
    root,
    [
      'docs',
      'vitepress.config.ts',
      'course.config.ts',
      'scripts/lib/base.ts',
      'scripts/lib/lab-pages.ts',
      'scripts/lib/drafts.ts',
      'slides/shared/assets/favicon.svg',
      'package-lock.json',
      ...allLabs().flatMap((lab) => languages.map((lang) => labReadme(lab, lang))),
      ...embeddedFiles(root),
    ],
    [CACHE_VERSION, base],
  );
}

export interface SiteBuildOptions {
  root: string;
  base: string;
  /** Builds running at the same time. */
  jobs?: number;
  /** Where cached outputs live; .cache/ by default (the benchmark uses an empty folder for a cold build). */
  cacheRoot?: string;
  log?: (line: string) => void;
}

export interface SiteBuildReport {
  workbook: 'cached' | 'built';
  decks: { deck: Deck; status: 'cached' | 'built'; seconds: number }[];
  assembled: boolean;
  seconds: number;
}


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

async function pool<T>(items: T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
}

/** One cached build: the workbook or a deck. */
interface BuildJob {
  label: string;
  dir: string;
  hash: string;
  prefix: string;
  build: (out: string) => Promise<void>;
}

export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildReport> {
  const { root, base } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  checkSources(root);
  const cacheRoot = options.cacheRoot ?? path.join(root, '.cache');
  // One cache folder per base path, so builds for / and for BASE=/course/ do not evict each other.
  const baseFolder = base === '/' ? 'root' : base.slice(1, -1).replace(/\//g, '_');
  const cacheDir = (kind: string, name: string) => path.join(cacheRoot, kind, baseFolder, name);

  const workbookHash = workbookKey(root, base);
  const workbookJob: BuildJob = {
    label: '[workbook]',
    dir: cacheDir('workbook', `workbook-${workbookHash}`),
    hash: workbookHash,
    prefix: 'workbook-',
    build: (out) =>
      withLock(
        path.join(root, '.cache', 'workbook-build.lock'),
        (owner) => log(`[workbook] waiting for another workbook build (pid ${owner || '?'}) to finish…`),
        () =>
          runOrThrow('Workbook build (vitepress build docs)', bin(root, 'vitepress'), ['build', 'docs', '--outDir', out], {
            cwd: root,
            env: { BASE: base },
            quiet: true,
          }),
      ),
  };
  const decks = manifestDecks();
  const deckJobs: BuildJob[] = decks.map((deck, index) => {
    const hash = deckKey(root, deck, base);
    return {
      label: `[deck ${index + 1}/${decks.length}] ${deck.slug}/${deck.lang}`,
      dir: cacheDir('decks', `${deck.slug}-${deck.lang}-${hash}`),
      hash,
      prefix: `${deck.slug}-${deck.lang}-`,
      build: (out) =>
        runOrThrow(
          `Deck build ${deckSource(deck.slug, deck.lang)}`,
          bin(root, 'slidev'),
          ['build', deckSource(deck.slug, deck.lang), '--base', deckBase(base, deck.slug, deck.lang), '--out', out],
          { cwd: root, quiet: true },
        ),
    };
  });

  // The workbook and the decks are independent builds: run them side by side, `jobs` at a time.
  const status = new Map<BuildJob, { status: 'cached' | 'built'; seconds: number }>();
  await pool([workbookJob, ...deckJobs], options.jobs ?? 2, async (job) => {
    if (existsSync(job.dir)) {
      log(`${job.label} cached (${job.hash})`);
      status.set(job, { status: 'cached', seconds: 0 });
      return;
    }
    log(`${job.label} building…`);
    const t = performance.now();
    mkdirSync(path.dirname(job.dir), { recursive: true });
    await buildInto(job.dir, job.build);
    pruneSiblings(path.dirname(job.dir), job.prefix, path.basename(job.dir));
    const seconds = (performance.now() - t) / 1000;
    status.set(job, { status: 'built', seconds });
    log(`${job.label} built in ${seconds.toFixed(1)} s`);
  });

  const assembled = assemble(root, workbookJob.dir, decks.map((deck, i) => ({ deck, dir: deckJobs[i].dir })), log);
  return {
    workbook: status.get(workbookJob)!.status,
    decks: decks.map((deck, i) => ({ deck, ...status.get(deckJobs[i])! })),
    assembled,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Copies the cached outputs into dist/, unless dist/ already holds exactly these outputs. */
function assemble(root: string, workbookDir: string, decks: { deck: Deck; dir: string }[], log: (line: string) => void): boolean {
  const dist = path.join(root, 'dist');
  const stamp = JSON.stringify({ workbook: workbookDir, decks: decks.map((d) => d.dir) });
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
