/**
 * `npm start`: builds what is missing (decks and workbook cached by source hash), serves dist/ on one local URL
 * and starts the local cloud as a child process, which stops when this process stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { portOption } from './lib/args.ts';
import { siteBase } from './lib/base.ts';
import { deckJobs, main, repoRoot } from './lib/cli.ts';
import { bin } from './lib/run.ts';
import { buildSite } from './lib/site.ts';
import { serveStatic } from './lib/static-server.ts';

const CLOUD_CLI = 'labs/localcloud/cli.ts';

function startCloud(): ChildProcess | undefined {
  if (!existsSync(path.join(repoRoot, CLOUD_CLI))) {
    console.log('[cloud] not started: labs/localcloud/cli.ts does not exist yet');
    return undefined;
  }
  const child = spawn(bin(repoRoot, 'tsx'), [CLOUD_CLI], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') console.log(`[cloud] stopped (exit ${code ?? signal}); the site keeps running`);
  });
  return child;
}

main(async () => {
  const started = performance.now();
  const base = siteBase();
  await buildSite({ root: repoRoot, base, jobs: deckJobs() });
  const port = portOption(process.argv.slice(2), 4173);
  const site = await serveStatic(path.join(repoRoot, 'dist'), base, port).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new Error(`Port ${port} is in use: stop the other server or run npm start -- --port <free port>`);
    throw error;
  });
  console.log(`\n✓ Workbook and decks: ${site.url}   (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const cloud = startCloud();
  console.log('  Press Ctrl+C to stop.\n');

  const stop = async () => {
    if (cloud && cloud.exitCode === null) cloud.kill('SIGTERM');
    await site.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
});
