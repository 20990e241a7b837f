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

const error = (name: string, code: string, status: number, message: string) => ({ error: name, code, status, message });

/** Scenarios where fauxqs deviates from AWS: what AWS documents (and this cloud does), and what fauxqs 1.9.2 does. */
const knownDifferences: Record<string, { aws: unknown; fauxqs: unknown }> = {
  // AWS Publish API reference: with MessageStructure=json, each protocol gets its own key's value (`sqs`), else `default`.
  'MessageStructure json': { aws: ['queues'], fauxqs: ['{"default":"everyone","sqs":"queues"}'] },
  // AWS API reference: topic names are 1–256 of [A-Za-z0-9_-]; PublishBatch takes at most 10 entries with distinct ids.
  // Message texts as AWS answers them (LocalStack's parity snapshots, recorded against AWS).
  'error names': {
    aws: {
      missingTopic: error('NotFoundException', 'NotFound', 404, 'Topic does not exist'),
      badTopicName: error('InvalidParameterException', 'InvalidParameter', 400, 'Invalid parameter: Topic Name'),
      fifoWithoutGroup: error('InvalidParameterException', 'InvalidParameter', 400, 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics'),
      tooManyBatchEntries: error('TooManyEntriesInBatchRequestException', 'TooManyEntriesInBatchRequest', 400, 'The batch request contains more entries than permissible.'),
      duplicateBatchIds: error('BatchEntryIdsNotDistinctException', 'BatchEntryIdsNotDistinct', 400, 'Two or more batch entries in the request have the same Id.'),
      emptyMessage: error('InvalidParameterException', 'InvalidParameter', 400, 'Invalid parameter: Empty message'),
    },
    fauxqs: {
      missingTopic: error('NotFoundException', 'NotFound', 404, 'Topic does not exist'),
      badTopicName: 'ok',
      fifoWithoutGroup: error('InvalidParameterException', 'InvalidParameter', 400, 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics.'),
      tooManyBatchEntries: 'ok',
      duplicateBatchIds: 'ok',
      emptyMessage: error('InvalidParameterException', 'InvalidParameter', 400, 'Message is required'),
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
