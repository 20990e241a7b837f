/** The routing step: JSON records that declare a `type` are copied into DynamoDB by the router function. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOY_TIMEOUT_MS, lakeStack, uniqueName, type LakeStack, type LakeUser } from './deployment.ts';

let stack: LakeStack;
let user: LakeUser;
let documents: DynamoDBDocumentClient;
beforeAll(async () => {
  stack = await lakeStack();
  user = await stack.newUser();
  const local = stack.endpoint ? { endpoint: stack.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {};
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION ?? 'eu-central-1', ...local }));
}, DEPLOY_TIMEOUT_MS);
afterAll(async () => {
  documents?.destroy();
  await stack?.close();
});

async function item(type: string, dataset: string) {
  const { Item } = await documents.send(new GetCommand({ TableName: stack.recordsTable, Key: { type, key: `${user.sub}#${dataset}` }, ConsistentRead: true }));
  return Item;
}

/** The router runs asynchronously: poll for a while. */
async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T | undefined> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('routing by type', () => {
  it('a JSON record with a declared type is also written to the records table', async () => {
    const name = uniqueName('reading.json');
    await user.lake.put(name, Buffer.from(JSON.stringify({ type: 'measurement', sensor: 'S1', value: 42 })), 'application/json');
    const routed = await eventually(() => item('measurement', name));
    expect(routed).toMatchObject({ type: 'measurement', owner: user.sub, dataset: name, record: { sensor: 'S1', value: 42 } });
  }, 30_000);

  it('JSON without a type and CSV stay in the lake only', async () => {
    const untyped = uniqueName('untyped.json');
    const csv = uniqueName('typed.csv');
    await user.lake.put(untyped, Buffer.from('{"value":1}'), 'application/json');
    await user.lake.put(csv, Buffer.from('type\nmeasurement\n'), 'text/csv');
    // A typed record written afterwards proves the router has run by the time we look.
    const marker = uniqueName('marker.json');
    await user.lake.put(marker, Buffer.from('{"type":"marker"}'), 'application/json');
    expect(await eventually(() => item('marker', marker))).toBeDefined();
    expect(await item('measurement', csv)).toBeUndefined();
    expect(await item('undefined', untyped)).toBeUndefined();
  }, 30_000);
});
