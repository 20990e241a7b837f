/** `npm run present -- <chapter> [de|en]`: one deck in Slidev's dev server, with the presenter view's URL printed. */
import { spawn } from 'node:child_process';
import { deckSource } from '../course.config.ts';
import { chapterArg, langArg, portOption } from './lib/args.ts';
import { main, repoRoot } from './lib/cli.ts';
import { bin } from './lib/run.ts';

main(async () => {
  const argv = process.argv.slice(2);
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--port');
  const chapter = chapterArg(positional[0], 'present');
  const lang = langArg(positional[1]);
  const port = portOption(argv, 3030);
  const entry = deckSource(chapter.slug, lang);
  console.log(`Presenting ${chapter.title[lang]} (${entry})`);
  console.log(`  audience view:  http://localhost:${port}/#/1`);
  console.log(`  presenter view: http://localhost:${port}/#/presenter/1   (speaker notes, next slide, timer)`);
  const child = spawn(bin(repoRoot, 'slidev'), [entry, '--port', String(port), ...(argv.includes('--open') ? ['--open'] : [])], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise<void>((resolve, reject) =>
    child.on('close', (code) => (code === 0 || code === null ? resolve() : reject(new Error(`slidev exited with code ${code}`)))),
  );
});
