/**
 * `npm run bench:site`: full (cold) build wall time, time until an unchanged `npm start` serves,
 * dist/ size, the largest JavaScript per page and how much the decks duplicate one another.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deckPath } from '../course.config.ts';
import { siteBase } from './lib/base.ts';
import { deckJobs, main, repoRoot } from './lib/cli.ts';
import { deckDuplication, filesUnder, jsPerPage, kb, mb, totalSize } from './lib/dist-stats.ts';
import { bin } from './lib/run.ts';
import { buildSite, manifestDecks } from './lib/site.ts';

/**
 * CPU seconds used by finished child processes (and theirs), from /proc (Linux). Wall time on a shared machine
 * depends on the neighbours; CPU time says what the build itself costs.
 */
function childCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // After the command: state is field 3; cutime and cstime are fields 16 and 17, in clock ticks (100 per second).
    return (Number(fields[16 - 3]) + Number(fields[17 - 3])) / 100;
  } catch {
    return undefined;
  }
}

/** Starts `npm start`'s script on a free port and returns the seconds until its URL answers 200. */
function timeUnchangedStart(): Promise<{ seconds: number; rebuilt: boolean }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(bin(repoRoot, 'tsx'), ['scripts/start.ts', '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`npm start did not serve within 600 s:\n${output.slice(-2000)}`));
    }, 600_000);
    child.stdout.on('data', async (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Workbook and decks: (http:\/\/\S+)/.exec(output)?.[1];
      if (!url || child.killed) return;
      try {
        const response = await fetch(url);
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
        resolve({ seconds: (performance.now() - started) / 1000, rebuilt: output.includes('building…') });
      } catch (error) {
        reject(error);
      } finally {
        clearTimeout(timer);
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
  });
}

main(async () => {
  const base = siteBase();
  const dist = path.join(repoRoot, 'dist');
  const quiet = () => undefined;

  console.log('Full build (workbook + every deck, empty cache)…');
  const coldCache = mkdtempSync(path.join(tmpdir(), 'site-bench-'));
  rmSync(path.join(dist, '.site-stamp.json'), { force: true });
  let cold;
  const cpuBefore = childCpuSeconds();
  try {
    cold = await buildSite({ root: repoRoot, base, jobs: deckJobs(), cacheRoot: coldCache, log: (line) => console.log(`  ${line}`) });
  } finally {
    rmSync(coldCache, { recursive: true, force: true });
  }
  const cpuAfter = childCpuSeconds();
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? ` · CPU ${(cpuAfter - cpuBefore).toFixed(1)} s` : '';
  await buildSite({ root: repoRoot, base, jobs: deckJobs(), log: quiet }); // warm the real cache for the start below

  console.log('Unchanged npm start…');
  const start = await timeUnchangedStart();

  const files = filesUnder(dist);
  const decks = manifestDecks().map((d) => path.join(dist, deckPath(d.slug, d.lang)));
  const duplication = deckDuplication(decks);
  const perDeck = decks.map((d) => totalSize(filesUnder(d)));

  console.log('\n=== bench:site ===');
  console.log(`full build wall time      ${cold.seconds.toFixed(1)} s${cpu}  (${cold.decks.length} decks + workbook, ${deckJobs()} at a time)`);
  for (const d of cold.decks) console.log(`  deck ${d.deck.slug}/${d.deck.lang}`.padEnd(27) + `${d.seconds.toFixed(1)} s`);
  console.log(
    `unchanged start → serving ${start.seconds.toFixed(1)} s` +
      (start.rebuilt ? '  (not unchanged: sources changed during the benchmark and start rebuilt; run it again)' : ''),
  );
  console.log(`dist/ size                ${mb(totalSize(files))} in ${files.length} files`);
  console.log(`  per deck                ${perDeck.map(mb).join(', ')}`);
  console.log(
    `  deck duplication        ${mb(duplication.duplicateBytes)} of ${mb(duplication.deckBytes)} deck bytes are files ` +
      `identical in another deck (${duplication.sharedFiles} distinct shared files)`,
  );
  console.log('largest JS per page (loaded up front)');
  for (const page of jsPerPage(dist).sort((a, b) => b.largest.bytes - a.largest.bytes)) {
    console.log(`  ${page.page.padEnd(34)} ${kb(page.largest.bytes).padStart(7)}  ${page.largest.file}  (all JS ${kb(page.totalBytes)})`);
  }
});
