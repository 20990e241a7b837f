import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetFunctionCommand, InvokeCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { iamApi } from '../iam/api.ts';
import { LambdaApiError } from './api.ts';
import { decode, eventually, startComputeFixture, type ComputeFixture } from './testing.ts';

let f: ComputeFixture;

beforeAll(async () => {
  f = await startComputeFixture();
});
afterAll(() => f.stop());

const invoke = (FunctionName: string, payload: unknown = {}, extra: Partial<ConstructorParameters<typeof InvokeCommand>[0]> = {}) =>
  f.client.send(new InvokeCommand({ FunctionName, Payload: Buffer.from(JSON.stringify(payload)), ...extra }));

type BasicResult = {
  invocations: number;
  instance: string;
  event: unknown;
  context: Record<string, unknown>;
  env: Record<string, string>;
};

describe('Lambda runtime', () => {
  it('runs a CommonJS handler with the context object and the environment Lambda sets', async () => {
    const roleArn = 'arn:aws:iam::000000000000:role/basic-role';
    await f.createFunction('basic', 'basic', { runtime: 'nodejs22.x', memorySize: 256, timeout: 5, roleArn, environment: { GREETING: 'hallo' } });
    const out = await invoke('basic', { orderId: 7 });
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(out.ExecutedVersion).toBe('$LATEST');
    const result = decode(out.Payload) as BasicResult;
    expect(result.event).toEqual({ orderId: 7 });
    expect(result.context).toMatchObject({
      functionName: 'basic',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-central-1:000000000000:function:basic',
      memoryLimitInMB: '256',
      logGroupName: '/aws/lambda/basic',
    });
    expect(result.context.awsRequestId).toBe(out.$metadata.requestId);
    expect(result.context.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(result.context.remaining).toBeGreaterThan(4000);
    expect(result.context.remaining).toBeLessThanOrEqual(5000);
    expect(result.env).toMatchObject({
      AWS_ENDPOINT_URL: f.cloud.endpoint,
      AWS_REGION: 'eu-central-1',
      AWS_DEFAULT_REGION: 'eu-central-1',
      AWS_LAMBDA_FUNCTION_NAME: 'basic',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/basic',
      AWS_LAMBDA_LOG_STREAM_NAME: result.context.logStreamName,
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      _HANDLER: 'index.handler',
      GREETING: 'hallo',
    });
    expect(result.env.LAMBDA_TASK_ROOT).toMatch(/__fixtures__\/basic$/);
    // Credentials bound to the function's role, from the IAM module, so IAM enforcement sees who calls.
    const iam = iamApi(f.cloud.context.registry)!.credentialsForRole(roleArn, 'basic');
    expect(result.env).toMatchObject({ AWS_ACCESS_KEY_ID: iam.accessKeyId, AWS_SECRET_ACCESS_KEY: iam.secretAccessKey, AWS_SESSION_TOKEN: iam.sessionToken });
  });

  it('reuses module scope on warm invocations and logs Init Duration only on the cold one', async () => {
    await f.createFunction('warm', 'basic');
    const first = await invoke('warm', { n: 1 }, { LogType: 'Tail' });
    const second = await invoke('warm', { n: 2 }, { LogType: 'Tail' });
    const [a, b] = [decode(first.Payload), decode(second.Payload)] as BasicResult[];
    expect(a.invocations).toBe(1);
    expect(b.invocations).toBe(2);
    expect(b.instance).toBe(a.instance);
    const coldLog = Buffer.from(first.LogResult!, 'base64').toString('utf8');
    const warmLog = Buffer.from(second.LogResult!, 'base64').toString('utf8');
    expect(coldLog).toContain(`START RequestId: ${first.$metadata.requestId} Version: $LATEST`);
    expect(coldLog).toMatch(new RegExp(`\\t${first.$metadata.requestId}\\tINFO\\thandling \\{"n":1\\}`));
    expect(coldLog).toContain(`END RequestId: ${first.$metadata.requestId}`);
    expect(coldLog).toMatch(/REPORT RequestId: \S+\tDuration: \d+\.\d{2} ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d{2} ms/);
    expect(warmLog).toMatch(/REPORT RequestId: \S+\tDuration: [\d.]+ ms/);
    expect(warmLog).not.toContain('Init Duration');
    expect(warmLog).not.toContain('{"n":1}');
  });

  it('starts one instance per concurrent invocation and throttles beyond the reserved concurrency', async () => {
    await f.createFunction('parallel', 'basic', { handler: 'index.slow' });
    const both = await Promise.all([invoke('parallel', { ms: 300 }), invoke('parallel', { ms: 300 })]);
    const instances = both.map((o) => (decode(o.Payload) as { instance: string }).instance);
    expect(new Set(instances).size).toBe(2);

    await f.createFunction('reserved', 'basic', { handler: 'index.slow', reservedConcurrency: 1 });
    const results = await Promise.allSettled([invoke('reserved', { ms: 400 }), invoke('reserved', { ms: 400 })]);
    const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason.name).toBe('TooManyRequestsException');
    expect(rejected[0].reason.$metadata.httpStatusCode).toBe(429);
  });

  it('shapes an unhandled error like AWS and sets X-Amz-Function-Error', async () => {
    await f.createFunction('throws', 'throws');
    const out = await invoke('throws');
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    const error = decode(out.Payload) as { errorType: string; errorMessage: string; trace: string[] };
    expect(error.errorType).toBe('TypeError');
    expect(error.errorMessage).toBe('boom: the order has no items');
    expect(error.trace[0]).toBe('TypeError: boom: the order has no items');
  });

  it('ends a busy-looping handler at its timeout with the AWS message and keeps serving', async () => {
    await f.createFunction('hang', 'hang', { timeout: 1 });
    const started = Date.now();
    const out = await invoke('hang', {}, { LogType: 'Tail' });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(out.FunctionError).toBe('Unhandled');
    expect(decode(out.Payload)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${out.$metadata.requestId} Error: Task timed out after 1.00 seconds`,
    });
    expect(Buffer.from(out.LogResult!, 'base64').toString()).toMatch(/Task timed out after 1\.00 seconds[\s\S]*Status: timeout/);
    const list = await f.client.send(new ListFunctionsCommand({}));
    expect(list.Functions?.map((fn) => fn.FunctionName)).toContain('hang');
  });

  it('reports process.exit in a handler as Runtime.ExitError without taking the cloud down', async () => {
    await f.createFunction('exits', 'exit');
    const out = await invoke('exits');
    expect(out.FunctionError).toBe('Unhandled');
    expect(decode(out.Payload)).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${out.$metadata.requestId} Error: Runtime exited with error: exit status 3`,
    });
    expect((await invoke('warm')).FunctionError).toBeUndefined();
  });

  it('reports an exception thrown outside the handler and starts a fresh instance afterwards', async () => {
    await f.createFunction('uncaught', 'uncaught');
    const out = await invoke('uncaught');
    expect(out.FunctionError).toBe('Unhandled');
    expect(decode(out.Payload)).toMatchObject({ errorType: 'RangeError', errorMessage: 'escaped the handler' });
    const again = await invoke('uncaught', {}, { LogType: 'Tail' });
    expect(Buffer.from(again.LogResult!, 'base64').toString()).toContain('Init Duration');
  });

  it('ends a function that exceeds its memory size with Runtime.OutOfMemory', async () => {
    await f.createFunction('hog', 'hog', { memorySize: 128, timeout: 20 });
    const out = await invoke('hog');
    expect(out.FunctionError).toBe('Unhandled');
    expect(decode(out.Payload)).toEqual({
      errorType: 'Runtime.OutOfMemory',
      errorMessage: `RequestId: ${out.$metadata.requestId} Error: Runtime exited with error: signal: killed`,
    });
    expect((await invoke('warm')).FunctionError).toBeUndefined();
  });

  it('refuses non-serialisable and oversized responses as AWS does', async () => {
    await f.createFunction('circular', 'circular');
    const circular = await invoke('circular');
    expect(circular.FunctionError).toBe('Unhandled');
    expect(decode(circular.Payload)).toMatchObject({ errorType: 'Error', errorMessage: 'Unable to stringify response body' });

    await f.createFunction('big', 'big', { memorySize: 512 });
    const big = await invoke('big');
    expect(big.StatusCode).toBe(200);
    expect(big.FunctionError).toBe('Unhandled');
    expect(decode(big.Payload)).toEqual({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
    });
  });

  it('runs callback handlers on nodejs22.x and refuses them on nodejs24.x', async () => {
    await f.createFunction('callback22', 'callback', { runtime: 'nodejs22.x' });
    await f.createFunction('callback24', 'callback', { runtime: 'nodejs24.x' });
    const old = await invoke('callback22');
    expect(decode(old.Payload)).toEqual({ style: 'callback', runtime: 'AWS_Lambda_nodejs22.x' });
    const refused = await invoke('callback24');
    expect(refused.FunctionError).toBe('Unhandled');
    const error = decode(refused.Payload) as { errorType: string; errorMessage: string };
    expect(error.errorType).toBe('Runtime.CallbackHandlerDeprecated');
    expect(error.errorMessage).toContain('removed support for callback-based function handlers starting with Node.js 24');
  });

  it('provides the AWS SDK v3 to ES module and CommonJS code that leaves it external', async () => {
    await f.createFunction('sdk-cjs', f.copyOutsideRepo('sdk-cjs'), { timeout: 10 });
    const created = decode((await invoke('sdk-cjs', { queueName: 'from-lambda' })).Payload) as { queueUrl: string };
    expect(created.queueUrl).toMatch(/\/from-lambda$/);

    await f.createFunction('sdk-esm', f.copyOutsideRepo('sdk-esm'), { timeout: 10 });
    const out = await invoke('sdk-esm');
    expect(out.FunctionError).toBeUndefined();
    expect(decode(out.Payload)).toEqual({ queues: [created.queueUrl], endpoint: f.cloud.endpoint });
  });

  it('loads a .js file with import/export as an ES module, as Node 22 detects it', async () => {
    await f.createFunction('esm-js', f.copyOutsideRepo('esm-js'));
    expect(decode((await invoke('esm-js')).Payload)).toEqual({ format: 'module', helped: 'yes' });
  });

  it('answers Event with 202 and DryRun with 204 without running the handler synchronously', async () => {
    await f.createFunction('modes', 'basic');
    const event = await invoke('modes', {}, { InvocationType: 'Event' });
    expect(event.StatusCode).toBe(202);
    const dry = await invoke('modes', {}, { InvocationType: 'DryRun' });
    expect(dry.StatusCode).toBe(204);
  });

  it('retries a failing asynchronous invocation twice, one and two minutes later', async () => {
    await f.createFunction('async-fails', 'throws');
    const starts: string[] = [];
    let reports = 0;
    const unsubscribe = f.cloud.context.events.subscribe((e) => {
      const text = String(e.detail?.text ?? '');
      if (e.type !== 'log' || !e.resource?.endsWith(':async-fails')) return;
      if (text.startsWith('START')) starts.push(text);
      if (text.includes('REPORT RequestId')) reports++;
    });
    // The retry is scheduled once the attempt has finished (its REPORT line) and fires on the cloud's clock.
    const settle = async (attempts: number) => {
      await eventually(() => reports === attempts);
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const { requestId } = await f.lambda.invokeAsync('async-fails', { attempt: 'x' });
    await settle(1);
    f.clock.advance(59_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(starts).toHaveLength(1);
    f.clock.advance(1_000);
    await settle(2);
    f.clock.advance(120_000);
    await settle(3);
    f.clock.advance(600_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(starts).toHaveLength(3);
    expect(starts.every((s) => s.includes(requestId))).toBe(true);
    unsubscribe();
  });
});

describe('Lambda API and bad input', () => {
  it('describes functions with GetFunction and ListFunctions', async () => {
    const got = await f.client.send(new GetFunctionCommand({ FunctionName: 'basic' }));
    expect(got.Configuration).toMatchObject({ FunctionName: 'basic', Runtime: 'nodejs22.x', Handler: 'index.handler', MemorySize: 256, Timeout: 5, State: 'Active' });
    expect(got.Configuration?.Environment?.Variables).toEqual({ GREETING: 'hallo' });
    const byArn = await f.client.send(new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:eu-central-1:000000000000:function:basic' }));
    expect(byArn.Configuration?.FunctionName).toBe('basic');
    const page = await f.client.send(new ListFunctionsCommand({ MaxItems: 2 }));
    expect(page.Functions).toHaveLength(2);
    expect(page.NextMarker).toBeTruthy();
  });

  it('answers an unknown function with ResourceNotFoundException (404)', async () => {
    const error = await invoke('nope').then(
      () => undefined,
      (e: { name: string; message: string; $metadata: { httpStatusCode: number } }) => e,
    );
    expect(error?.name).toBe('ResourceNotFoundException');
    expect(error?.$metadata.httpStatusCode).toBe(404);
    expect(error?.message).toBe('Function not found: arn:aws:lambda:eu-central-1:000000000000:function:nope');
  });

  it('refuses a payload that is not JSON with InvalidRequestContentException', async () => {
    const error = await f.client
      .send(new InvokeCommand({ FunctionName: 'basic', Payload: Buffer.from('{not json') }))
      .then(() => undefined, (e: { name: string }) => e);
    expect(error?.name).toBe('InvalidRequestContentException');
  });

  it('refuses bad definitions with a message naming what is wrong', async () => {
    await expect(f.createFunction('old', 'basic', { runtime: 'nodejs18.x' })).rejects.toThrow(/nodejs18\.x at 'runtime'/);
    await expect(f.createFunction('nodir', '/does/not/exist')).rejects.toThrow('Code directory /does/not/exist does not exist');
    await expect(f.createFunction('bad name!', 'basic')).rejects.toBeInstanceOf(LambdaApiError);
    await expect(f.createFunction('basic', 'basic')).rejects.toThrow('Function already exist: basic');
    await expect(f.createFunction('slow', 'basic', { timeout: 901 })).rejects.toThrow(/between 1 and 900/);
  });

  it('reports a missing handler export and module as Runtime errors', async () => {
    await f.createFunction('noexport', 'basic', { handler: 'index.missing' });
    expect(decode((await invoke('noexport')).Payload)).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.missing is undefined or not exported' });
    await f.createFunction('nomodule', 'basic', { handler: 'app.handler' });
    expect(decode((await invoke('nomodule')).Payload)).toMatchObject({ errorType: 'Runtime.ImportModuleError' });
  });

  it('picks up new code on the next invocation', async () => {
    await f.createFunction('updated', 'basic');
    expect((await invoke('updated')).FunctionError).toBeUndefined();
    await f.lambda.updateFunctionCode('updated', { codeDir: (await f.lambda.getFunction('throws'))!.codeDir });
    expect((await invoke('updated')).FunctionError).toBe('Unhandled');
  });
});
