import { describe, expect, it } from 'vitest';
import { evaluatePolicies, wildcardMatch, type PolicyDocument } from './policy.ts';
import { decodeAccessKeyId, encodeAccessKeyId } from './credentials.ts';
import { createIamApi } from './index.ts';
import { manualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { EventBus } from '../core/events.ts';
import type { CloudContext } from '../core/types.ts';

const topic = 'arn:aws:sns:eu-central-1:000000000000:alerts';
const allowPublish: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: topic }] };

describe('policy evaluation', () => {
  it('allows a matching statement with a case-insensitive action', () => {
    expect(evaluatePolicies([allowPublish], 'SNS:Publish', topic)).toBe('Allow');
  });
  it('denies implicitly when nothing matches', () => {
    expect(evaluatePolicies([allowPublish], 'SNS:Publish', `${topic}-other`)).toBe('ImplicitDeny');
    expect(evaluatePolicies([], 'sqs:sendmessage', topic)).toBe('ImplicitDeny');
  });
  it('lets an explicit Deny win over any Allow', () => {
    const deny: PolicyDocument = { Statement: { Effect: 'Deny', Action: 'sns:*', Resource: '*' } };
    expect(evaluatePolicies([allowPublish, deny], 'SNS:Publish', topic)).toBe('ExplicitDeny');
  });
  it('matches * and ? in actions and resources, case-sensitive in resources', () => {
    const doc: PolicyDocument = { Statement: { Effect: 'Allow', Action: ['dynamodb:Get*', 'ssm:GetParamete?'], Resource: 'arn:aws:*:eu-central-1:*:table/Orders*' } };
    expect(evaluatePolicies([doc], 'dynamodb:GetItem', 'arn:aws:dynamodb:eu-central-1:000000000000:table/Orders')).toBe('Allow');
    expect(evaluatePolicies([doc], 'dynamodb:PutItem', 'arn:aws:dynamodb:eu-central-1:000000000000:table/Orders')).toBe('ImplicitDeny');
    expect(evaluatePolicies([doc], 'ssm:GetParameter', 'arn:aws:ssm:eu-central-1:0:table/OrdersX')).toBe('Allow');
    expect(evaluatePolicies([doc], 'ssm:GetParameters', 'arn:aws:ssm:eu-central-1:0:table/Orders')).toBe('ImplicitDeny');
    expect(evaluatePolicies([doc], 'dynamodb:GetItem', 'arn:aws:dynamodb:eu-central-1:0:table/orders')).toBe('ImplicitDeny');
  });
  it('supports NotAction and NotResource', () => {
    const doc: PolicyDocument = { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:secret' }] };
    expect(evaluatePolicies([doc], 'sqs:SendMessage', 'arn:q')).toBe('Allow');
    expect(evaluatePolicies([doc], 'iam:PassRole', 'arn:q')).toBe('ImplicitDeny');
    expect(evaluatePolicies([doc], 'sqs:SendMessage', 'arn:secret')).toBe('ImplicitDeny');
  });
  it('treats regex characters in patterns literally', () => {
    expect(wildcardMatch('a.b', 'axb')).toBe(false);
    expect(wildcardMatch('a(b)*', 'a(b)cd')).toBe(true);
  });
});

describe('role credentials', () => {
  it('round-trips role and session through the access key id', () => {
    const key = encodeAccessKeyId({ roleName: 'NotifyFnServiceRole-AB12', sessionName: 'notify-fn' });
    expect(key).toMatch(/^ASIA[A-Z2-7]+$/);
    expect(decodeAccessKeyId(key)).toEqual({ roleName: 'NotifyFnServiceRole-AB12', sessionName: 'notify-fn' });
    expect(decodeAccessKeyId('AKIAIOSFODNN7EXAMPLE')).toBeUndefined();
    expect(decodeAccessKeyId(undefined)).toBeUndefined();
  });

  const ctx: CloudContext = {
    clock: manualClock(), random: seededRandom(1), events: new EventBus(), region: 'eu-central-1', accountId: '000000000000',
    endpoint: () => 'http://127.0.0.1:1', dataDir: '/tmp/unused', registry: new Map(),
  };

  it('authorizes by role, names principal, action and resource in a denial, and allows other keys', () => {
    const iam = createIamApi(ctx);
    const arn = iam.putRole('FnRole', [allowPublish]);
    const { accessKeyId } = iam.credentialsForRole(arn, 'notify');
    expect(iam.authorize({ accessKeyId, action: 'SNS:Publish', resource: topic })).toMatchObject({ allowed: true });
    const denied = iam.authorize({ accessKeyId, action: 'SNS:Publish', resource: `${topic}2` });
    expect(denied).toEqual({
      allowed: false,
      principalArn: 'arn:aws:sts::000000000000:assumed-role/FnRole/notify',
      message: `User: arn:aws:sts::000000000000:assumed-role/FnRole/notify is not authorized to perform: SNS:Publish on resource: ${topic}2 because no identity-based policy allows the SNS:Publish action`,
    });
    expect(iam.authorize({ accessKeyId: 'AKIASTUDENT', action: 'SNS:Publish', resource: `${topic}2` })).toEqual({ allowed: true });
  });

  it('adds and removes attached policies (AWS::IAM::Policy) independently of the role', () => {
    const iam = createIamApi(ctx);
    const arn = iam.putRole('R', []);
    const { accessKeyId } = iam.credentialsForRole(arn);
    const ask = () => iam.authorize({ accessKeyId, action: 'sns:publish', resource: topic }).allowed;
    expect(ask()).toBe(false);
    iam.putAttachedPolicy('R', 'Policy1', allowPublish);
    expect(ask()).toBe(true);
    iam.putRole('R', []);
    expect(ask()).toBe(true);
    iam.removeAttachedPolicy('Policy1');
    expect(ask()).toBe(false);
    iam.deleteRole('R');
    // Roles no template defined (functions created by hand) are not enforced.
    expect(iam.authorize({ accessKeyId, action: 'sns:publish', resource: topic }).allowed).toBe(true);
  });
});
