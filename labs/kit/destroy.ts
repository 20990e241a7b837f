/** `npm run destroy -- <lab>`: remove a lab's stack from the student's account, and its outputs file. */
import fs from 'node:fs';
import { GUARDRAIL, stackNameFor } from '../../infra/lib/labs.ts';
import { whoAmI } from './aws-account.ts';
import { awsEnv, runCdk } from './cdk.ts';
import { parseKitArgs, requireLab, runCli } from './cli.ts';
import { outputsFile } from './paths.ts';

async function main(): Promise<number> {
  const lab = requireLab(parseKitArgs(process.argv.slice(2)).lab, [GUARDRAIL]);
  const stack = stackNameFor(lab);
  const { account, region } = await whoAmI();
  console.log(`Destroying ${stack} in ${account}/${region} …`);
  const code = await runCdk(['destroy', stack, '--force'], awsEnv(region));
  if (code !== 0) throw new Error(`cdk destroy failed (exit ${code}). Check with: npm run leftovers`);
  fs.rmSync(outputsFile(lab, 'aws'), { force: true });
  console.log('Done. Check that nothing is left with: npm run leftovers');
  return 0;
}

runCli(main);
