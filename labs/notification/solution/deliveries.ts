import { ConditionalCheckFailedException, DeleteItemCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DeliveryLog } from '../webhook/contracts.ts';

/** Providers redeliver for hours at most; a week of memory is plenty, and TTL deletes it for free. */
const REMEMBER_SECONDS = 7 * 24 * 3600;

export function deliveryLog(client: DynamoDBClient, table: string, now = () => Date.now()): DeliveryLog {
  const key = (id: string) => ({ deliveryId: { S: id } });
  return {
    async claim(deliveryId) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: table,
            Item: {
              ...key(deliveryId),
              status: { S: 'processing' },
              expiresAt: { N: String(Math.floor(now() / 1000) + REMEMBER_SECONDS) },
            },
            // The conditional write is the lock: of two concurrent redeliveries exactly one succeeds.
            ConditionExpression: 'attribute_not_exists(deliveryId)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    async complete(deliveryId) {
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: key(deliveryId),
          UpdateExpression: 'SET #s = :done',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':done': { S: 'sent' } },
        }),
      );
    },
    async release(deliveryId) {
      await client.send(new DeleteItemCommand({ TableName: table, Key: key(deliveryId) }));
    },
  };
}
