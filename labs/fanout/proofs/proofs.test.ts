/**
 * Proofs for chapter 3's quiz: each test builds a small topic/queue set-up in an isolated local cloud, observes
 * what SNS and SQS do, and compares the observation with the quiz's keyed answer. Changing a key (or the
 * behaviour) makes the proof fail. The cloud binds to 127.0.0.1 on an ephemeral port and stops by itself.
 */
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import quiz from '../../../docs/quizzes/03-architectures.ts';
import { expectKeyed } from '../../../docs/quizzes/proof.ts';
import { startLocalCloud, type LocalCloud } from '../../localcloud/index.ts';
import type { Order } from '../order.ts';
import { publishOrder } from '../solution/publish.ts';

let cloud: LocalCloud;
let sns: SNSClient;
let sqs: SQSClient;
let counter = 0;

beforeAll(async () => {
  process.env.LOCALCLOUD_QUIET = '1';
  cloud = await startLocalCloud({ port: 0 });
  const settings = { endpoint: cloud.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'proofs', secretAccessKey: 'local' } };
  sns = new SNSClient(settings);
  sqs = new SQSClient(settings);
});
afterAll(async () => {
  sns?.destroy();
  sqs?.destroy();
  await cloud?.stop();
});

const unique = (name: string) => `${name}-${++counter}`;
const order = (amount: number): Order => ({ orderId: unique('order'), customer: 'Ada', amount, items: ['notebook'] });

async function topic(): Promise<string> {
  return (await sns.send(new CreateTopicCommand({ Name: unique('orders') }))).TopicArn!;
}

async function queue(): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('q') }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { url: QueueUrl!, arn: Attributes!.QueueArn! };
}

async function subscribe(topicArn: string, queueArn: string, attributes: Record<string, string> = {}): Promise<void> {
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: attributes }));
}

/** Everything in the queue right now (the local cloud delivers SNS → SQS before Publish answers). */
async function drain(url: string): Promise<string[]> {
  const bodies: string[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, VisibilityTimeout: 60 }));
    if (Messages.length === 0) return bodies;
    bodies.push(...Messages.map((m) => m.Body!));
  }
}

describe('fan-out with SNS and SQS', () => {
  it('a filter policy amount > 100 lets only the 250 order into the fraud queue', async () => {
    const topicArn = await topic();
    const fraud = await queue();
    await subscribe(topicArn, fraud.arn, { RawMessageDelivery: 'true', FilterPolicy: JSON.stringify({ amount: [{ numeric: ['>', 100] }] }) });
    for (const amount of [40, 100, 250]) await publishOrder(sns, topicArn, order(amount));
    const arrived = (await drain(fraud.url)).map((body) => String((JSON.parse(body) as Order).amount));
    expectKeyed(quiz, 'filter-policy-amount', arrived);
  });

  it('a queue that is not subscribed receives none of three published orders', async () => {
    const topicArn = await topic();
    const subscribed = await queue();
    const bystander = await queue();
    await subscribe(topicArn, subscribed.arn);
    for (const amount of [10, 20, 30]) await publishOrder(sns, topicArn, order(amount));
    // The subscribed queue shows that the publishes did go out.
    if ((await drain(subscribed.url)).length !== 3) throw new Error('the subscribed queue should have received all three orders');
    expectKeyed(quiz, 'unsubscribed-queue', (await drain(bystander.url)).length);
  });

  it('a queue subscribed after a publish does not receive that earlier message', async () => {
    const topicArn = await topic();
    const late = await queue();
    const early = order(70);
    await publishOrder(sns, topicArn, early);
    await subscribe(topicArn, late.arn, { RawMessageDelivery: 'true' });
    const next = order(80);
    await publishOrder(sns, topicArn, next);
    const ids = (await drain(late.url)).map((body) => (JSON.parse(body) as Order).orderId);
    const observed = ids.includes(early.orderId) ? 'delivered-late' : ids.includes(next.orderId) ? 'only-later' : 'nothing';
    expectKeyed(quiz, 'late-subscriber', observed);
  });

  it('without raw delivery the queue gets the SNS envelope with the order as a string in Message', async () => {
    const topicArn = await topic();
    const enveloped = await queue();
    await subscribe(topicArn, enveloped.arn);
    const sent = order(55);
    await publishOrder(sns, topicArn, sent);
    const [body] = await drain(enveloped.url);
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const observed =
      parsed.Type === 'Notification' && typeof parsed.Message === 'string' && (JSON.parse(parsed.Message) as Order).orderId === sent.orderId
        ? 'envelope'
        : (parsed as unknown as Order).orderId === sent.orderId
          ? 'bare'
          : 'other';
    expectKeyed(quiz, 'raw-delivery-off', observed);
  });

  it('one publish to a topic with three subscribed queues leaves one copy in each: three messages', async () => {
    const topicArn = await topic();
    const queues = [await queue(), await queue(), await queue()];
    for (const q of queues) await subscribe(topicArn, q.arn);
    await publishOrder(sns, topicArn, order(99));
    const copies = (await Promise.all(queues.map((q) => drain(q.url)))).reduce((sum, bodies) => sum + bodies.length, 0);
    expectKeyed(quiz, 'fanout-copies', copies);
  });

  it('two consumers polling one queue: a message goes to one of them, not to both', async () => {
    const shared = await queue();
    const topicArn = await topic();
    await subscribe(topicArn, shared.arn);
    await publishOrder(sns, topicArn, order(12));
    const receive = async () => (await sqs.send(new ReceiveMessageCommand({ QueueUrl: shared.url, MaxNumberOfMessages: 10, VisibilityTimeout: 60 }))).Messages ?? [];
    const [first, second] = [await receive(), await receive()];
    expectKeyed(quiz, 'competing-consumers', [first, second].filter((got) => got.length > 0).length);
  });
});
