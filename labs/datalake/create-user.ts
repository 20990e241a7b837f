/**
 * Creates a test user in the lab's user pool (self sign-up is off):
 *   npx tsx labs/datalake/create-user.ts --username alice [--password <pw>] [--target local|aws]
 * Without --password a strong one is generated and printed once.
 */
import { parseArgs } from 'node:util';
import { cognitoClient, createUser, newPassword } from './cli/cognito.ts';
import { readOutputs } from './cli/session.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { username: { type: 'string' }, password: { type: 'string' }, target: { type: 'string' } } });
  const target = values.target ?? 'local';
  if (target !== 'local' && target !== 'aws') throw new Error(`--target must be local or aws, got "${target}"`);
  if (!values.username || !/^[A-Za-z0-9._-]{1,64}$/.test(values.username)) throw new Error('--username is required: 1 to 64 letters, digits, ".", "_" or "-"');
  const outputs = readOutputs(target);
  const password = values.password ?? newPassword();
  const cognito = cognitoClient(target === 'local' ? (process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566') : undefined);
  try {
    await createUser(cognito, outputs.UserPoolId, values.username, password);
  } finally {
    cognito.destroy();
  }
  console.log(`Created ${values.username} in ${outputs.UserPoolId}.`);
  if (!values.password) console.log(`Password (shown once): ${password}`);
  console.log(`Sign in: npm run lake -- login --username ${values.username}${target === 'aws' ? ' --target aws' : ''} --password '<password>'`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
