import fs from 'node:fs';
import path from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { consumers } from '../../labs/fanout/order.ts';
import { labStacks } from '../lib/labs.ts';
import { stackApp, templateOf } from './synth.ts';

const name = labStacks.fanout;
const capitalized = (s: string) => s[0].toUpperCase() + s.slice(1);
/** The logical id CDK gives a construct: its path without separators, plus an 8-character hash. */
const logicalId = (template: Template, type: string, prefix: string) => {
  const ids = Object.keys(template.findResources(type)).filter((id) => new RegExp(`^${prefix}[0-9A-F]{8}$`).test(id));
  expect(ids, `${type} ${prefix}`).toHaveLength(1);
  return ids[0];
};

describe('fanout stack', () => {
  const solution = templateOf(name, { labSource: 'solution' });
  const exercise = templateOf(name, { labSource: 'exercise' });

  it('grants each consumer exactly: logs to its group, consuming its own queue, writing receipts', () => {
    const table = logicalId(solution, 'AWS::DynamoDB::Table', 'Receipts');
    const policies = solution.findResources('AWS::IAM::Policy');
    expect(Object.keys(policies)).toHaveLength(consumers.length);
    for (const consumer of consumers) {
      const prefix = capitalized(consumer);
      const queue = logicalId(solution, 'AWS::SQS::Queue', `${prefix}Queue`);
      const logs = logicalId(solution, 'AWS::Logs::LogGroup', `${prefix}ConsumerLogs`);
      const policy = Object.entries(policies).find(([id]) => id.startsWith(`${prefix}ConsumerRoleDefaultPolicy`));
      expect(policy, consumer).toBeDefined();
      expect(policy![1].Properties.PolicyDocument.Statement).toEqual([
        { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [logs, 'Arn'] } },
        {
          Action: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [queue, 'Arn'] },
        },
        { Action: 'dynamodb:PutItem', Effect: 'Allow', Resource: { 'Fn::GetAtt': [table, 'Arn'] } },
      ]);
    }
    // No managed policies: AWSLambdaBasicExecutionRole would allow writing to any log group.
    solution.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });

  it('lets only the orders topic send to each queue, and only over TLS', () => {
    const topic = logicalId(solution, 'AWS::SNS::Topic', 'Orders');
    for (const consumer of consumers) {
      const queue = logicalId(solution, 'AWS::SQS::Queue', `${capitalized(consumer)}Queue`);
      solution.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Statement: [
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            {
              Action: 'sqs:SendMessage',
              Condition: { ArnEquals: { 'aws:SourceArn': { Ref: topic } } },
              Effect: 'Allow',
              Principal: { Service: 'sns.amazonaws.com' },
              Resource: { 'Fn::GetAtt': [queue, 'Arn'] },
            },
          ],
          Version: '2012-10-17',
        },
      });
    }
  });

  it('subscribes the solution: raw for billing, shipping and fraud, the envelope for analytics, fraud only above 100', () => {
    const subs = Object.values(solution.findResources('AWS::SNS::Subscription')).map((r) => r.Properties);
    expect(subs).toHaveLength(4);
    const byQueue = (prefix: string) => subs.find((s) => String(s.Endpoint['Fn::GetAtt'][0]).startsWith(prefix));
    expect(byQueue('BillingQueue')).toMatchObject({ Protocol: 'sqs', RawMessageDelivery: true });
    expect(byQueue('AnalyticsQueue')).toMatchObject({ Protocol: 'sqs', RawMessageDelivery: false });
    expect(byQueue('BillingQueue').FilterPolicy).toBeUndefined();
    expect(byQueue('FraudQueue')).toMatchObject({
      FilterPolicy: { amount: [{ numeric: ['>', 100] }] },
      FilterPolicyScope: 'MessageAttributes',
    });
  });

  it('builds the subscriptions from the exercise file when labSource is exercise', () => {
    const fraud = Object.values(exercise.findResources('AWS::SNS::Subscription'))
      .map((r) => r.Properties)
      .find((s) => String(s.Endpoint['Fn::GetAtt'][0]).startsWith('FraudQueue'));
    expect(fraud?.FilterPolicy).toBeUndefined();
  });

  it('drains every queue with its own function through an event source mapping, with a dead-letter queue behind it', () => {
    solution.resourceCountIs('AWS::Lambda::EventSourceMapping', consumers.length);
    solution.resourceCountIs('AWS::Lambda::Function', consumers.length);
    solution.hasResourceProperties('AWS::Lambda::EventSourceMapping', { BatchSize: 5, ScalingConfig: { MaximumConcurrency: 2 }, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    const failed = logicalId(solution, 'AWS::SQS::Queue', 'Failed');
    for (const consumer of consumers) {
      solution.hasResourceProperties('AWS::SQS::Queue', {
        VisibilityTimeout: 180,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [failed, 'Arn'] }, maxReceiveCount: 3 },
      });
      solution.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs24.x',
        Timeout: 30,
        Environment: { Variables: Match.objectLike({ CONSUMER: consumer, WORK_MS: consumer === 'analytics' ? '1000' : '0' }) },
      });
    }
  });

  it('takes the slow consumer\'s work from context slowWorkMs and refuses a bad value, naming the key', () => {
    const slow = templateOf(name, { labSource: 'solution', slowWorkMs: '2500' });
    slow.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ CONSUMER: 'analytics', WORK_MS: '2500' }) } });
    expect(() => stackApp(name, { slowWorkMs: 'slow' })).toThrow(/Context slowWorkMs must be a whole number/);
  });

  it('tags every resource for the course and outputs the topic, the table and the queues', () => {
    solution.hasResourceProperties('AWS::SQS::Queue', { Tags: Match.arrayWith([{ Key: 'course', Value: 'ccvs' }, { Key: 'lab', Value: 'fanout' }]) });
    expect(Object.keys(solution.toJSON().Outputs)).toEqual(
      expect.arrayContaining(['TopicArn', 'ReceiptsTable', 'FailedQueueUrl', ...consumers.map((c) => `${capitalized(c)}QueueUrl`)]),
    );
  });

  it('passes cdk-nag AwsSolutions with a written reason for each acknowledged finding', () => {
    expect(() => stackApp(name, { labSource: 'solution' }).synth()).not.toThrow();
    const source = fs.readFileSync(path.join(import.meta.dirname, '../lib/fanout-stack.ts'), 'utf8');
    const acks = [...source.matchAll(/acknowledge\(\{\s*id: '([^']+)',\s*reason: '([^']*)'/g)];
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(ack[2].length, ack[1]).toBeGreaterThan(40);
  });

  it('cdk-nag is live: a queue without a dead-letter queue makes synth fail', () => {
    const app = stackApp(name);
    new Queue(app.node.findChild(name) as Stack, 'Careless', { enforceSSL: true });
    expect(() => app.synth({ force: true })).toThrow(/AwsSolutions-SQS3/);
  });
});
