/**
 * The shop's two tables created directly in a local cloud, without deploying the stack: for the proofs and the
 * workbook variants, which exercise only the DynamoDB side.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import type { Tables } from '../app/tables.ts';

export function localDynamo(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
}

export async function createTable(db: DynamoDBClient, key: string, name = `t-${randomUUID().slice(0, 8)}`): Promise<string> {
  await db.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  return name;
}

export async function createShopTables(db: DynamoDBClient): Promise<Tables> {
  return { events: await createTable(db, 'eventId'), orders: await createTable(db, 'orderId') };
}
