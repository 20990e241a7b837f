/**
 * `npm run secret -- <lab> [--target local|aws]`: create the lab's shared secret as an SSM SecureString and print it
 * once, to paste into the GitHub/GitLab webhook settings. The secret never enters a template or the repository.
 */
import { labSecrets } from '../../infra/lib/labs.ts';
import { whoAmI } from './aws-account.ts';
import { LOCAL_ENDPOINT, putLabSecret, ssmClientFor } from './ssm.ts';
import { parseKitArgs, requireLab, runCli, UsageError } from './cli.ts';

async function main(): Promise<number> {
  const args = parseKitArgs(process.argv.slice(2));
  const lab = requireLab(args.lab);
  const name = labSecrets[lab];
  if (!name) throw new UsageError(`Lab "${lab}" needs no secret. Labs with a secret: ${Object.keys(labSecrets).join(', ')}`);
  if (args.target === 'aws') await whoAmI();
  try {
    const value = await putLabSecret(ssmClientFor(args.target), name);
    console.log(`Stored ${name} (SecureString) in ${args.target === 'aws' ? 'your AWS account' : 'the local cloud'}.`);
    console.log(`\nWebhook secret (paste it into the webhook settings; it is not shown again):\n\n  ${value}\n`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(args.target === 'local' ? `Could not reach the local cloud at ${LOCAL_ENDPOINT} (${reason}). Start it with: npm run cloud` : `Could not store the secret: ${reason}`);
  }
  return 0;
}

runCli(main);
