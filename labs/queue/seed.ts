/**
 * `npm run seed -- queue --event <id> --tickets <n> [--target local|aws]`: creates a ticketed event in the queue
 * lab's stack (or resets it to n remaining). The table name comes from the stack outputs that
 * `npm run deploy:local -- queue` (local) or `npm run deploy -- queue` (aws) wrote.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { stackNameFor } from '../../infra/lib/labs.ts';
import { regionFromEnv } from '../kit/aws-account.ts';
import { runCli, UsageError } from '../kit/cli.ts';
import { outputsFile } from '../kit/paths.ts';
import { LOCAL_ENDPOINT } from '../kit/ssm.ts';
import { isEventId } from './app/contracts.ts';
import { putEvent } from './app/tables.ts';

export const USAGE = 'npm run seed -- queue --event <id> --tickets <n> [--target local|aws]';
const MAX_TICKETS = 1_000_000;

export interface SeedArgs {
  eventId: string;
  tickets: number;
  target: 'local' | 'aws';
}

export function parseSeedArgs(argv: string[]): SeedArgs {
  const [lab, ...rest] = argv;
  if (lab !== 'queue') throw new UsageError(`Only the queue lab has events to seed. Usage: ${USAGE}`);
  const values: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (!['--event', '--tickets', '--target'].includes(flag)) throw new UsageError(`Unknown argument "${flag}". Usage: ${USAGE}`);
    const value = rest[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value. Usage: ${USAGE}`);
    values[flag.slice(2)] = value;
  }
  if (!values.event) throw new UsageError(`Name the event with --event <id>. Usage: ${USAGE}`);
  if (!isEventId(values.event)) throw new UsageError(`--event must be 1 to 64 letters, digits, "-" or "_", got "${values.event}"`);
  const tickets = Number(values.tickets);
  if (values.tickets === undefined || !Number.isInteger(tickets) || tickets < 0 || tickets > MAX_TICKETS) {
    throw new UsageError(`--tickets must be a whole number from 0 to ${MAX_TICKETS}, got "${values.tickets ?? ''}"`);
  }
  const target = values.target ?? 'local';
  if (target !== 'local' && target !== 'aws') throw new UsageError(`--target must be "local" or "aws", got "${target}"`);
  return { eventId: values.event, tickets, target };
}

/** The Events table of the deployed stack, from its outputs file. */
export function eventsTableFrom(file: string, target: 'local' | 'aws'): string {
  const deploy = target === 'local' ? 'npm run deploy:local -- queue' : 'npm run deploy -- queue';
  if (!existsSync(file)) throw new UsageError(`No outputs of the queue stack in ${file}: deploy it first with ${deploy}`);
  const table = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>)[stackNameFor('queue')]?.EventsTable;
  if (!table) throw new UsageError(`${file} has no EventsTable output of ${stackNameFor('queue')}: deploy it again with ${deploy}`);
  return table;
}

export async function seed(args: SeedArgs, file = outputsFile('queue', args.target)): Promise<string> {
  const table = eventsTableFrom(file, args.target);
  const db =
    args.target === 'local'
      ? new DynamoDBClient({ region: regionFromEnv(), endpoint: process.env.AWS_ENDPOINT_URL ?? LOCAL_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })
      : new DynamoDBClient({ region: regionFromEnv() });
  try {
    await putEvent(db, { events: table, orders: '' }, args.eventId, args.tickets);
  } catch (error) {
    throw new Error(`Could not write event "${args.eventId}" to ${table} (${args.target}): ${(error as Error).message}`);
  } finally {
    db.destroy();
  }
  return `Event ${args.eventId}: ${args.tickets} tickets (${args.target}, table ${table})`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCli(async () => console.log(await seed(parseSeedArgs(process.argv.slice(2)))));
}
