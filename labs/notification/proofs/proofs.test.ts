/**
 * Proofs for chapter 5's quiz: each test observes a behaviour of the local cloud or of the lab's webhook function,
 * turns the observation into an answer and compares it with the quiz's keyed answer. Changing a key (or the
 * behaviour) makes the proof fail. Everything binds to 127.0.0.1 on an ephemeral port and stops by itself.
 */
import { createHmac, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import quiz from '../../../docs/quizzes/05-serverless.ts';
import { expectKeyed } from '../../../docs/quizzes/proof.ts';
import { startLocalCloud, type LocalCloud } from '../../localcloud/index.ts';
import { lambdaApi, type LambdaInternalApi } from '../../localcloud/lambda/api.ts';
import { deliveryLog } from '../solution/deliveries.ts';
import { verifier } from '../solution/verify.ts';
import type { DeliveryLog } from '../webhook/contracts.ts';
import { createWebhookHandler } from '../webhook/handler.ts';
import { fitOneSegment, septetLength } from '../webhook/sms.ts';

const counterFixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'counter');
const credentials = { accessKeyId: 'AKIDPROOFS', secretAccessKey: 'local' };
const region = 'eu-central-1';
const SECRET = 'proof-secret';
const PHONE = '+436641234567';

let cloud: LocalCloud;
let lambda: LambdaInternalApi;

beforeAll(async () => {
  process.env.LOCALCLOUD_QUIET = '1';
  cloud = await startLocalCloud({ port: 0 });
  lambda = lambdaApi(cloud.context.registry);
});
afterAll(async () => {
  await cloud?.stop();
});

/** Invokes synchronously and returns the counter the fixture kept in its module scope. */
async function countOf(functionName: string, event: unknown = {}): Promise<number> {
  const result = await lambda.invoke(functionName, event);
  expect(result.functionError, result.payload).toBeUndefined();
  return (JSON.parse(result.payload) as { invocations: number }).invocations;
}

describe('Lambda execution environments', () => {
  it('module scope survives warm invocations and a new environment starts from scratch', async () => {
    await lambda.createFunction({ name: 'counter-warm', runtime: 'nodejs24.x', handler: 'index.handler', codeDir: counterFixture });
    const first = await countOf('counter-warm'); // cold start: INIT runs the module once
    const second = await countOf('counter-warm'); // warm start: same environment, same module scope
    // New configuration retires every environment; the next event starts cold with fresh module scope.
    await lambda.updateFunctionConfiguration('counter-warm', { environment: { GENERATION: '2' } });
    const afterRestart = await countOf('counter-warm');
    expect(first).toBe(1);
    expect(afterRestart).toBe(1);
    expectKeyed(quiz, 'warm-module-scope', second);
  });

  it('two simultaneous events run in two environments', async () => {
    await lambda.createFunction({ name: 'counter-parallel', runtime: 'nodejs24.x', handler: 'index.handler', codeDir: counterFixture });
    const counts = await Promise.all([countOf('counter-parallel', { holdMs: 300 }), countOf('counter-parallel', { holdMs: 300 })]);
    const observed = counts.join(',') === '1,1' ? 'two-environments' : counts.sort().join(',') === '1,2' ? 'queued' : `unexpected ${counts.join(',')}`;
    expectKeyed(quiz, 'concurrent-events', observed);
  });
});

/** A signed GitHub push as API Gateway (payload format 2.0) hands it to the function. */
function githubPush(deliveryId: string, signature: (body: string) => string | undefined): APIGatewayProxyEventV2 {
  const body = JSON.stringify({
    ref: 'refs/heads/main',
    repository: { full_name: 'course/demo' },
    pusher: { name: 'ada' },
    commits: [{}],
    head_commit: { message: 'Fix the flaky test' },
  });
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': deliveryId };
  const sig = signature(body);
  if (sig !== undefined) headers['x-hub-signature-256'] = sig;
  return { rawPath: '/webhooks/github', headers, body, isBase64Encoded: false } as unknown as APIGatewayProxyEventV2;
}

