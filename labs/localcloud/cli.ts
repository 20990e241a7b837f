/**
 * `npm run cloud [-- --port 4566 --host 127.0.0.1 --seed 1 --faults faults.json]`
 * Starts the local cloud, prints the endpoint and the environment to export, and stops cleanly on Ctrl-C/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DEFAULT_PORT, DEFAULT_REGION, startLocalCloud, type LocalCloudOptions } from './core/server.ts';
import { FaultConfigError, parseFaultConfig } from './faults/config.ts';

export class UsageError extends Error {}

const usage = 'usage: npm run cloud -- [--port N] [--host ADDRESS] [--seed N] [--faults FILE.json]';

export function parseArgs(argv: string[]): LocalCloudOptions {
  const options: LocalCloudOptions = { port: DEFAULT_PORT };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const [name, inline] = flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value\n${usage}`);
      return v;
    };
    const integer = (min: number, max: number) => {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}, got "${v}"`);
      return Number(v);
    };
    switch (name) {
      case '--port':
        options.port = integer(0, 65_535);
        break;
      case '--host':
        options.host = value();
        break;
      case '--seed':
        options.seed = integer(0, 2 ** 32 - 1);
        break;
      case '--faults':
        options.faults = readFaults(value());
        break;
      case '--help':
      case '-h':
        throw new UsageError(usage);
      default:
        throw new UsageError(`unknown option ${flag}\n${usage}`);
    }
  }
  return options;
}

function readFaults(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--faults: cannot read ${file}`);
  }
  try {
    return parseFaultConfig(JSON.parse(text));
  } catch (error) {
    throw new UsageError(`--faults ${file}: ${error instanceof FaultConfigError ? error.message : 'not valid JSON'}`);
  }
}

export function environmentFor(endpoint: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: DEFAULT_REGION,
    AWS_DEFAULT_REGION: DEFAULT_REGION,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  };
}

async function main(): Promise<void> {
  let options: LocalCloudOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  let cloud;
  try {
    cloud = await startLocalCloud(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `port ${options.port} is in use: is the local cloud already running? (try --port)` : `cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const services = (await (await fetch(`${cloud.endpoint}/_localcloud/health`)).json()) as { services: string[] };
  console.log(`local cloud listening on ${cloud.endpoint} (${services.services.join(', ')})`);
  if (options.faults?.rules.length) console.log(`fault injection: ${options.faults.rules.length} rule(s) active`);
  console.log('\nexport these to point AWS SDKs and the AWS CLI at it:');
  for (const [key, value] of Object.entries(environmentFor(cloud.endpoint))) console.log(`  export ${key}=${value}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    await cloud.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
