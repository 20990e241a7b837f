/** Observations behind the chapter's queue questions, against an isolated local cloud. */
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../localcloud/index.ts';
import { observeFifoGroupBlocking, receiveOneMessageTwice, sendTwiceWithOneDeduplicationId } from './queues.ts';

let cloud: LocalCloud;
let sqs: SQSClient;
beforeAll(async () => {
  // Standard queues deliver duplicates now and then; here every receive leaves a copy behind, so it shows at once.
  cloud = await startLocalCloud({ port: 0, faults: { rules: [{ service: 'sqs', operation: 'ReceiveMessage', resource: 'standard-*', duplicateRate: 1 }] } });
  sqs = new SQSClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
});
afterAll(async () => {
  sqs?.destroy();
  await cloud?.stop();
});

describe('queue observations', () => {
  it('a standard queue may deliver the same message twice', async () => {
    const { first, second } = await receiveOneMessageTwice(sqs);
    expect(first).toHaveLength(1);
    expect(second).toEqual(first);
  });

  it('a FIFO message group blocks while one of its messages is in flight; other groups go on', async () => {
    expect(await observeFifoGroupBlocking(sqs)).toEqual({ first: ['A1'], whileInFlight: ['B1'], afterDelete: ['A2'] });
  });

  it('a FIFO queue drops a resend with the same deduplication id within five minutes', async () => {
    expect(await sendTwiceWithOneDeduplicationId(sqs)).toBe(1);
  });
});
