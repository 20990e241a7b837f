/** Test fixture: an isolated local cloud with a manual clock and an SDK client pointed at it. */
import { SQSClient, CreateQueueCommand } from '@aws-sdk/client-sqs';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../core/server.ts';
import { manualClock, type ManualClock } from '../core/clock.ts';

export const testCredentials = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local' };

export interface SqsFixture {
  cloud: LocalCloud;
  clock: ManualClock;
  sqs: SQSClient;
  createQueue(name: string, attributes?: Record<string, string>): Promise<string>;
  stop(): Promise<void>;
}

export async function startSqsFixture(options: LocalCloudOptions & { maxAttempts?: number } = {}): Promise<SqsFixture> {
  const clock = manualClock();
  const cloud = await startLocalCloud({ port: 0, clock, ...options });
  const sqs = new SQSClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: testCredentials, maxAttempts: options.maxAttempts ?? 1 });
  return {
    cloud,
    clock,
    sqs,
    async createQueue(name, attributes) {
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
      return QueueUrl!;
    },
    async stop() {
      sqs.destroy();
      await cloud.stop();
    },
  };
}

/** The rejection of a promise, or a failure when it resolves (so a test cannot pass by accident). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number }; Code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { name: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
