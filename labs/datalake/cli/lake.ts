/**
 * `npm run lake -- <command>`: the datalake client for students.
 *   login --username <name> [--password <pw>]   sign in (USER_PASSWORD_AUTH); password also from LAKE_PASSWORD
 *   put <file> [--name <dataset>] [--type <content-type>]
 *   get <dataset> [--out <file>]                 without --out the bytes go to stdout
 *   ls [--limit <n>]                             every page, or one page of n
 *   rm <dataset>
 * Every command takes --target local|aws (default local: the local cloud at AWS_ENDPOINT_URL or 127.0.0.1:4566).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LakeApiError, LakeClient } from './client.ts';
import { cognitoClient, signIn } from './cognito.ts';
import { loadToken, readOutputs, saveToken, type LakeTarget } from './session.ts';

const USAGE = 'Usage: npm run lake -- login --username <name> | put <file> [--name n] [--type t] | get <name> [--out file] | ls [--limit n] | rm <name>  [--target local|aws]';

const contentTypes: Record<string, string> = { '.json': 'application/json', '.csv': 'text/csv', '.txt': 'text/plain', '.parquet': 'application/vnd.apache.parquet' };

function targetOf(value: string | undefined): LakeTarget {
  if (value === undefined || value === 'local' || value === 'aws') return value ?? 'local';
  throw new Error(`--target must be local or aws, got "${value}"`);
}

const localEndpoint = (target: LakeTarget) => (target === 'local' ? (process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566') : undefined);

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      type: { type: 'string' },
      out: { type: 'string' },
      limit: { type: 'string' },
    },
  });
  const [command, argument] = positionals;
  const target = targetOf(values.target);
  const outputs = readOutputs(target);

  if (command === 'login') {
    const password = values.password ?? process.env.LAKE_PASSWORD;
    if (!values.username || !password) throw new Error('login needs --username and --password (or LAKE_PASSWORD)');
    const cognito = cognitoClient(localEndpoint(target));
    try {
      const tokens = await signIn(cognito, outputs.UserPoolClientId, values.username, password);
      const file = saveToken(target, { username: values.username, accessToken: tokens.accessToken, expiresAt: tokens.expiresAt });
      console.log(`Signed in as ${values.username} until ${tokens.expiresAt} (token in ${path.relative(process.cwd(), file)})`);
    } finally {
      cognito.destroy();
    }
    return;
  }

  const lake = new LakeClient(outputs.ApiUrl, loadToken(target).accessToken);
  if (command === 'put') {
    if (!argument) throw new Error('put needs a file: npm run lake -- put data.csv');
    const name = values.name ?? path.basename(argument);
    const type = values.type ?? contentTypes[path.extname(argument).toLowerCase()] ?? 'application/octet-stream';
    const info = await lake.put(name, readFileSync(argument), type);
    console.log(`Stored ${info.name}: ${info.size} bytes, ${info.contentType}, ${info.updatedAt}`);
  } else if (command === 'get') {
    if (!argument) throw new Error('get needs a dataset name');
    const { data } = await lake.get(argument);
    if (values.out) {
      writeFileSync(values.out, data);
      console.log(`Wrote ${data.length} bytes to ${values.out}`);
    } else process.stdout.write(data);
  } else if (command === 'ls') {
    const datasets = values.limit ? (await lake.list({ limit: Number(values.limit) })).datasets : await lake.listAll();
    for (const d of datasets) console.log(`${d.updatedAt}  ${String(d.size).padStart(10)}  ${d.contentType.padEnd(28)}  ${d.name}`);
    if (datasets.length === 0) console.log('(no datasets)');
  } else if (command === 'rm') {
    if (!argument) throw new Error('rm needs a dataset name');
    await lake.remove(argument);
    console.log(`Deleted ${argument}`);
  } else {
    throw new Error(command ? `Unknown command "${command}". ${USAGE}` : USAGE);
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  const message = error instanceof LakeApiError ? `The API answered ${error.message}` : error.message;
  console.error(message);
  process.exitCode = 1;
});
