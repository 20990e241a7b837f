import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../localcloud/index.ts';
import { readEvent } from './app/tables.ts';
import { createTable, localDynamo } from './harness/local-tables.ts';
import { parseSeedArgs, seed } from './seed.ts';

describe('seed arguments', () => {
  it('reads event, tickets and target', () => {
    expect(parseSeedArgs(['queue', '--event', 'rock-1', '--tickets', '500'])).toEqual({ eventId: 'rock-1', tickets: 500, target: 'local' });
    expect(parseSeedArgs(['queue', '--event', 'x', '--tickets', '0', '--target', 'aws']).target).toBe('aws');
  });

  it.each([
    [['fanout', '--event', 'x', '--tickets', '1'], /Only the queue lab/],
    [['queue', '--tickets', '1'], /Name the event with --event/],
    [['queue', '--event', 'a b', '--tickets', '1'], /--event must be 1 to 64 letters/],
    [['queue', '--event', 'x', '--tickets', '-3'], /--tickets must be a whole number/],
    [['queue', '--event', 'x'], /--tickets must be a whole number/],
    [['queue', '--event', 'x', '--tickets', '1', '--target', 'moon'], /--target must be "local" or "aws"/],
    [['queue', '--event', 'x', '--tickets', '1', '--colour', 'red'], /Unknown argument "--colour"/],
    [['queue', '--event'], /--event needs a value/],
  ])('refuses %j with a sentence naming the problem', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(message);
  });
});

describe('seed', () => {
  let cloud: LocalCloud;
  const before = process.env.AWS_ENDPOINT_URL;
  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0 });
    process.env.AWS_ENDPOINT_URL = cloud.endpoint;
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = before;
    await cloud?.stop();
  });

  it('creates the event in the table the outputs name, and resets it when run again', async () => {
    const db = localDynamo(cloud.endpoint);
    const table = await createTable(db, 'eventId');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'seed-')), 'local.json');
    writeFileSync(file, JSON.stringify({ CcvsQueue: { EventsTable: table } }));
    expect(await seed({ eventId: 'rock', tickets: 7, target: 'local' }, file)).toMatch(/Event rock: 7 tickets/);
    await seed({ eventId: 'rock', tickets: 9, target: 'local' }, file);
    expect(await readEvent(db, { events: table, orders: '' }, 'rock')).toEqual({ eventId: 'rock', tickets: 9, remaining: 9 });
    db.destroy();
  });

  it('says to deploy first when there are no outputs', async () => {
    await expect(seed({ eventId: 'rock', tickets: 1, target: 'local' }, '/nonexistent/local.json')).rejects.toThrow(/deploy it first with npm run deploy:local -- queue/);
  });
});
