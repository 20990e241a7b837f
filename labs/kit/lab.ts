/**
 * `npm run lab`: every lab of the course with its state.
 * `npm run lab -- <lab> [--de|--en]`: the lab's instructions, then watch mode (like rustlings): every save under
 * `labs/<lab>/exercise/` reruns the acceptance tests and shows the first failing test with a hint. Ctrl-C ends it.
 */
import { join } from 'node:path';
import { chapters, type Lang } from '../../course.config.ts';
import { watchAndRedeploy } from '../localcloud/deployer/watch.ts';
import { parseKitArgs, requireLab, runCli } from './cli.ts';
import { needsCloud, openCheck } from './checking.ts';
import { hintsHeading } from './hints.ts';
import { acceptOnly, languageFrom, LANGUAGE_FLAGS } from './options.ts';
import { labDir } from './paths.ts';
import { readReadme } from './readme.ts';
import { describeState, labState, resultsFile, writeResults } from './state.ts';
import { watchReport } from './summary.ts';
import { renderMarkdown, withoutSection } from './terminal.ts';

const USAGE = 'npm run lab [-- <lab> [--de|--en]]';

function listLabs(): void {
  console.log('Labs of the course:\n');
  for (const chapter of chapters) {
    for (const lab of chapter.labs) {
      const cloud = needsCloud(lab) ? '  (local cloud)' : '';
      console.log(`  ${chapter.slug.padEnd(22)} ${lab.padEnd(16)} ${describeState(labState(lab))}${cloud}`);
    }
  }
  console.log('\nStart one with: npm run lab -- <lab>   (check once: npm run check -- <lab>)');
}

async function watchLab(lab: string, lang: Lang): Promise<void> {
  console.log(renderMarkdown(withoutSection(readReadme(lab, lang), hintsHeading[lang]), lang));
  console.log(`\n${'─'.repeat(60)}\n${lang === 'de' ? `Beobachte labs/${lab}/exercise/ – speichere eine Datei, um die Tests neu zu starten. Strg-C beendet.` : `Watching labs/${lab}/exercise/ — save a file to rerun the tests. Ctrl-C ends.`}`);
  const session = await openCheck(lab, { target: 'exercise', cloud: 'local', log: console.log });
  const stopped = new AbortController();
  let current: AbortController | undefined;
  // Ctrl-C at any moment (also during the first run) cancels the running tests and ends the watch.
  const stop = () => {
    stopped.abort();
    current?.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const runOnce = async () => {
    if (stopped.signal.aborted) return;
    const controller = (current = new AbortController());
    console.log(`\nRunning the tests of ${lab} …`);
    const run = await session.run(controller.signal);
    if (controller.signal.aborted) return;
    writeResults(resultsFile(lab, 'exercise'), run);
    console.log(watchReport(lab, run, lang));
  };
  try {
    // The deployer's watcher: debounced fs.watch, one run at a time, until the signal aborts.
    await watchAndRedeploy([join(labDir(lab), 'exercise')], runOnce, stopped.signal);
  } finally {
    current?.abort();
    await session.close(); // stops the local cloud if this command started it
  }
  console.log('\nStopped watching.');
}

async function main(): Promise<number> {
  const args = parseKitArgs(process.argv.slice(2));
  const flags = acceptOnly(args, [...LANGUAGE_FLAGS], USAGE);
  if (args.lab === undefined) {
    listLabs();
    return 0;
  }
  await watchLab(requireLab(args.lab), languageFrom(flags));
  return 0;
}

runCli(main);
