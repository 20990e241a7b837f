import fs from 'node:fs';
import path from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { FileSystem } from 'aws-cdk-lib/aws-efs';
import { Vpc } from 'aws-cdk-lib/aws-ec2';
import { describe, expect, it } from 'vitest';
import { LAKE_MOUNT_PATH, LAKE_POSIX_ID } from '../lib/datalake-stack.ts';
import { labStacks } from '../lib/labs.ts';
import { stackApp, templateOf } from './synth.ts';

const name = labStacks.datalake;

describe('datalake stack', () => {
  const template = templateOf(name);
  const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
  const idOf = (type: string, prefix: string) => Object.keys(template.findResources(type)).find((id) => id.startsWith(prefix))!;
  const policyOf = (rolePrefix: string) =>
    Object.values(template.findResources('AWS::IAM::Policy')).find((p) => p.Properties.Roles[0].Ref.startsWith(rolePrefix))!.Properties.PolicyDocument.Statement;

  it('has a VPC with isolated subnets only: no NAT gateway, no internet gateway, no VPC endpoint', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    template.resourceCountIs('AWS::EC2::EIP', 0);
    template.resourceCountIs('AWS::EC2::Subnet', 2);
    template.allResourcesProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false });
  });

  it('encrypts the file system, deletes it with the stack and gives the access point a fixed POSIX user', () => {
    template.hasResource('AWS::EFS::FileSystem', { Properties: Match.objectLike({ Encrypted: true }), DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    template.hasResourceProperties('AWS::EFS::AccessPoint', {
      PosixUser: { Uid: LAKE_POSIX_ID, Gid: LAKE_POSIX_ID },
      RootDirectory: { Path: '/lake', CreationInfo: { OwnerUid: LAKE_POSIX_ID, OwnerGid: LAKE_POSIX_ID, Permissions: '750' } },
    });
  });

  it('mounts the access point into the store function only, in the VPC, with LAKE_DIR = the mount path', () => {
    const store = idOf('AWS::Lambda::Function', 'Store');
    expect(resources[store].Properties.FileSystemConfigs).toEqual([{ Arn: expect.anything(), LocalMountPath: LAKE_MOUNT_PATH }]);
    expect(resources[store].Properties.VpcConfig.SubnetIds).toHaveLength(2);
    expect(resources[store].Properties.Environment.Variables).toEqual({ LAKE_DIR: LAKE_MOUNT_PATH });
    for (const other of ['Relay', 'Router']) {
      const fn = resources[idOf('AWS::Lambda::Function', other)].Properties;
      expect(fn.VpcConfig, other).toBeUndefined();
      expect(fn.FileSystemConfigs, other).toBeUndefined();
    }
  });

  it('lets only the store function reach NFS (2049) on the file system', () => {
    const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties);
    expect(ingress).toEqual([expect.objectContaining({ IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, SourceSecurityGroupId: { 'Fn::GetAtt': [expect.stringMatching(/^StoreSecurityGroup/), 'GroupId'] } })]);
  });

  it('grants each function exactly what it uses', () => {
    const logs = (group: string) => ({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [idOf('AWS::Logs::LogGroup', group), 'Arn'] } });
    expect(policyOf('StoreRole')).toEqual([
      logs('StoreLogs'),
      {
        Action: 'elasticfilesystem:ClientMount',
        Condition: { StringEquals: { 'elasticfilesystem:AccessPointArn': expect.objectContaining({ 'Fn::Join': expect.anything() }) } },
        Effect: 'Allow',
        Resource: '*',
      },
      { Action: 'elasticfilesystem:ClientWrite', Effect: 'Allow', Resource: expect.objectContaining({ 'Fn::Join': expect.anything() }) },
      {
        Action: ['ec2:AssignPrivateIpAddresses', 'ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'ec2:UnassignPrivateIpAddresses'],
        Effect: 'Allow',
        Resource: '*',
      },
    ]);
    expect(policyOf('RouterRole')).toEqual([logs('RouterLogs'), { Action: 'dynamodb:PutItem', Effect: 'Allow', Resource: { 'Fn::GetAtt': [idOf('AWS::DynamoDB::Table', 'Records'), 'Arn'] } }]);
    expect(policyOf('RelayRole')).toEqual([
      logs('RelayLogs'),
      {
        Action: 'lambda:InvokeFunction',
        Effect: 'Allow',
        Resource: [{ 'Fn::GetAtt': [idOf('AWS::Lambda::Function', 'Router'), 'Arn'] }, { 'Fn::GetAtt': [idOf('AWS::Lambda::Function', 'Store'), 'Arn'] }],
      },
    ]);
    // No managed policies: AWSLambdaBasicExecutionRole / VPCAccessExecutionRole would allow writing to any log group.
    template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    expect(JSON.stringify(template.toJSON())).not.toMatch(/ClientRootAccess/);
  });

  it('puts every route behind the Cognito JWT authorizer of its own pool and client', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(['DELETE /datasets/{name}', 'GET /datasets', 'GET /datasets/{name}', 'PUT /datasets/{name}']);
    for (const route of routes) expect(route.AuthorizationType, route.RouteKey).toBe('JWT');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: idOf('AWS::Cognito::UserPoolClient', 'UsersCliClient') }],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: idOf('AWS::Cognito::UserPool', 'Users') }]] },
      },
    });
  });

  it('has a user pool without self sign-up and a client that allows USER_PASSWORD_AUTH without a secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH']), GenerateSecret: false });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete' });
  });

  it('outputs ApiUrl, UserPoolId, UserPoolClientId and RecordsTable', () => {
    expect(Object.keys(template.toJSON().Outputs).sort()).toEqual(['ApiUrl', 'RecordsTable', 'UserPoolClientId', 'UserPoolId']);
  });

  it('keeps logs one week and tags everything for the course', () => {
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    template.hasResourceProperties('AWS::EFS::FileSystem', { FileSystemTags: Match.arrayWith([{ Key: 'lab', Value: 'datalake' }]) });
  });

  it('passes cdk-nag AwsSolutions with a written reason for each acknowledged finding', () => {
    expect(() => stackApp(name).synth()).not.toThrow();
    const source = fs.readFileSync(path.join(import.meta.dirname, '../lib/datalake-stack.ts'), 'utf8');
    const acks = [...source.matchAll(/acknowledge\(\{\s*id: '([^']+)',\s*reason: '([^']*)'/g)];
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(ack[2].length, ack[1]).toBeGreaterThan(40);
  });

  it('cdk-nag is live: an unencrypted file system in a careless VPC makes synth fail', () => {
    const app = stackApp(name);
    const stack = app.node.findChild(name) as Stack;
    new FileSystem(stack, 'Careless', { vpc: new Vpc(stack, 'CarelessVpc', { natGateways: 0 }), encrypted: false });
    expect(() => app.synth({ force: true })).toThrow(/AwsSolutions-EFS1/);
  });
});
