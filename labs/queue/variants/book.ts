/**
 * Workbook exercise "1 book": the last copy of a book, many buyers at once. One item, one conditional write:
 * the copy gets an owner only if it has none yet. No lock, no queue — the database decides who was first.
 */
import { GetItemCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

export async function stockBook(db: DynamoDBClient, table: string, bookId: string): Promise<void> {
  await db.send(new PutItemCommand({ TableName: table, Item: { id: { S: bookId } } }));
}

/** True when `buyer` got the book; false when someone else already owns it. */
export async function buyBook(db: DynamoDBClient, table: string, bookId: string, buyer: string): Promise<boolean> {
  try {
    await db.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { id: { S: bookId } },
        UpdateExpression: 'SET ownerName = :buyer',
        ConditionExpression: 'attribute_exists(id) AND attribute_not_exists(ownerName)',
        ExpressionAttributeValues: { ':buyer': { S: buyer } },
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function ownerOf(db: DynamoDBClient, table: string, bookId: string): Promise<string | undefined> {
  const { Item } = await db.send(new GetItemCommand({ TableName: table, Key: { id: { S: bookId } }, ConsistentRead: true }));
  return Item?.ownerName?.S;
}
