import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startLocalCloud, type LocalCloud } from '../core/server.ts';
import { deployAssembly, destroyStack } from './client.ts';
import { eventSourcesApi } from '../eventsources/api.ts';
import { sqsApi } from '../sqs/api.ts';

let cloud: LocalCloud;
let tmp: string;
const credentials = { accessKeyId: 'AKIASTUDENT', secretAccessKey: 'x' };
const clients = () => ({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials, maxAttempts: 1 });

/** A minimal cloud assembly: manifest.json plus one template per stack. */
function assembly(name: string, stacks: Record<string, unknown>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  const artifacts = Object.fromEntries(Object.keys(stacks).map((stack) => [stack, { type: 'aws:cloudformation:stack', properties: { templateFile: `${stack}.template.json` } }]));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts }));
  for (const [stack, template] of Object.entries(stacks)) fs.writeFileSync(path.join(dir, `${stack}.template.json`), JSON.stringify(template));
  return dir;
}

const deployError = (dir: string, extra: Record<string, unknown> = {}) => deployAssembly(cloud.endpoint, { assembly: dir, ...extra }).then(() => 'deployed', (e: Error) => e.message);

const messaging = {
  Parameters: { Stage: { Type: 'String', Default: 'dev' } },
  Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
  Resources: {
    Dlq: { Type: 'AWS::SQS::Queue' },
    Inbox: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 45, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] }, maxReceiveCount: 3 } } },
    Alerts: { Type: 'AWS::SNS::Topic' },
    InboxSub: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Alerts' }, Protocol: 'sqs', Endpoint: { 'Fn::GetAtt': ['Inbox', 'Arn'] }, RawMessageDelivery: true } },
    InboxPolicy: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'Inbox' }], PolicyDocument: { Statement: [] } } },
    Table: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      },
    },
    Setting: { Type: 'AWS::SSM::Parameter', Properties: { Name: { 'Fn::Sub': '/${AWS::StackName}/${Stage}/table' }, Type: 'String', Value: { Ref: 'Table' } } },
    ProdOnly: { Type: 'AWS::SQS::Queue', Condition: 'IsProd' },
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' } } },
    Meta: { Type: 'AWS::CDK::Metadata', Properties: {} },
  },
  Outputs: {
    InboxUrl: { Value: { Ref: 'Inbox' } },
    TopicArn: { Value: { Ref: 'Alerts' } },
    TableName: { Value: { Ref: 'Table' } },
    ParameterName: { Value: { Ref: 'Setting' } },
    ProdQueue: { Condition: 'IsProd', Value: { Ref: 'ProdOnly' } },
  },
};

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deployer-test-'));
  cloud = await startLocalCloud({ port: 0, dataDir: path.join(tmp, 'data') });
});
afterAll(async () => {
  await cloud.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('deployer with hand-written templates', () => {
  it('deploys queues, topic, subscription, table with TTL and a parameter, and resolves outputs', async () => {
    const { stacks } = await deployAssembly(cloud.endpoint, { assembly: assembly('messaging', { Messaging: messaging }) });
    const [result] = stacks;
    expect(result!.stackName).toBe('Messaging');
    expect(result!.outputs.InboxUrl).toMatch(new RegExp(`^${cloud.endpoint}/000000000000/Messaging-Inbox-`));
    expect(result!.outputs.ParameterName).toBe('/Messaging/dev/table');
    expect(result!.outputs).not.toHaveProperty('ProdQueue');
    expect(result!.warnings).toEqual(['Skipped 2 resource(s) without local meaning: Vpc (AWS::EC2::VPC), Subnet (AWS::EC2::Subnet)']);
    expect(result!.changes.created).toHaveLength(7);

    const sqs = new SQSClient(clients());
    const sns = new SNSClient(clients());
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: result!.outputs.InboxUrl, AttributeNames: ['VisibilityTimeout', 'RedrivePolicy'] }));
    expect(attrs.Attributes?.VisibilityTimeout).toBe('45');
    expect(JSON.parse(attrs.Attributes!.RedrivePolicy!)).toMatchObject({ maxReceiveCount: 3, deadLetterTargetArn: expect.stringMatching(/:Messaging-Dlq-/) });
    await sns.send(new PublishCommand({ TopicArn: result!.outputs.TopicArn, Message: 'hello' }));
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: result!.outputs.InboxUrl, WaitTimeSeconds: 2 }));
    expect(received.Messages?.[0]?.Body).toBe('hello');
    const ssm = new SSMClient(clients());
    expect((await ssm.send(new GetParameterCommand({ Name: '/Messaging/dev/table' }))).Parameter?.Value).toBe(result!.outputs.TableName);
    const ddb = new DynamoDBClient(clients());
    expect((await ddb.send(new DescribeTimeToLiveCommand({ TableName: result!.outputs.TableName }))).TimeToLiveDescription?.AttributeName).toBe('expiresAt');
    for (const c of [sqs, sns, ssm, ddb]) c.destroy();
  });

  it('redeploys: unchanged stays, changed updates in place, removed is deleted; parameters override defaults', async () => {
    const changed = structuredClone(messaging) as { Resources: Record<string, unknown>; Outputs: Record<string, unknown> };
    (changed.Resources.Inbox as { Properties: { VisibilityTimeout: number } }).Properties.VisibilityTimeout = 60;
    delete changed.Resources.Setting;
    delete changed.Outputs.ParameterName;
    const { stacks } = await deployAssembly(cloud.endpoint, { assembly: assembly('messaging2', { Messaging: changed }), parameters: { Stage: 'prod' } });
    const { changes, outputs } = stacks[0]!;
    expect(changes.updated).toEqual(['Inbox']);
    expect(changes.deleted).toEqual(['Setting']);
    expect(changes.created).toEqual(['ProdOnly']);
    expect(changes.unchanged).toEqual(expect.arrayContaining(['Dlq', 'Alerts', 'Table', 'InboxSub']));
    expect(outputs.ProdQueue).toMatch(/Messaging-ProdOnly-/);
    const sqs = new SQSClient(clients());
    expect((await sqs.send(new GetQueueAttributesCommand({ QueueUrl: outputs.InboxUrl, AttributeNames: ['VisibilityTimeout'] }))).Attributes?.VisibilityTimeout).toBe('60');
    sqs.destroy();
    const ssm = new SSMClient(clients());
    await expect(ssm.send(new GetParameterCommand({ Name: '/Messaging/dev/table' }))).rejects.toMatchObject({ name: 'ParameterNotFound' });
    ssm.destroy();
  });

  it('runs an inline function, updates its code in place on redeploy and removes it with the stack', async () => {
    const stack = (version: string) => ({
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'] } },
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Runtime: 'nodejs22.x', Handler: 'index.handler', Timeout: 15, Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
            Code: { ZipFile: `exports.handler = async () => ({ version: '${version}', stage: process.env.STAGE });` },
            Environment: { Variables: { STAGE: { 'Fn::Join': ['-', ['stage', { Ref: 'AWS::Region' }]] } } },
          },
        },
      },
      Outputs: { FunctionName: { Value: { Ref: 'Fn' } } },
    });
    const lambda = new LambdaClient(clients());
    const invoke = async (name: string) => JSON.parse(Buffer.from((await lambda.send(new InvokeCommand({ FunctionName: name }))).Payload!).toString('utf8'));
    const first = (await deployAssembly(cloud.endpoint, { assembly: assembly('fn1', { Fn: stack('v1') }) })).stacks[0]!;
    expect(await invoke(first.outputs.FunctionName!)).toEqual({ version: 'v1', stage: 'stage-eu-central-1' });
    const second = (await deployAssembly(cloud.endpoint, { assembly: assembly('fn2', { Fn: stack('v2') }) })).stacks[0]!;
    expect(second.changes.updated).toEqual(['Fn']);
    expect(second.outputs.FunctionName).toBe(first.outputs.FunctionName);
    expect(await invoke(first.outputs.FunctionName!)).toEqual({ version: 'v2', stage: 'stage-eu-central-1' });
    expect((await destroyStack(cloud.endpoint, 'Fn')).deleted).toEqual(['Fn', 'Role']);
    await expect(lambda.send(new InvokeCommand({ FunctionName: first.outputs.FunctionName }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    lambda.destroy();
  });

  it('wires an SQS event source mapping and a function URL to a function', async () => {
    const template = {
      Resources: {
        Jobs: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 30 } },
        Worker: {
          Type: 'AWS::Lambda::Function',
          Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Timeout: 15, Role: 'arn:aws:iam::000000000000:role/none', Code: { ZipFile: 'exports.handler = async (e) => ({ records: (e.Records || []).length, path: e.rawPath });' } },
        },
        Mapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::GetAtt': ['Jobs', 'Arn'] }, FunctionName: { Ref: 'Worker' }, BatchSize: 5 } },
        WorkerUrl: { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { 'Fn::GetAtt': ['Worker', 'Arn'] }, AuthType: 'NONE' } },
      },
      Outputs: { MappingId: { Value: { Ref: 'Mapping' } }, QueueUrl: { Value: { Ref: 'Jobs' } }, Url: { Value: { 'Fn::GetAtt': ['WorkerUrl', 'FunctionUrl'] } } },
    };
    const { outputs } = (await deployAssembly(cloud.endpoint, { assembly: assembly('esm', { Esm: template }) })).stacks[0]!;
    const mapping = eventSourcesApi(cloud.context.registry).getEventSourceMapping(outputs.MappingId!);
    expect(mapping).toMatchObject({ batchSize: 5, eventSourceArn: expect.stringMatching(/:Esm-Jobs-/), functionArn: expect.stringMatching(/:function:Esm-Worker-/), state: 'Enabled' });
    const sqs = new SQSClient(clients());
    await sqs.send(new SendMessageCommand({ QueueUrl: outputs.QueueUrl, MessageBody: 'work' }));
    const deadline = Date.now() + 10_000;
    while (sqsApi(cloud.context.registry).peek(outputs.QueueUrl!).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(sqsApi(cloud.context.registry).peek(outputs.QueueUrl!)).toEqual([]);
    sqs.destroy();
    const viaUrl = await fetch(new URL('hello', outputs.Url));
    expect(await viaUrl.json()).toEqual({ records: 0, path: '/hello' });
    await destroyStack(cloud.endpoint, 'Esm');
    expect(eventSourcesApi(cloud.context.registry).getEventSourceMapping(outputs.MappingId!)).toBeUndefined();
  });

  it('mounts an EFS access point at the directory the function reads from its environment', async () => {
    const template = {
      Resources: {
        Files: { Type: 'AWS::EFS::FileSystem' },
        Target: { Type: 'AWS::EFS::MountTarget', Properties: { FileSystemId: { Ref: 'Files' }, SubnetId: 'subnet-1', SecurityGroups: [] } },
        Point: { Type: 'AWS::EFS::AccessPoint', Properties: { FileSystemId: { Ref: 'Files' }, RootDirectory: { Path: '/shared' } } },
        Writer: {
          Type: 'AWS::Lambda::Function',
          DependsOn: ['Target'],
          Properties: {
            Runtime: 'nodejs22.x', Handler: 'index.handler', Timeout: 15, Role: 'arn:aws:iam::000000000000:role/none',
            FileSystemConfigs: [{ Arn: { 'Fn::GetAtt': ['Point', 'Arn'] }, LocalMountPath: '/mnt/data' }],
            Environment: { Variables: { DATA_DIR: '/mnt/data' } },
            Code: { ZipFile: "const fs = require('node:fs'); exports.handler = async (e) => { fs.writeFileSync(process.env.DATA_DIR + '/note.txt', e.text); return fs.readdirSync(process.env.DATA_DIR); };" },
          },
        },
      },
      Outputs: { Fn: { Value: { Ref: 'Writer' } }, Fs: { Value: { Ref: 'Files' } } },
    };
    const { outputs } = (await deployAssembly(cloud.endpoint, { assembly: assembly('efs', { Efs: template }) })).stacks[0]!;
    const lambda = new LambdaClient(clients());
    const answer = await lambda.send(new InvokeCommand({ FunctionName: outputs.Fn, Payload: JSON.stringify({ text: 'kept' }) }));
    expect(JSON.parse(Buffer.from(answer.Payload!).toString('utf8'))).toEqual(['note.txt']);
    expect(fs.readFileSync(path.join(tmp, 'data', 'efs', outputs.Fs!, 'shared', 'note.txt'), 'utf8')).toBe('kept');
    lambda.destroy();
    await destroyStack(cloud.endpoint, 'Efs');
    expect(fs.existsSync(path.join(tmp, 'data', 'efs', outputs.Fs!))).toBe(false);
  });
});

