/**
 * `npm run deploy -- <lab> [-c key=value] [--solution] [--yes]`: deploy a lab's stack to the student's own account,
 * after showing account, region and the lab's cost, and bootstrapping CDK once if needed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { deployableStacks, GUARDRAIL, stackNameFor } from '../../infra/lib/labs.ts';
import { whoAmI } from './aws-account.ts';
import { awsEnv, contextArgs, runCdk } from './cdk.ts';
import { confirm, parseKitArgs, requireLab, runCli, UsageError } from './cli.ts';
import { costSection } from './cost.ts';
import { outputsFile } from './paths.ts';

/** Deployed stacks may be removed after this many days (the `expires-at` tag; `npm run leftovers` shows it). */
const LIFETIME_DAYS = 7;

async function isBootstrapped(region: string): Promise<boolean> {
  const ssm = new SSMClient({ region, endpoint: `https://ssm.${region}.amazonaws.com` });
  try {
    await ssm.send(new GetParameterCommand({ Name: '/cdk-bootstrap/hnb659fds/version' }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ParameterNotFound') return false;
    throw error;
  }
}

async function ensureBootstrapped(account: string, region: string, yes: boolean): Promise<void> {
  if (await isBootstrapped(region)) return;
  console.log(`
CDK has not been bootstrapped in ${account}/${region} yet. Bootstrapping creates the stack "CDKToolkit" once per
account and region: an S3 bucket for function code, an ECR repository and the roles CDK deploys with. It costs a few
cents a month at most (S3 storage of uploaded bundles).`);
  if (!yes && !(await confirm('Bootstrap now?'))) throw new Error('Not bootstrapped; nothing was deployed.');
  const code = await runCdk(['bootstrap', `aws://${account}/${region}`], awsEnv(region));
  if (code !== 0) throw new Error(`cdk bootstrap failed (exit ${code}); see the messages above.`);
}

async function main(): Promise<number> {
  const args = parseKitArgs(process.argv.slice(2));
  const lab = requireLab(args.lab, [GUARDRAIL]);
  if (!(lab in deployableStacks)) throw new UsageError(`Lab "${lab}" runs locally only; it has no AWS stack.`);
  const stack = stackNameFor(lab);
  const { account, arn, region } = await whoAmI();

  console.log(`\nDeploying ${stack} (lab ${lab}, ${args.solution ? 'reference solution' : 'your exercise'})`);
  console.log(`  account ${account}  (${arn})\n  region  ${region}\n\nCost:\n${costSection(lab)}\n`);
  if (!args.yes && !(await confirm('Deploy to this account?'))) {
    console.log('Nothing deployed.');
    return 0;
  }
  await ensureBootstrapped(account, region, args.yes);

  const expiresAt = new Date(Date.now() + LIFETIME_DAYS * 86_400_000).toISOString().slice(0, 10);
  const context = { owner: os.userInfo().username, expiresAt, ...args.context, labSource: args.solution ? 'solution' : 'exercise' };
  const outputs = outputsFile(lab, 'aws');
  fs.mkdirSync(path.dirname(outputs), { recursive: true });
  const code = await runCdk(
    ['deploy', stack, ...contextArgs(context), '--outputs-file', outputs, '--require-approval', 'never'],
    awsEnv(region),
  );
  if (code !== 0) throw new Error(`cdk deploy failed (exit ${code}); see the messages above. Remove what is left with: npm run destroy -- ${lab}`);
  console.log(`\nOutputs written to ${path.relative(process.cwd(), outputs)}. Remove everything with: npm run destroy -- ${lab}`);
  return 0;
}

runCli(main);
