/**
 * `npm run check -- <lab> [--target local|aws] [--solution] [--yes] [-c key=value]`: the lab's acceptance tests against your
 * exercise (or the reference solution), a readable summary, and `results.json` in Exercism's format.
 * Exit code 0 only when every test passes.
 */
import path from 'node:path';
import { confirm, parseKitArgs, requireLab, runCli } from './cli.ts';
import { needsCloud, openCheck } from './checking.ts';
import { acceptOnly } from './options.ts';
import { resultsFile, writeResults } from './state.ts';
import { formatSummary } from './summary.ts';

const USAGE = 'npm run check -- <lab> [--target local|aws] [--solution] [--yes] [-c key=value]';

async function main(): Promise<number> {
  const args = parseKitArgs(process.argv.slice(2));
  acceptOnly(args, [], USAGE);
  const lab = requireLab(args.lab);
  const target = args.solution ? 'solution' : 'exercise';
  if (!needsCloud(lab) && args.target === 'aws') console.log(`Lab "${lab}" has no AWS stack; its tests run on this machine.`);
  const session = await openCheck(lab, { target, cloud: args.target, context: args.context, log: console.log });
  try {
    if (needsCloud(lab) && args.target === 'aws' && !args.yes) {
      console.log(`The tests send webhooks to your deployed ${lab} stack. Every phone number and e-mail address subscribed to its\n` +
        "topic receives the notifications they trigger (about ten; SMS cost money, see the README's Cost section).");
      if (!(await confirm('Run them against your AWS account?'))) {
        console.log(`Nothing was sent. (Without a terminal to ask in, add --yes.)`);
        return 1;
      }
    }
    console.log(`Running the ${lab} acceptance tests against ${target}/ on ${session.where} …\n`);
    const run = await session.run();
    const file = resultsFile(lab, target);
    writeResults(file, run);
    console.log(`${formatSummary(run)}\n\nResults: ${path.relative(process.cwd(), file)}`);
    if (run.status !== 'pass' && target === 'exercise') console.log(`Stuck? npm run hint -- ${lab}`);
    return run.status === 'pass' ? 0 : 1;
  } finally {
    await session.close();
  }
}

runCli(main);