describe('bad templates', () => {
  it('names the logical id of an unsupported type, a broken intrinsic and a missing Ref target — and keeps serving', async () => {
    const unknown = assembly('bad-type', { Bad: { Resources: { Bucket: { Type: 'AWS::S3::Bucket' }, Queue: { Type: 'AWS::SQS::Queue' } } } });
    expect(await deployError(unknown)).toBe('Bucket: resource type not supported by the local cloud: Bucket (AWS::S3::Bucket)');
    const broken = assembly('bad-intrinsic', { Bad: { Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::Select': [3, ['a']] } } } } } });
    expect(await deployError(broken)).toBe('Queue: Fn::Select index 3 is outside the list of 1');
    const dangling = assembly('bad-ref', { Bad: { Resources: { Sub: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Missing' }, Protocol: 'sqs', Endpoint: 'x' } } } } });
    expect(await deployError(dangling)).toBe('Sub: refers to Missing, which is neither a resource nor a parameter of this template');
    const badJson = path.join(tmp, 'bad-json');
    fs.mkdirSync(badJson);
    fs.writeFileSync(path.join(badJson, 'manifest.json'), '{ nope');
    expect(await deployError(badJson)).toMatch(/^cloud assembly manifest is not valid JSON/);
    expect(await deployError(path.join(tmp, 'missing'))).toMatch(/^cloud assembly directory not found/);
    expect(await deployError(unknown, { stacks: ['Other'] })).toBe('stack Other is not in the cloud assembly (it has Bad)');
    expect((await fetch(`${cloud.endpoint}/_localcloud/health`)).status).toBe(200);
  });

  it('rolls back what a failed deployment created and reports the failing resource', async () => {
    const template = {
      Resources: {
        First: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'rollback-first' } },
        Fn: { Type: 'AWS::Lambda::Function', DependsOn: 'First', Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Role: 'arn:aws:iam::000000000000:role/x', Code: { S3Bucket: 'b', S3Key: `${'a'.repeat(64)}.zip` } } },
      },
    };
    const message = await deployError(assembly('rollback', { Rollback: template }));
    expect(message).toMatch(/^Fn: AWS::Lambda::Function: code asset asset\.a{64} is missing in .* — synthesize again$/);
    const sqs = new SQSClient(clients());
    await expect(sqs.send(new GetQueueAttributesCommand({ QueueUrl: `${cloud.endpoint}/000000000000/rollback-first`, AttributeNames: ['All'] }))).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
    sqs.destroy();
    const runtime = await deployError(assembly('runtime', { Runtime: { Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.13', Handler: 'x.y', Code: { ZipFile: 'x' } } } } } }));
    expect(runtime).toMatch(/^Fn: AWS::Lambda::Function: .*python3\.13/);
    // Nothing of the failed first deployment remains; destroying it is a no-op, as `cdk destroy` of a missing stack.
    expect(await destroyStack(cloud.endpoint, 'Runtime')).toEqual({ stackName: 'Runtime', existed: false, deleted: [] });
  });
});
