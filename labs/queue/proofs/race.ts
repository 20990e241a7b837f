/**
 * Concurrent consumers settling orders of one event, straight against DynamoDB: the race behind the chapter's
 * central quiz question. A proof passes any `SettleOrder` (naive, exercise, solution) and reads the result.
 */
import { UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { putEvent, putPendingOrder, readEvent, type SettleOrder, type Tables } from '../app/tables.ts';

export interface RaceResult {
  tickets: number;
  buyers: number;
  confirmed: number;
  soldOut: number;
  remaining: number;
}

/** `buyers` orders of one ticket each, all settled at the same time by `settle`. */
export async function raceBuyers(db: DynamoDBClient, tables: Tables, settle: SettleOrder, tickets: number, buyers: number): Promise<RaceResult> {
  const eventId = `race-${randomUUID().slice(0, 8)}`;
  await putEvent(db, tables, eventId, tickets);
  const orders = Array.from({ length: buyers }, (_, n) => ({ orderId: randomUUID(), eventId, quantity: 1, buyer: `buyer-${n}` }));
  await Promise.all(orders.map((order) => putPendingOrder(db, tables, order)));
  const statuses = await Promise.all(orders.map((order) => settle(db, tables, order)));
  return {
    tickets,
    buyers,
    confirmed: statuses.filter((s) => s === 'confirmed').length,
    soldOut: statuses.filter((s) => s === 'sold-out').length,
    remaining: (await readEvent(db, tables, eventId))!.remaining,
  };
}

/** The other naive mistake: decrement without a condition. Returns the stock after `buyers` decrements. */
export async function decrementWithoutCondition(db: DynamoDBClient, tables: Tables, tickets: number, buyers: number): Promise<number> {
  const eventId = `minus-${randomUUID().slice(0, 8)}`;
  await putEvent(db, tables, eventId, tickets);
  await Promise.all(
    Array.from({ length: buyers }, () =>
      db.send(
        new UpdateItemCommand({
          TableName: tables.events,
          Key: { eventId: { S: eventId } },
          UpdateExpression: 'SET remaining = remaining - :one',
          ExpressionAttributeValues: { ':one': { N: '1' } },
        }),
      ),
    ),
  );
  return (await readEvent(db, tables, eventId))!.remaining;
}
