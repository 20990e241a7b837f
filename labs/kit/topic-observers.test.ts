/** Both ways of observing a topic, against the local cloud (which speaks the SNS and SQS wire protocols). */
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalCloud, LOCAL_PHONE_NUMBER, type CloudHandle } from './local-cloud.ts';
import { smsOutbox, sqsObserver, type ClientSettings } from './topic-observers.ts';

let cloud: CloudHandle;
let settings: ClientSettings;
let sns: SNSClient;
const topic = async (name: string) => (await sns.send(new CreateTopicCommand({ Name: name }))).TopicArn!;

beforeAll(async () => {
  cloud = await ensureLocalCloud({ port: 0, reuse: false });
  settings = { region: 'eu-central-1', endpoint: cloud.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  sns = new SNSClient(settings);
});
afterAll(async () => {
  sns?.destroy();
  await cloud?.stop();
});

describe('SMS outbox observer', () => {
  it('returns the texts of this topic that carry the token, and nothing from other topics', async () => {
    const ours = await topic('observed');
    const other = await topic('other');
    for (const arn of [ours, other]) await sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sms', Endpoint: LOCAL_PHONE_NUMBER }));
    await sns.send(new PublishCommand({ TopicArn: ours, Message: 'build 4711 failed' }));
    await sns.send(new PublishCommand({ TopicArn: ours, Message: 'build 4712 failed' }));
    await sns.send(new PublishCommand({ TopicArn: other, Message: 'build 4711 elsewhere' }));
    const observer = smsOutbox(cloud.endpoint, ours);
    expect(await observer.messagesWith('4711')).toEqual(['build 4711 failed']);
    expect(await observer.messagesWith('9999')).toEqual([]);
  });
});

describe('SQS observer (the --target aws adapter)', () => {
  it('sees what the topic publishes while it is subscribed, and removes its queue and subscription on close', async () => {
    const arn = await topic('observed-by-queue');
    const observer = await sqsObserver(arn, settings, 300);
    await sns.send(new PublishCommand({ TopicArn: arn, Message: 'push 1234 to main' }));
    await sns.send(new PublishCommand({ TopicArn: arn, Message: 'push 1234 to dev' }));
    await sns.send(new PublishCommand({ TopicArn: arn, Message: 'push 5678 to main' }));
    expect((await observer.messagesWith('1234')).sort()).toEqual(['push 1234 to dev', 'push 1234 to main']);
    await observer.close();
    const sqs = new SQSClient(settings);
    const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'ccvs-test-observer-' }));
    sqs.destroy();
    expect(QueueUrls).toEqual([]);
    const { Subscriptions = [] } = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: arn }));
    expect(Subscriptions).toEqual([]);
  });
});
