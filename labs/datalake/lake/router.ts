/**
 * The router: writes typed JSON records into DynamoDB, one item per (type, owner#dataset). Invoked asynchronously
 * by the relay; Lambda retries it on failure. A late retry must not overwrite a newer version: the write is
 * conditional on updatedAt.
 */
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RoutedRecord } from './contracts.ts';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });

export const recordKey = (record: Pick<RoutedRecord, 'owner' | 'dataset'>) => `${record.owner}#${record.dataset}`;

export const handler = async (routed: RoutedRecord): Promise<void> => {
  const table = process.env.RECORDS_TABLE;
  if (!table) throw new Error('Environment variable RECORDS_TABLE is not set (the stack sets it)');
  try {
    await documents.send(
      new PutCommand({
        TableName: table,
        Item: { type: routed.type, key: recordKey(routed), owner: routed.owner, dataset: routed.dataset, version: routed.version, updatedAt: routed.updatedAt, record: routed.record },
        ConditionExpression: 'attribute_not_exists(#key) OR updatedAt <= :updatedAt',
        ExpressionAttributeNames: { '#key': 'key' },
        ExpressionAttributeValues: { ':updatedAt': routed.updatedAt },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};
