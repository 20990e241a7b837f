/**
 * Workbook exercise "50 seats": two ways to sell a small hall.
 * - Counter: one number per event, decremented only while it is positive. Cheap, but buyers cannot choose seats.
 * - Seat-level locking: one item per seat; a booking of several seats is one transaction that takes every seat
 *   only if all are free (all or nothing), so two buyers never share a seat and nobody gets half a booking.
 */
import { TransactWriteItemsCommand, UpdateItemCommand, ScanCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

const seatKey = (eventId: string, seat: number) => `${eventId}#${seat}`;

export async function openCounter(db: DynamoDBClient, table: string, eventId: string, seats: number): Promise<void> {
  await db.send(new PutItemCommand({ TableName: table, Item: { id: { S: eventId }, seatsLeft: { N: String(seats) } } }));
}

/** Counter variant: takes `count` anonymous seats if that many are free. */
export async function takeSeatsFromCounter(db: DynamoDBClient, table: string, eventId: string, count: number): Promise<boolean> {
  try {
    await db.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { id: { S: eventId } },
        UpdateExpression: 'SET seatsLeft = seatsLeft - :n',
        ConditionExpression: 'seatsLeft >= :n',
        ExpressionAttributeValues: { ':n': { N: String(count) } },
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function openSeats(db: DynamoDBClient, table: string, eventId: string, seats: number): Promise<void> {
  for (let seat = 1; seat <= seats; seat++) await db.send(new PutItemCommand({ TableName: table, Item: { id: { S: seatKey(eventId, seat) } } }));
}

/** Seat-level variant: books exactly these seats for `buyer`, all or none. */
export async function bookSeats(db: DynamoDBClient, table: string, eventId: string, seats: number[], buyer: string): Promise<boolean> {
  try {
    await db.send(
      new TransactWriteItemsCommand({
        TransactItems: seats.map((seat) => ({
          Update: {
            TableName: table,
            Key: { id: { S: seatKey(eventId, seat) } },
            UpdateExpression: 'SET holder = :buyer',
            ConditionExpression: 'attribute_exists(id) AND attribute_not_exists(holder)',
            ExpressionAttributeValues: { ':buyer': { S: buyer } },
          },
        })),
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'TransactionCanceledException') return false;
    throw error;
  }
}

/** Seat number → holder, for every booked seat of the event. */
export async function seatPlan(db: DynamoDBClient, table: string, eventId: string): Promise<Map<number, string>> {
  const plan = new Map<number, string>();
  const { Items = [] } = await db.send(new ScanCommand({ TableName: table, ConsistentRead: true }));
  for (const item of Items) {
    const [event, seat] = item.id.S!.split('#');
    if (event === eventId && item.holder?.S) plan.set(Number(seat), item.holder.S);
  }
  return plan;
}
