/** The deployer against a real `cdk synth` (NodejsFunction bundled by the local esbuild, SNS, SQS, HTTP API). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startLocalCloud, type LocalCloud } from '../core/server.ts';
import { parseArgs } from './args.ts';
import { deploy, destroy } from './cli.ts';
import { physicalName } from './engine.ts';
import { synthesize } from './synth.ts';

const fixtureApp = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'app');
const STACK = 'DeployerFixture';
let cloud: LocalCloud;
let tmp: string;
let assemblyDir: string;
const credentials = { accessKeyId: 'AKIASTUDENT', secretAccessKey: 'x' };

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deployer-cdk-'));
  assemblyDir = path.join(tmp, 'cdk.out');
  // Synthesizing (with esbuild bundling) takes seconds: once for the whole file.
  await Promise.all([
    synthesize({ appDir: fixtureApp, outDir: assemblyDir }),
    startLocalCloud({ port: 0, dataDir: path.join(tmp, 'data') }).then((c) => (cloud = c)),
  ]);
}, 180_000);
afterAll(async () => {
  await cloud?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const run = async (argv: string[]) => {
  const lines: string[] = [];
  const options = parseArgs(argv, cloud.endpoint);
  const results = argv[0] === 'destroy' ? (await destroy(options, (l) => lines.push(l)), []) : await deploy(options, (l) => lines.push(l));
  return { results, printed: lines.join('\n') };
};

async function post(url: string, body: string) {
  const response = await fetch(new URL('events', url), { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
  return { status: response.status, body: await response.text() };
}

type Resource = { Type: string; Properties: Record<string, unknown> };

/** A copy of the synthesized assembly with one resource of `type` changed, as if the stack's code had that mistake. */
function variant(name: string, type: string, change: (properties: Record<string, unknown>) => void): string {
  const copy = path.join(tmp, name);
  fs.cpSync(assemblyDir, copy, { recursive: true });
  const file = path.join(copy, `${STACK}.template.json`);
  const template = JSON.parse(fs.readFileSync(file, 'utf8')) as { Resources: Record<string, Resource> };
  change(Object.values(template.Resources).find((r) => r.Type === type)!.Properties);
  fs.writeFileSync(file, JSON.stringify(template));
  return copy;
}

/** The publish statement removed from the function's policy, as if grantPublish were deleted. */
const withoutGrant = () =>
  variant('without-grant', 'AWS::IAM::Policy', (properties) => {
    const document = properties.PolicyDocument as { Statement: Array<{ Action: unknown }> };
    const before = document.Statement.length;
    document.Statement = document.Statement.filter((s) => JSON.stringify(s.Action) !== '"sns:Publish"');
    expect(document.Statement.length).toBe(before - 1);
  });

describe('deploy:local --assembly with a real cdk synth', () => {
  it('deploys the stack, prints outputs like cdk deploy and writes the outputs file', async () => {
    const outputsFile = path.join(tmp, 'outputs', 'local.json');
    const { results, printed } = await run(['deploy', '--assembly', assemblyDir, '--outputs-file', outputsFile]);
    const outputs = results[0]!.outputs;
    expect(outputs.ApiUrl).toMatch(new RegExp(`^${cloud.endpoint}/_aws/execute-api/[a-z0-9]+/$`));
    expect(printed).toContain(`${STACK}.ApiUrl = ${outputs.ApiUrl}`);
    expect(printed).toContain(`${STACK}.QueueUrl = ${outputs.QueueUrl}`);
    expect(JSON.parse(fs.readFileSync(outputsFile, 'utf8'))).toEqual({ [STACK]: outputs });
    expect(results[0]!.warnings).toEqual([]);

    const published = await post(outputs.ApiUrl!, 'deployed locally');
    expect(published.status).toBe(201);
    expect(JSON.parse(published.body)).toMatchObject({ route: 'POST /events', messageId: expect.any(String) });
    const sqs = new SQSClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials });
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: outputs.QueueUrl, WaitTimeSeconds: 2 }));
    expect(Messages?.map((m) => m.Body)).toEqual(['deployed locally']);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: outputs.QueueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle }));
    sqs.destroy();
  });

  it('fails with AWS’s AuthorizationError once the grant is removed, and works again when it is back', async () => {
    const { results } = await run(['deploy', '--assembly', withoutGrant()]);
    const { outputs, changes } = results[0]!;
    expect(changes.updated).toContain('PublisherServiceRoleDefaultPolicy0E21E942');
    expect(changes.replaced).toEqual([]);
    expect(await post(outputs.ApiUrl!, 'no grant')).toEqual({ status: 500, body: '{"message":"Internal Server Error"}' });

    const lambda = new LambdaClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials });
    const answer = await lambda.send(new InvokeCommand({ FunctionName: outputs.FunctionName, Payload: JSON.stringify({ body: 'direct', routeKey: 'POST /events' }) }));
    const error = JSON.parse(Buffer.from(answer.Payload!).toString('utf8'));
    const role = physicalName(STACK, 'PublisherServiceRoleF4D9160F', 64);
    const topicArn = `arn:aws:sns:eu-central-1:000000000000:${physicalName(STACK, 'EventsD32975C2', 256)}`;
    expect(answer.FunctionError).toBe('Unhandled');
    // SDK v3 names SNS's `AuthorizationError` code `AuthorizationErrorException`, on AWS as here.
    expect(error).toMatchObject({
      errorType: 'AuthorizationErrorException',
      errorMessage: `User: arn:aws:sts::000000000000:assumed-role/${role}/${outputs.FunctionName} is not authorized to perform: SNS:Publish on resource: ${topicArn} because no identity-based policy allows the SNS:Publish action`,
    });
    lambda.destroy();

    await run(['deploy', '--assembly', assemblyDir]);
    expect((await post(outputs.ApiUrl!, 'granted again')).status).toBe(201);
  });

  it('answers a broken handler path and a misnamed route as AWS does', async () => {
    const lambda = new LambdaClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials });
    const broken = await run(['deploy', '--assembly', variant('bad-handler', 'AWS::Lambda::Function', (p) => void (p.Handler = 'index.handle'))]);
    const { outputs } = broken.results[0]!;
    const answer = await lambda.send(new InvokeCommand({ FunctionName: outputs.FunctionName, Payload: '{}' }));
    expect(JSON.parse(Buffer.from(answer.Payload!).toString('utf8'))).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handle is undefined or not exported' });
    lambda.destroy();
    expect(await post(outputs.ApiUrl!, 'x')).toEqual({ status: 500, body: '{"message":"Internal Server Error"}' });

    await run(['deploy', '--assembly', variant('bad-route', 'AWS::ApiGatewayV2::Route', (p) => void (p.RouteKey = 'POST /event'))]);
    expect(await post(outputs.ApiUrl!, 'x')).toEqual({ status: 404, body: '{"message":"Not Found"}' });
    await run(['deploy', '--assembly', assemblyDir]);
    expect((await post(outputs.ApiUrl!, 'fixed')).status).toBe(201);
  });

  it('destroys the stack: the API answers 404 afterwards', async () => {
    const url = (await run(['deploy', '--assembly', assemblyDir])).results[0]!.outputs.ApiUrl!;
    const { printed } = await run(['destroy', '--assembly', assemblyDir]);
    expect(printed).toMatch(new RegExp(`${STACK}: destroyed \\(\\d+ resources removed\\)`));
    expect((await post(url, 'gone')).status).toBe(404);
  });
});
