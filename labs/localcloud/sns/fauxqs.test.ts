/**
 * A second opinion: the same SNS→SQS scenarios against this local cloud and `fauxqs` 1.9.2, compared as the
 * SDK sees them. Where the two disagree, AWS's documentation decides; the README's differences table records it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import { startLocalCloud, type LocalCloud } from '../core/server.ts';
import { clientsFor, scenarios, type Clients } from './fauxqs-scenarios.ts';

let cloud: LocalCloud;
let faux: FauxqsServer;
let local: Clients;
let other: Clients;

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0 });
  faux = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  local = clientsFor(cloud.endpoint);
  other = clientsFor(`http://127.0.0.1:${faux.port}`);
});

afterAll(async () => {
  for (const c of [local, other]) {
    c?.sns.destroy();
    c?.sqs.destroy();
  }
  await cloud?.stop();
  await faux?.stop();
});

/** Scenarios where fauxqs deviates from AWS: what AWS documents (and this cloud does), and what fauxqs 1.9.2 does. */
const knownDifferences: Record<string, { aws: unknown; fauxqs: unknown }> = {
  // AWS Publish API reference: with MessageStructure=json, each protocol gets its own key's value (`sqs`), else `default`.
  'MessageStructure json': { aws: ['queues'], fauxqs: ['{"default":"everyone","sqs":"queues"}'] },
  // AWS API reference: topic names are 1–256 of [A-Za-z0-9_-]; PublishBatch takes at most 10 entries with distinct ids.
  'error names': {
    aws: {
      missingTopic: { name: 'NotFoundException', status: 404 },
      badTopicName: { name: 'InvalidParameterException', status: 400 },
      fifoWithoutGroup: { name: 'InvalidParameterException', status: 400 },
      tooManyBatchEntries: { name: 'TooManyEntriesInBatchRequestException', status: 400 },
      duplicateBatchIds: { name: 'BatchEntryIdsNotDistinctException', status: 400 },
      emptyMessage: { name: 'InvalidParameterException', status: 400 },
    },
    fauxqs: {
      missingTopic: { name: 'NotFoundException', status: 404 },
      badTopicName: 'no error',
      fifoWithoutGroup: { name: 'InvalidParameterException', status: 400 },
      tooManyBatchEntries: 'no error',
      duplicateBatchIds: 'no error',
      emptyMessage: { name: 'InvalidParameterException', status: 400 },
    },
  },
};

describe('SNS→SQS: local cloud and fauxqs agree', () => {
  for (const [name, run] of Object.entries(scenarios)) {
    if (name in knownDifferences) continue;
    it(name, async () => {
      const [mine, theirs] = [await run(local), await run(other)];
      expect(mine).toEqual(theirs);
    });
  }
});

describe('SNS→SQS: documented differences (AWS decides)', () => {
  for (const [name, expected] of Object.entries(knownDifferences)) {
    it(name, async () => {
      expect(await scenarios[name](local)).toEqual(expected.aws);
      expect(await scenarios[name](other)).toEqual(expected.fauxqs);
    });
  }
});
