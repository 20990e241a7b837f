/**
 * Second opinion: the deterministic scenarios run against this local cloud and against fauxqs@1.9.2. Where both agree
 * the test requires agreement; where they differ, the README's differences table records which behaviour AWS
 * documents, and this test pins our side to it (and fails if the difference disappears, so the table stays true).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import { startLocalCloud, type LocalCloud } from '../core/server.ts';
import { scenarios, type Observation } from './scenarios.ts';
import { testCredentials } from './testing.ts';

/** Our observation in each scenario where fauxqs differs, as AWS documents it. */
const documentedDifferences: Record<string, Observation> = {
  'send and receive with attributes': { body: 'hello ü 🚀' }, // characters #x10000–#x10FFFF are allowed
  'default attributes of a new queue': { SqsManagedSseEnabled: 'true' }, // SSE-SQS is on by default for new queues
  'FIFO order and deduplication by id': ['1', '2', '3'], // one receive returns as many messages of a group as possible
  'FIFO content-based deduplication': ['x', 'y'],
  'FIFO without MessageGroupId': { error: 'MissingParameter', code: 'MissingParameter' },
  'FIFO with per-message delay': { error: 'InvalidParameterValue', code: 'InvalidParameterValue' },
  'batch with a failing entry': { failed: [{ Code: 'InvalidMessageContents', Message: expect.stringContaining('#x10000 to #x10FFFF') }] },
  'batch of eleven': { message: 'Maximum number of entries per request are 10. You have sent 11.' },
  'invalid characters': { error: 'InvalidMessageContents', code: 'InvalidMessageContents' },
  'message one byte too large': { error: 'InvalidParameterValue', code: 'InvalidParameterValue' },
  'invalid receipt handle': [{ error: 'ReceiptHandleIsInvalid' }, { error: 'ReceiptHandleIsInvalid' }],
  'list queues with prefix and pages': [2, 1, true],
  'dead-letter queue after maxReceiveCount': { first: 1, second: 0, dead: ['poison'], sources: ['fsrc'] },
  'same name, different attributes': { error: 'QueueNameExists', code: 'QueueAlreadyExists' },
  'unknown queue attribute': { error: 'InvalidAttributeName', message: 'Unknown Attribute Colour.' },
  'MaxNumberOfMessages 11': { message: 'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.' },
  'purge twice within 60 s': { error: 'PurgeQueueInProgress', status: 403 },
  'FIFO queue name without .fifo': { error: 'InvalidParameterValue', code: 'InvalidParameterValue' },
};

let cloud: LocalCloud;
let fauxqs: FauxqsServer;
let ours: SQSClient;
let theirs: SQSClient;
const client = (endpoint: string) => new SQSClient({ endpoint, region: 'eu-central-1', credentials: testCredentials, maxAttempts: 1 });

beforeAll(async () => {
  [cloud, fauxqs] = await Promise.all([startLocalCloud({ port: 0 }), startFauxqs({ port: 0, host: '127.0.0.1', logger: false })]);
  ours = client(cloud.endpoint);
  theirs = client(`http://127.0.0.1:${fauxqs.port}`);
});
afterAll(async () => {
  ours.destroy();
  theirs.destroy();
  await Promise.all([cloud.stop(), fauxqs.stop()]);
});

const observe = (sqs: SQSClient, run: (typeof scenarios)[string]) => run(sqs, 'f').catch((error: Error) => ({ threw: `${error.name}: ${error.message}` }));

describe('local cloud vs fauxqs', () => {
  for (const [name, run] of Object.entries(scenarios)) {
    const documented = documentedDifferences[name];
    it(documented === undefined ? `agrees: ${name}` : `differs as documented: ${name}`, async () => {
      const [a, b] = [await observe(ours, run), await observe(theirs, run)];
      if (documented === undefined) expect(a).toEqual(b);
      else {
        expect(a).not.toEqual(b);
        expect(a).toMatchObject(documented as object);
      }
    });
  }
});
