/** `npm run hint -- <lab> [--reset] [--de|--en]`: the next hint of a lab, one per call. */
import { parseKitArgs, requireLab, runCli } from './cli.ts';
import { acceptOnly, languageFrom, LANGUAGE_FLAGS } from './options.ts';
import { resetProgress, takeNextHint } from './progress.ts';
import { labDir } from './paths.ts';
import { renderMarkdown } from './terminal.ts';

const USAGE = 'npm run hint -- <lab> [--reset] [--de|--en]';

async function main(): Promise<number> {
  const args = parseKitArgs(process.argv.slice(2));
  const flags = acceptOnly(args, ['--reset', ...LANGUAGE_FLAGS], USAGE);
  const lab = requireLab(args.lab);
  const lang = languageFrom(flags);
  if (flags.has('--reset')) {
    resetProgress(labDir(lab));
    console.log(lang === 'de' ? `Tipps für ${lab} zurückgesetzt.` : `Hints for ${lab} reset.`);
    return 0;
  }
  const { hint, of } = takeNextHint(lab, lang);
  if (!hint) {
    console.log(lang === 'de'
      ? `Alle ${of} Tipps für ${lab} sind gezeigt. Von vorn: npm run hint -- ${lab} --reset · Lösung: npm run solution -- ${lab}`
      : `All ${of} hints for ${lab} were shown. Start over: npm run hint -- ${lab} --reset · Solution: npm run solution -- ${lab}`);
    return 0;
  }
  const label = lang === 'de' ? 'Tipp' : 'Hint';
  console.log(`\n${label} ${hint.number}/${of}: ${hint.title}\n\n${renderMarkdown(hint.body)}\n`);
  return 0;
}

runCli(main);
