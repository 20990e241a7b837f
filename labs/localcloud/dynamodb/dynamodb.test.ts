import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateTableCommand, DescribeTimeToLiveCommand, DynamoDBClient, UpdateTimeToLiveCommand, TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactGetCommand, TransactWriteCommand, UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { startLocalCloud, type LocalCloud } from '../core/server.ts';
import { manualClock } from '../core/clock.ts';
import { iamApi } from '../iam/api.ts';
import { DYNAMODB_REGISTRY_KEY, type DynamoDbInternalApi } from './api.ts';

let cloud: LocalCloud;
let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
const clock = manualClock(Date.UTC(2026, 0, 1));

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0, clock });
  client = new DynamoDBClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'AKIASTUDENT', secretAccessKey: 'x' }, maxAttempts: 1 });
  doc = DynamoDBDocumentClient.from(client);
  await client.send(new CreateTableCommand({
    TableName: 'Counters', BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  const internal = cloud.context.registry.get(DYNAMODB_REGISTRY_KEY) as DynamoDbInternalApi;
  await internal.createTable({
    TableName: 'Orders', BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'customer', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byCustomer', KeySchema: [{ AttributeName: 'customer', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  });
});
afterAll(async () => {
  client.destroy();
  await cloud.stop();
});

describe('DynamoDB behind the local cloud', () => {
  it('keeps 200 concurrent conditional decrements of a counter at 100 linearizable', async () => {
    await doc.send(new PutCommand({ TableName: 'Counters', Item: { pk: 'tickets', left: 100 } }));
    const attempts = Array.from({ length: 200 }, () =>
      doc.send(new UpdateCommand({
        TableName: 'Counters', Key: { pk: 'tickets' },
        UpdateExpression: 'SET #left = #left - :one', ConditionExpression: '#left > :zero',
        ExpressionAttributeNames: { '#left': 'left' }, ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
      })).then(() => 'ok', (error: Error) => error.name),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(100);
    expect(outcomes.filter((o) => o === 'ConditionalCheckFailedException')).toHaveLength(100);
    expect((await doc.send(new GetCommand({ TableName: 'Counters', Key: { pk: 'tickets' }, ConsistentRead: true }))).Item?.left).toBe(0);
  });

  it('queries a GSI created from a table definition', async () => {
    await doc.send(new PutCommand({ TableName: 'Orders', Item: { pk: 'o1', customer: 'ada', total: 5 } }));
    await doc.send(new PutCommand({ TableName: 'Orders', Item: { pk: 'o2', customer: 'bob', total: 7 } }));
    const found = await doc.send(new QueryCommand({ TableName: 'Orders', IndexName: 'byCustomer', KeyConditionExpression: 'customer = :c', ExpressionAttributeValues: { ':c': 'ada' } }));
    expect(found.Items?.map((i) => i.pk)).toEqual(['o1']);
  });

  it('applies TransactWriteItems all or nothing with cancellation reasons', async () => {
    await doc.send(new PutCommand({ TableName: 'Counters', Item: { pk: 'seats', left: 1 } }));
    const book = (id: string) => doc.send(new TransactWriteCommand({
      TransactItems: [
        { Update: { TableName: 'Counters', Key: { pk: 'seats' }, UpdateExpression: 'SET #l = #l - :one', ConditionExpression: '#l > :zero', ExpressionAttributeNames: { '#l': 'left' }, ExpressionAttributeValues: { ':one': 1, ':zero': 0 } } },
        { Put: { TableName: 'Orders', Item: { pk: id, customer: 'cy' }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    }));
    await book('t1');
    const second = await book('t2').catch((error: unknown) => error);
    expect(second).toBeInstanceOf(TransactionCanceledException);
    expect((second as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual(['ConditionalCheckFailed', 'None']);
    expect((await doc.send(new GetCommand({ TableName: 'Orders', Key: { pk: 't2' } }))).Item).toBeUndefined();
    const got = await doc.send(new TransactGetCommand({ TransactItems: [{ Get: { TableName: 'Counters', Key: { pk: 'seats' } } }, { Get: { TableName: 'Orders', Key: { pk: 't1' } } }, { Get: { TableName: 'Orders', Key: { pk: 'none' } } }] }));
    expect(got.Responses?.map((r) => r.Item)).toEqual([{ pk: 'seats', left: 0 }, { pk: 't1', customer: 'cy' }, undefined]);
  });

  it('refuses two actions on one item in a transaction', async () => {
    const both = doc.send(new TransactWriteCommand({ TransactItems: [
      { Put: { TableName: 'Orders', Item: { pk: 'dup' } } }, { Delete: { TableName: 'Orders', Key: { pk: 'dup' } } },
    ] }));
    await expect(both).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/multiple operations on one item/) });
  });

  it('enables TTL and sweeps expired items on the cloud clock', async () => {
    await client.send(new UpdateTimeToLiveCommand({ TableName: 'Orders', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' } }));
    expect((await client.send(new DescribeTimeToLiveCommand({ TableName: 'Orders' }))).TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    const nowSeconds = clock.now() / 1000;
    await doc.send(new PutCommand({ TableName: 'Orders', Item: { pk: 'old', expiresAt: nowSeconds + 30 } }));
    await doc.send(new PutCommand({ TableName: 'Orders', Item: { pk: 'new', expiresAt: nowSeconds + 3600 } }));
    clock.advance(60_000);
    const internal = cloud.context.registry.get(DYNAMODB_REGISTRY_KEY) as DynamoDbInternalApi;
    await internal.sweepExpired();
    expect((await doc.send(new GetCommand({ TableName: 'Orders', Key: { pk: 'old' } }))).Item).toBeUndefined();
    expect((await doc.send(new GetCommand({ TableName: 'Orders', Key: { pk: 'new' } }))).Item).toBeDefined();
    await expect(client.send(new DescribeTimeToLiveCommand({ TableName: 'Missing' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('refuses role credentials without a grant with AccessDeniedException naming action and table', async () => {
    const iam = iamApi(cloud.context.registry)!;
    const roleArn = iam.putRole('OrdersReader', [{ Statement: { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: 'arn:aws:dynamodb:eu-central-1:000000000000:table/Orders' } }]);
    const asRole = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: iam.credentialsForRole(roleArn, 'fn'), maxAttempts: 1 }));
    expect((await asRole.send(new GetCommand({ TableName: 'Orders', Key: { pk: 'o1' } }))).Item?.customer).toBe('ada');
    await expect(asRole.send(new PutCommand({ TableName: 'Orders', Item: { pk: 'x' } }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: 'User: arn:aws:sts::000000000000:assumed-role/OrdersReader/fn is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:eu-central-1:000000000000:table/Orders because no identity-based policy allows the dynamodb:PutItem action',
    });
    // The index is its own resource: a grant on the table does not cover a GSI query.
    await expect(asRole.send(new QueryCommand({ TableName: 'Orders', IndexName: 'byCustomer', KeyConditionExpression: 'customer = :c', ExpressionAttributeValues: { ':c': 'ada' } }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    asRole.destroy();
  });
});
