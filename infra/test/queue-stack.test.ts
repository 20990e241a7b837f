import fs from 'node:fs';
import path from 'node:path';
import { App, Validations, type Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Match } from 'aws-cdk-lib/assertions';
import { Table, AttributeType } from 'aws-cdk-lib/aws-dynamodb';
import { describe, expect, it } from 'vitest';
import { labStacks } from '../lib/labs.ts';
import { MAX_RECEIVE_COUNT, QueueStack } from '../lib/queue-stack.ts';
import { synthApp, templateOf } from './synth.ts';

const name = labStacks.queue;
const arnOf = (prefix: RegExp) => ({ 'Fn::GetAtt': [expect.stringMatching(prefix), 'Arn'] });

describe('queue stack', () => {
  const template = templateOf(name, { notifyEmail: 'ops@example.org' });
  const policyOf = (role: RegExp) => {
    const policies = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([id]) => role.test(id));
    expect(policies).toHaveLength(1);
    return policies[0][1].Properties.PolicyDocument.Statement;
  };
  const topicRef = (displayName: string) => ({ Ref: Object.keys(template.findResources('AWS::SNS::Topic', { Properties: { DisplayName: displayName } }))[0] });

  it('grants the API function exactly: its logs, read events, write pending orders, send to the queue', () => {
    expect(policyOf(/^ApiRole/)).toEqual([
      { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: arnOf(/^ApiLogs/) },
      { Action: 'dynamodb:GetItem', Effect: 'Allow', Resource: arnOf(/^EventStock/) },
      { Action: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem'], Effect: 'Allow', Resource: arnOf(/^OrderRecords/) },
      { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: arnOf(/^OrderQueue/) },
    ]);
  });

  it('grants the consumer exactly: its logs, update stock, decide orders, publish outcomes, consume the queue', () => {
    expect(policyOf(/^ConsumerRole/)).toEqual([
      { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: arnOf(/^ConsumerLogs/) },
      { Action: 'dynamodb:UpdateItem', Effect: 'Allow', Resource: arnOf(/^EventStock/) },
      { Action: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], Effect: 'Allow', Resource: arnOf(/^OrderRecords/) },
      { Action: 'sns:Publish', Effect: 'Allow', Resource: topicRef('Ticket orders') },
      {
        Action: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
        Effect: 'Allow',
        Resource: arnOf(/^OrderQueue/),
      },
    ]);
    template.resourceCountIs('AWS::IAM::Policy', 2);
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });

  it('queues orders in a FIFO queue with a FIFO dead-letter queue after a bounded number of receives', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    const [dlqId] = Object.keys(queues).filter((id) => id.startsWith('OrderDlq'));
    template.hasResourceProperties('AWS::SQS::Queue', {
      FifoQueue: true,
      VisibilityTimeout: 60,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    expect(queues[dlqId].Properties).toMatchObject({ FifoQueue: true, MessageRetentionPeriod: 14 * 86_400 });
  });

  it('drives the consumer from the queue with batch item failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      EventSourceArn: { 'Fn::GetAtt': [Object.keys(template.findResources('AWS::SQS::Queue')).find((id) => id.startsWith('OrderQueue')), 'Arn'] },
    });
  });

  it('keeps tables on demand, with a TTL on the order (idempotency) records', () => {
    const tables = Object.values(template.findResources('AWS::DynamoDB::Table'));
    expect(tables).toHaveLength(2);
    for (const t of tables) expect(t.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('alarms by e-mail when a message reaches the dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [topicRef('Ticket shop alerts')],
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: topicRef('Ticket shop alerts') });
  });

  it('routes the three endpoints and outputs what the tests and the seed command read', () => {
    for (const route of ['POST /orders', 'GET /orders/{id}', 'GET /events/{id}']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: route });
    }
    expect(Object.keys(template.toJSON().Outputs).sort()).toEqual(['ApiUrl', 'DeadLetterQueueUrl', 'EventsTable', 'OrdersTable', 'OutcomesTopicArn', 'QueueUrl']);
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', Timeout: 10 });
  });

  it('passes cdk-nag AwsSolutions with a written reason for each acknowledged finding', () => {
    // This stack alone, so another stack's findings cannot hide or cause ours.
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    new QueueStack(app, name, { lab: 'queue', owner: 'student', expiresAt: '2026-12-31', source: 'solution' });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
    expect(() => app.synth()).not.toThrow();
    const source = fs.readFileSync(path.join(import.meta.dirname, '../lib/queue-stack.ts'), 'utf8');
    const reasons = [...source.matchAll(/acknowledge\(\{\s*id: '([^']+)',\s*reason: '([^']*)'/g)];
    expect(reasons.length).toBeGreaterThan(0);
    for (const ack of reasons) expect(ack[2].length, ack[1]).toBeGreaterThan(40);
  });

  it('builds the benchmark variant with standard queues on queueKind=standard and refuses other kinds', () => {
    const standard = templateOf(name, { queueKind: 'standard' });
    for (const queue of Object.values(standard.findResources('AWS::SQS::Queue'))) expect(queue.Properties.FifoQueue).toBeUndefined();
    standard.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ QUEUE_KIND: 'standard' }) } });
    expect(() => synthApp({ queueKind: 'kafka' })).toThrow(/Context queueKind must be "fifo" or "standard", got "kafka"/);
  });

  it('cdk-nag is live: a table without point-in-time recovery makes synth fail', () => {
    const app = synthApp();
    new Table(app.node.findChild(name) as Stack, 'Careless', { partitionKey: { name: 'id', type: AttributeType.STRING } });
    expect(() => app.synth({ force: true })).toThrow(/AwsSolutions-DDB3/);
  });
});
