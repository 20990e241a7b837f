import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateQueueCommand, SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTopicCommand, PublishBatchCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { startLocalCloud, type LocalCloud } from '../core/server.ts';
import { iamApi, type RoleCredentials } from './api.ts';

let cloud: LocalCloud;
let role: RoleCredentials;
let queueUrl: string;
let otherQueueUrl: string;
let topicArn: string;
const region = 'eu-central-1';
const student = { accessKeyId: 'AKIASTUDENT', secretAccessKey: 'x' };
const principal = 'arn:aws:sts::000000000000:assumed-role/WorkerRole/worker-fn';

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0 });
  const sqs = new SQSClient({ endpoint: cloud.endpoint, region, credentials: student });
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'jobs' }))).QueueUrl!;
  otherQueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'audit' }))).QueueUrl!;
  sqs.destroy();
  const sns = new SNSClient({ endpoint: cloud.endpoint, region, credentials: student });
  topicArn = (await sns.send(new CreateTopicCommand({ Name: 'alerts' }))).TopicArn!;
  sns.destroy();
  const iam = iamApi(cloud.context.registry)!;
  const arn = iam.putRole('WorkerRole', [{
    Statement: [
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: 'arn:aws:sqs:eu-central-1:000000000000:*' },
      { Effect: 'Deny', Action: 'sqs:*', Resource: 'arn:aws:sqs:eu-central-1:000000000000:audit' },
    ],
  }]);
  role = iam.credentialsForRole(arn, 'worker-fn');
});
afterAll(() => cloud.stop());

describe('IAM enforcement in SQS and SNS', () => {
  it('lets a role send where allowed, also in batches, and refuses an explicit Deny with AccessDenied', async () => {
    const sqs = new SQSClient({ endpoint: cloud.endpoint, region, credentials: role, maxAttempts: 1 });
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'ok' }));
    await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [{ Id: '1', MessageBody: 'ok' }] }));
    const denied = sqs.send(new SendMessageBatchCommand({ QueueUrl: otherQueueUrl, Entries: [{ Id: '1', MessageBody: 'no' }] }));
    await expect(denied).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
      message: `User: ${principal} is not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:eu-central-1:000000000000:audit with an explicit deny in an identity-based policy`,
    });
    await expect(sqs.send(new CreateQueueCommand({ QueueName: 'more' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${principal} is not authorized to perform: sqs:createqueue on resource: arn:aws:sqs:eu-central-1:000000000000:more because no identity-based policy allows the sqs:createqueue action`,
    });
    sqs.destroy();
  });

  it('refuses SNS Publish without a grant with AuthorizationError naming action and topic', async () => {
    const sns = new SNSClient({ endpoint: cloud.endpoint, region, credentials: role, maxAttempts: 1 });
    await expect(sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'x' }))).rejects.toMatchObject({
      name: 'AuthorizationErrorException',
      $metadata: { httpStatusCode: 403 },
      message: `User: ${principal} is not authorized to perform: SNS:Publish on resource: ${topicArn} because no identity-based policy allows the SNS:Publish action`,
    });
    sns.destroy();
  });

  it('checks PublishBatch against the SNS:Publish permission, as AWS does', async () => {
    const sns = new SNSClient({ endpoint: cloud.endpoint, region, credentials: role, maxAttempts: 1 });
    await expect(
      sns.send(new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: [{ Id: '1', Message: 'x' }] })),
    ).rejects.toMatchObject({
      name: 'AuthorizationErrorException',
      message: `User: ${principal} is not authorized to perform: SNS:Publish on resource: ${topicArn} because no identity-based policy allows the SNS:Publish action`,
    });
    sns.destroy();
  });

  it('allows every call made with the student’s own credentials', async () => {
    const sns = new SNSClient({ endpoint: cloud.endpoint, region, credentials: student });
    await expect(sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'x' }))).resolves.toHaveProperty('MessageId');
    sns.destroy();
    const sqs = new SQSClient({ endpoint: cloud.endpoint, region, credentials: student });
    await expect(sqs.send(new SendMessageCommand({ QueueUrl: otherQueueUrl, MessageBody: 'fine' }))).resolves.toHaveProperty('MessageId');
    sqs.destroy();
  });
});
