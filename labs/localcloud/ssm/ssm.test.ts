import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeleteParameterCommand, GetParameterCommand, GetParametersByPathCommand, GetParametersCommand, PutParameterCommand, SSMClient,
} from '@aws-sdk/client-ssm';
import { startLocalCloud, type LocalCloud } from '../core/server.ts';
import { iamApi } from '../iam/api.ts';

let cloud: LocalCloud;
let ssm: SSMClient;
const credentials = { accessKeyId: 'AKIASTUDENT', secretAccessKey: 'x' };

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0 });
  ssm = new SSMClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials });
});
afterAll(async () => {
  ssm.destroy();
  await cloud.stop();
});

describe('SSM Parameter Store', () => {
  it('puts and gets String, StringList and SecureString parameters', async () => {
    expect((await ssm.send(new PutParameterCommand({ Name: '/app/name', Type: 'String', Value: 'shop' }))).Version).toBe(1);
    await ssm.send(new PutParameterCommand({ Name: '/app/list', Type: 'StringList', Value: 'a,b' }));
    await ssm.send(new PutParameterCommand({ Name: '/app/secret/token', Type: 'SecureString', Value: 's3cr3t' }));
    const plain = await ssm.send(new GetParameterCommand({ Name: '/app/name' }));
    expect(plain.Parameter).toMatchObject({ Name: '/app/name', Type: 'String', Value: 'shop', Version: 1, ARN: 'arn:aws:ssm:eu-central-1:000000000000:parameter/app/name' });
    expect(plain.Parameter?.LastModifiedDate).toBeInstanceOf(Date);
    const hidden = await ssm.send(new GetParameterCommand({ Name: '/app/secret/token' }));
    expect(hidden.Parameter?.Value).not.toContain('s3cr3t');
    const shown = await ssm.send(new GetParameterCommand({ Name: '/app/secret/token', WithDecryption: true }));
    expect(shown.Parameter?.Value).toBe('s3cr3t');
  });

  it('refuses to overwrite without Overwrite and bumps the version with it', async () => {
    await expect(ssm.send(new PutParameterCommand({ Name: '/app/name', Type: 'String', Value: 'x' }))).rejects.toMatchObject({ name: 'ParameterAlreadyExists' });
    const put = await ssm.send(new PutParameterCommand({ Name: '/app/name', Type: 'String', Value: 'shop2', Overwrite: true }));
    expect(put.Version).toBe(2);
    expect((await ssm.send(new GetParameterCommand({ Name: '/app/name' }))).Parameter?.Value).toBe('shop2');
  });

  it('answers GetParameters with InvalidParameters and GetParametersByPath with and without Recursive', async () => {
    const many = await ssm.send(new GetParametersCommand({ Names: ['/app/name', '/app/missing'] }));
    expect(many.Parameters?.map((p) => p.Name)).toEqual(['/app/name']);
    expect(many.InvalidParameters).toEqual(['/app/missing']);
    const flat = await ssm.send(new GetParametersByPathCommand({ Path: '/app' }));
    expect(flat.Parameters?.map((p) => p.Name)).toEqual(['/app/list', '/app/name']);
    const deep = await ssm.send(new GetParametersByPathCommand({ Path: '/app', Recursive: true, WithDecryption: true }));
    expect(deep.Parameters?.map((p) => [p.Name, p.Value])).toEqual([['/app/list', 'a,b'], ['/app/name', 'shop2'], ['/app/secret/token', 's3cr3t']]);
    const page = await ssm.send(new GetParametersByPathCommand({ Path: '/app', Recursive: true, MaxResults: 2 }));
    expect(page.Parameters).toHaveLength(2);
    const rest = await ssm.send(new GetParametersByPathCommand({ Path: '/app', Recursive: true, MaxResults: 2, NextToken: page.NextToken }));
    expect(rest.Parameters?.map((p) => p.Name)).toEqual(['/app/secret/token']);
    expect(rest.NextToken).toBeUndefined();
  });

  it('deletes and reports ParameterNotFound like AWS', async () => {
    await ssm.send(new DeleteParameterCommand({ Name: '/app/list' }));
    await expect(ssm.send(new GetParameterCommand({ Name: '/app/list' }))).rejects.toMatchObject({ name: 'ParameterNotFound' });
    await expect(ssm.send(new DeleteParameterCommand({ Name: '/app/list' }))).rejects.toMatchObject({ name: 'ParameterNotFound' });
  });

  it('rejects bad input with a ValidationException naming the problem', async () => {
    await expect(ssm.send(new PutParameterCommand({ Name: 'bad name!', Type: 'String', Value: 'x' }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(ssm.send(new PutParameterCommand({ Name: '/x', Type: 'Number' as never, Value: 'x' }))).rejects.toThrow(/Type "Number"/);
    await expect(ssm.send(new GetParametersByPathCommand({ Path: 'relative' }))).rejects.toThrow(/Path must start/);
  });

  it('refuses role credentials without an ssm grant with AccessDeniedException', async () => {
    const iam = iamApi(cloud.context.registry)!;
    const roleArn = iam.putRole('ReaderRole', [{ Statement: { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: 'arn:aws:ssm:eu-central-1:000000000000:parameter/app/name' } }]);
    const asRole = new SSMClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: iam.credentialsForRole(roleArn, 'fn') });
    expect((await asRole.send(new GetParameterCommand({ Name: '/app/name' }))).Parameter?.Value).toBe('shop2');
    const denied = asRole.send(new GetParameterCommand({ Name: '/app/secret/token', WithDecryption: true }));
    await expect(denied).rejects.toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    await expect(denied).rejects.toThrow(
      'User: arn:aws:sts::000000000000:assumed-role/ReaderRole/fn is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:eu-central-1:000000000000:parameter/app/secret/token because no identity-based policy allows the ssm:GetParameter action',
    );
    asRole.destroy();
  });
});
