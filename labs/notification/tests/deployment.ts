/**
 * The notification stack under test, chosen by the environment `npm run check` sets:
 * - `LAB_OUTPUTS=<outputs file>` and `LAB_CLOUD=local`: a stack check.ts deployed into the running local cloud
 *   (`AWS_ENDPOINT_URL`); deliveries are read from the SMS outbox.
 * - `LAB_OUTPUTS=<outputs file>` and `LAB_CLOUD=aws`: the student's stack in AWS; deliveries through a temporary
 *   SQS queue subscribed to the topic.
 * - neither (plain `vitest`, `npm test`): this test file starts its own local cloud on a free port and deploys the
 *   implementation `LAB_TARGET` names (solution by default) into it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { vi } from 'vitest';
import { labSecrets, stackNameFor } from '../../../infra/lib/labs.ts';
import { regionFromEnv } from '../../kit/aws-account.ts';
import { deployLabLocally, ensureLocalCloud } from '../../kit/local-cloud.ts';
import { LOCAL_ENDPOINT, ssmClientFor } from '../../kit/ssm.ts';
import { resolveTarget } from '../../kit/target.ts';
import { smsOutbox, sqsObserver, type DeliveryObserver } from '../../kit/topic-observers.ts';

export interface NotificationStack {
  apiUrl: string;
  secret: string;
  deliveries: DeliveryObserver;
  close(): Promise<void>;
}

const LAB = 'notification';
/** Generous: the first deploy synthesizes the stack (cdk synth with bundling). */
export const DEPLOY_TIMEOUT_MS = 240_000;

function outputsFrom(file: string): Record<string, string> {
  if (!existsSync(file)) throw new Error(`LAB_OUTPUTS names ${file}, which does not exist: deploy the stack first`);
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  const outputs = all[stackNameFor(LAB)];
  if (!outputs?.ApiUrl || !outputs.TopicArn) throw new Error(`${file} has no ApiUrl and TopicArn of stack ${stackNameFor(LAB)}`);
  return outputs;
}

async function readSecret(target: 'local' | 'aws', endpoint?: string): Promise<string> {
  const ssm = ssmClientFor(target, undefined, endpoint);
  try {
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: labSecrets[LAB], WithDecryption: true }));
    if (!Parameter?.Value) throw new Error('empty');
    return Parameter.Value;
  } catch (error) {
    throw new Error(`Could not read the webhook secret ${labSecrets[LAB]} (${(error as Error).message}). Create it with: npm run secret -- ${LAB}${target === 'aws' ? ' --target aws' : ''}`);
  } finally {
    ssm.destroy();
  }
}

export async function notificationStack(): Promise<NotificationStack> {
  const outputsFile = process.env.LAB_OUTPUTS;
  if (outputsFile) {
    const outputs = outputsFrom(outputsFile);
    if (process.env.LAB_CLOUD === 'aws') {
      vi.setConfig({ testTimeout: 60_000 }); // SNS → SQS takes seconds; each test waits for deliveries to settle
      const secret = await readSecret('aws');
      const deliveries = await sqsObserver(outputs.TopicArn, { region: regionFromEnv() });
      return { apiUrl: outputs.ApiUrl, secret, deliveries, close: () => deliveries.close() };
    }
    const endpoint = process.env.AWS_ENDPOINT_URL ?? LOCAL_ENDPOINT;
    return { apiUrl: outputs.ApiUrl, secret: await readSecret('local', endpoint), deliveries: smsOutbox(endpoint, outputs.TopicArn), close: async () => {} };
  }
  const cloud = await ensureLocalCloud({ port: 0, reuse: false });
  try {
    const outputs = await deployLabLocally(LAB, { endpoint: cloud.endpoint, source: resolveTarget() });
    return {
      apiUrl: outputs.ApiUrl,
      secret: await readSecret('local', cloud.endpoint),
      deliveries: smsOutbox(cloud.endpoint, outputs.TopicArn),
      close: () => cloud.stop(),
    };
  } catch (error) {
    await cloud.stop();
    throw error;
  }
}
