/** SSM Parameter Store access for lab secrets, local or in the student's account. */
import { randomBytes } from 'node:crypto';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { regionFromEnv } from './aws-account.ts';

export const LOCAL_ENDPOINT = 'http://127.0.0.1:4566';

export function ssmClientFor(target: 'local' | 'aws', region = regionFromEnv(), localEndpoint = process.env.AWS_ENDPOINT_URL ?? LOCAL_ENDPOINT): SSMClient {
  return target === 'local'
    ? new SSMClient({ region, endpoint: localEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })
    : new SSMClient({ region, endpoint: `https://ssm.${region}.amazonaws.com` });
}

export async function putLabSecret(client: SSMClient, name: string, value = randomBytes(32).toString('hex')): Promise<string> {
  await client.send(new PutParameterCommand({ Name: name, Value: value, Type: 'SecureString', Overwrite: true, Description: 'Webhook secret of the ccvs course lab' }));
  return value;
}
