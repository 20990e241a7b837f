/** `npm run solution -- <lab> [--yes]`: after a confirmation, the reference diff from the exercise to the solution. */
import { confirm, parseKitArgs, requireLab, runCli } from './cli.ts';
import { diffExerciseToSolution } from './diff.ts';
import { acceptOnly } from './options.ts';
import { labDir } from './paths.ts';

const USAGE = 'npm run solution -- <lab> [--yes]';

const colour = (line: string) =>
  line.startsWith('+') && !line.startsWith('+++') ? `\u001b[32m${line}\u001b[0m`
  : line.startsWith('-') && !line.startsWith('---') ? `\u001b[31m${line}\u001b[0m`
  : line.startsWith('@@') ? `\u001b[36m${line}\u001b[0m`
  : line;

async function main(): Promise<number> {
  const args = parseKitArgs(process.argv.slice(2));
  acceptOnly(args, [], USAGE);
  const lab = requireLab(args.lab);
  if (!args.yes) {
    const sure = await confirm(`Show the reference solution of "${lab}"? Trying one more hint first (npm run hint -- ${lab}) teaches more.`);
    if (!sure) {
      console.log(`Not shown. (Without a terminal to ask in, add --yes: npm run solution -- ${lab} --yes)`);
      return 0;
    }
  }
  const { diff } = diffExerciseToSolution(labDir(lab));
  if (diff === '') {
    console.log(`labs/${lab}/exercise/ and solution/ are identical.`);
    return 0;
  }
  const text = process.stdout.isTTY ? diff.split('\n').map(colour).join('\n') : diff;
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  console.log(`\nThis is the change from labs/${lab}/exercise/ to labs/${lab}/solution/. Your version may differ and still pass: npm run check -- ${lab}`);
  return 0;
}

runCli(main);
