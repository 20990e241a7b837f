/**
 * The relay: the HTTP API's integration, outside the VPC. It hands each request to the store function (in the VPC,
 * with EFS) and, when the store reports a typed JSON record, invokes the router asynchronously. See the stack for why
 * this hop replaces a VPC endpoint.
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { StoreResult } from './contracts.ts';

const lambda = new LambdaClient({});

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set (the stack sets it)`);
  return value;
}

const failure = (): APIGatewayProxyStructuredResultV2 => ({ statusCode: 502, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Bad Gateway' }) });

export const handler = async (event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<APIGatewayProxyStructuredResultV2> => {
  const answer = await lambda.send(new InvokeCommand({ FunctionName: requiredEnv('STORE_FUNCTION'), Payload: JSON.stringify(event) }));
  if (answer.FunctionError || !answer.Payload) {
    console.error(JSON.stringify({ level: 'error', message: 'store failed', functionError: answer.FunctionError, detail: Buffer.from(answer.Payload ?? []).toString('utf8').slice(0, 500) }));
    return failure();
  }
  const result = JSON.parse(Buffer.from(answer.Payload).toString('utf8')) as StoreResult;
  if (result.route) {
    try {
      await lambda.send(new InvokeCommand({ FunctionName: requiredEnv('ROUTER_FUNCTION'), InvocationType: 'Event', Payload: JSON.stringify(result.route) }));
    } catch (error) {
      // The dataset is stored; routing is a copy that can be redone from the lake. Do not fail the upload.
      console.error(JSON.stringify({ level: 'error', message: 'routing failed', error: (error as Error).message, dataset: result.route.dataset }));
    }
  }
  return result.response;
};
