/**
 * The notification lab's stack without its publish grant: the acceptance scenario "a signed push sends one SMS"
 * fails locally, and the function's log carries the message AWS would give. The lab's synthesized assembly comes
 * from the kit's cache (synthesized once for all tests).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { labSecrets, stackNameFor } from '../../../infra/lib/labs.ts';
import { labAssembly } from '../../kit/assembly.ts';
import { ensureLocalSecret, LOCAL_PHONE_NUMBER } from '../../kit/local-cloud.ts';
import { smsOutbox } from '../../kit/topic-observers.ts';
import { fixture, sendGithub, uniqueToken } from '../../notification/tests/webhooks.ts';
import { startLocalCloud, type LocalCloud } from '../core/server.ts';
import { deployAssembly } from './client.ts';

const LAB = 'notification';
const STACK = stackNameFor(LAB);
let cloud: LocalCloud;
let tmp: string;
let assembly: string;
let secret: string;
const logs: string[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-grant-'));
  [assembly, cloud] = await Promise.all([
    labAssembly(LAB, 'solution', { phoneNumber: LOCAL_PHONE_NUMBER }),
    startLocalCloud({ port: 0, dataDir: path.join(tmp, 'data') }),
  ]);
  cloud.context.events.subscribe((event) => {
    if (event.type === 'log' && event.service === 'lambda') logs.push(String(event.detail?.text ?? ''));
  });
  await ensureLocalSecret(LAB, cloud.endpoint);
  const ssm = new SSMClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'AKIASTUDENT', secretAccessKey: 'x' } });
  secret = (await ssm.send(new GetParameterCommand({ Name: labSecrets[LAB], WithDecryption: true }))).Parameter!.Value!;
  ssm.destroy();
}, 240_000);
afterAll(async () => {
  await cloud?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The lab's assembly with every `sns:Publish` removed from the stack's IAM policies. */
function withoutPublishGrant(): string {
  const copy = path.join(tmp, 'without-grant');
  fs.cpSync(assembly, copy, { recursive: true });
  const file = path.join(copy, `${STACK}.template.json`);
  const template = JSON.parse(fs.readFileSync(file, 'utf8')) as { Resources: Record<string, { Type: string; Properties: { PolicyDocument?: { Statement: Array<{ Action: string | string[] }> } } }> };
  let removed = 0;
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::IAM::Policy') continue;
    const document = resource.Properties.PolicyDocument!;
    const kept = document.Statement.filter((s) => ![s.Action].flat().includes('sns:Publish'));
    removed += document.Statement.length - kept.length;
    document.Statement = kept;
  }
  expect(removed).toBeGreaterThan(0);
  fs.writeFileSync(file, JSON.stringify(template));
  return copy;
}

const pushWith = (token: string) => {
  const push = fixture('github-push');
  push.head_commit.message = `Grant test ${token}`;
  return JSON.stringify(push);
};

describe('removing a grant from the notification stack', () => {
  it('makes the signed push fail locally with AWS’s AuthorizationError, and the grant makes it pass again', async () => {
    const broken = (await deployAssembly(cloud.endpoint, { assembly: withoutPublishGrant(), stacks: [STACK] })).stacks[0]!;
    const { ApiUrl: apiUrl, TopicArn: topicArn } = broken.outputs;
    const sms = smsOutbox(cloud.endpoint, topicArn!);

    const refused = uniqueToken();
    const answer = await sendGithub(apiUrl!, secret, 'push', pushWith(refused));
    expect(answer.status).not.toBe(200);
    expect(await sms.messagesWith(refused)).toEqual([]);
    expect(logs.join('\n')).toMatch(new RegExp(`is not authorized to perform: SNS:Publish on resource: ${topicArn!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} because no identity-based policy allows the SNS:Publish action`));

    const fixed = (await deployAssembly(cloud.endpoint, { assembly, stacks: [STACK] })).stacks[0]!;
    expect(fixed.changes.replaced).toEqual([]);
    const granted = uniqueToken();
    expect((await sendGithub(apiUrl!, secret, 'push', pushWith(granted))).status).toBe(200);
    expect(await sms.messagesWith(granted)).toHaveLength(1);
  });
});