const hmac = (secret: string) => (body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Deliveries that remember nothing, for the tests that are not about redelivery. */
const forgetfulDeliveries: DeliveryLog = { claim: async () => true, complete: async () => {}, release: async () => {} };

describe('webhook authentication', () => {
  it('an unsigned or wrongly signed webhook is refused', async () => {
    let published = 0;
    const handler = createWebhookHandler({
      verifier,
      deliveries: forgetfulDeliveries,
      secret: async () => SECRET,
      publish: async () => `message-${++published}`,
      log: () => {},
    });
    const signed = await handler(githubPush(randomUUID(), hmac(SECRET)));
    const unsigned = await handler(githubPush(randomUUID(), () => undefined));
    const wrongKey = await handler(githubPush(randomUUID(), hmac('guessed-secret')));
    // The control: a genuine webhook gets through, so the refusals are about the signature alone.
    expect(signed.statusCode).toBe(200);
    expect(published).toBe(1);
    const observed = unsigned.statusCode === wrongKey.statusCode ? String(unsigned.statusCode) : `${unsigned.statusCode}/${wrongKey.statusCode}`;
    expectKeyed(quiz, 'unsigned-webhook', observed);
  });
});

describe('at-least-once delivery', () => {
  it('a redelivery sends no second SMS', async () => {
    const dynamodb = new DynamoDBClient({ endpoint: cloud.endpoint, region, credentials, maxAttempts: 1 });
    const sns = new SNSClient({ endpoint: cloud.endpoint, region, credentials, maxAttempts: 1 });
    try {
      await dynamodb.send(
        new CreateTableCommand({
          TableName: 'proof-deliveries',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'deliveryId', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'deliveryId', KeyType: 'HASH' }],
        }),
      );
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'proof-notifications' }));
      await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sms', Endpoint: PHONE }));

      const handler = createWebhookHandler({
        verifier,
        deliveries: deliveryLog(dynamodb, 'proof-deliveries'),
        secret: async () => SECRET,
        publish: async (message, subject) => (await sns.send(new PublishCommand({ TopicArn, Message: message, Subject: subject }))).MessageId ?? '',
        log: () => {},
      });
      const smsCount = async () => {
        const outbox = (await (await fetch(`${cloud.endpoint}/_aws/sns/sms-messages?phoneNumber=${encodeURIComponent(PHONE)}`)).json()) as {
          sms_messages: Record<string, unknown[]>;
        };
        return outbox.sms_messages[PHONE]?.length ?? 0;
      };

      const deliveryId = randomUUID();
      const first = await handler(githubPush(deliveryId, hmac(SECRET)));
      const again = await handler(githubPush(deliveryId, hmac(SECRET))); // e.g. "Redeliver" in GitHub's Recent Deliveries
      expect(first.statusCode).toBe(200);
      expect(again.statusCode).toBe(200);
      const observed = await smsCount();
      // The control: another delivery id is news again, so the outbox does count every SMS.
      await handler(githubPush(randomUUID(), hmac(SECRET)));
      expect(await smsCount()).toBe(observed + 1);
      expectKeyed(quiz, 'redelivery-sms', observed);
    } finally {
      dynamodb.destroy();
      sns.destroy();
    }
  });
});

describe('SMS segments', () => {
  it('one segment holds this many GSM-7 characters', () => {
    // The longest plain text the lab's function sends unchanged; one character more and it is cut with "...".
    let longestUnchanged = 0;
    for (let n = 1; n <= 400; n++) {
      const text = 'x'.repeat(n);
      if (fitOneSegment(text) === text) longestUnchanged = n;
    }
    // The cut text still fits: what is sent never needs a second segment.
    expect(septetLength(fitOneSegment('x'.repeat(400)))).toBeLessThanOrEqual(longestUnchanged);
    expectKeyed(quiz, 'segment-gsm7', longestUnchanged);
  });
});
