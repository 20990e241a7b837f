import fs from 'node:fs';
import path from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import { labStacks } from '../lib/labs.ts';
import { stackApp, templateOf } from './synth.ts';

const name = labStacks.notification;

describe('notification stack', () => {
  const template = templateOf(name, { phoneNumber: '+4366412345678', notifyEmail: 'team@example.org' });

  it('grants the function exactly: logs to its group, publish to its topic, its delivery table, its secret', () => {
    const topic = Object.keys(template.findResources('AWS::SNS::Topic'))[0];
    const table = Object.keys(template.findResources('AWS::DynamoDB::Table'))[0];
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    expect(policies[0].Properties.PolicyDocument.Statement).toEqual([
      { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^WebhookLogs/), 'Arn'] } },
      { Action: 'sns:Publish', Effect: 'Allow', Resource: { Ref: topic } },
      { Action: ['dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [table, 'Arn'] } },
      {
        Action: 'ssm:GetParameter',
        Effect: 'Allow',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ssm:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':parameter/ccvs/notification/webhook-secret']] },
      },
    ]);
    // No managed policies: AWSLambdaBasicExecutionRole would allow writing to any log group.
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });

  it('keeps the secret out of the template', () => {
    const text = JSON.stringify(template.toJSON());
    expect(text).not.toMatch(/SecureString|webhook-secret-value/);
    template.resourceCountIs('AWS::SSM::Parameter', 0);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SECRET_PARAMETER_NAME: '/ccvs/notification/webhook-secret' }) },
    });
  });

  it('routes both webhooks to the function and throttles the stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /webhooks/github' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /webhooks/gitlab' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5 },
    });
  });

  it('subscribes the phone number by SMS and the e-mail address', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'sms', Endpoint: '+4366412345678' });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'team@example.org' });
  });

  it('remembers deliveries with a TTL and runs on a current Node.js runtime', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } });
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', Handler: 'index.handler' });
  });

  it('outputs ApiUrl', () => {
    expect(Object.keys(template.toJSON().Outputs)).toContain('ApiUrl');
  });

  it('refuses a phone number that is not E.164, naming the key', () => {
    expect(() => stackApp(name, { phoneNumber: '0664 1234567' })).toThrow(/Context phoneNumber must be in E\.164/);
  });

  it('passes cdk-nag AwsSolutions with a written reason for each acknowledged finding', () => {
    expect(() => stackApp(name).synth()).not.toThrow();
    const source = fs.readFileSync(path.join(import.meta.dirname, '../lib/notification-stack.ts'), 'utf8');
    for (const ack of source.matchAll(/acknowledge\(\{\s*id: '([^']+)',\s*reason: '([^']*)'/g)) {
      expect(ack[2].length, ack[1]).toBeGreaterThan(40);
    }
  });

  it('cdk-nag is live: an unencrypted, SSL-optional topic makes synth fail', () => {
    const app = stackApp(name);
    new Topic(app.node.findChild(name) as Stack, 'Careless');
    expect(() => app.synth({ force: true })).toThrow(/AwsSolutions-SNS3/);
  });
});
