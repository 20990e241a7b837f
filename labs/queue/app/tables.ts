/**
 * The two tables and the small reads and writes every part shares. Events: `eventId` → `tickets`, `remaining`.
 * Orders: `orderId` → `eventId`, `quantity`, `buyer`, `status`, `expiresAt` (TTL). The order item doubles as the
 * idempotency record: once its status left `pending`, a redelivered message cannot decide it again.
 */
import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { OrderMessage, OrderStatus, Outcome } from './contracts.ts';

export interface Tables {
  events: string;
  orders: string;
}

/** Orders (and with them the idempotency records) expire a week after they were placed. */
export const ORDER_TTL_SECONDS = 7 * 86_400;

export interface EventStock {
  eventId: string;
  tickets: number;
  remaining: number;
}

export interface OrderRecord extends OrderMessage {
  status: OrderStatus;
}

export async function readEvent(db: DynamoDBClient, tables: Tables, eventId: string): Promise<EventStock | undefined> {
  const { Item } = await db.send(new GetItemCommand({ TableName: tables.events, Key: { eventId: { S: eventId } }, ConsistentRead: true }));
  if (!Item) return undefined;
  return { eventId, tickets: Number(Item.tickets?.N ?? 0), remaining: Number(Item.remaining?.N ?? 0) };
}

/** Creates the event, or resets it to `tickets` remaining (the seed command). */
export async function putEvent(db: DynamoDBClient, tables: Tables, eventId: string, tickets: number): Promise<void> {
  await db.send(
    new PutItemCommand({ TableName: tables.events, Item: { eventId: { S: eventId }, tickets: { N: String(tickets) }, remaining: { N: String(tickets) } } }),
  );
}

export async function readOrder(db: DynamoDBClient, tables: Tables, orderId: string): Promise<OrderRecord | undefined> {
  const { Item } = await db.send(new GetItemCommand({ TableName: tables.orders, Key: { orderId: { S: orderId } }, ConsistentRead: true }));
  if (!Item) return undefined;
  return {
    orderId,
    eventId: Item.eventId?.S ?? '',
    quantity: Number(Item.quantity?.N ?? 0),
    buyer: Item.buyer?.S ?? '',
    status: (Item.status?.S ?? 'pending') as OrderStatus,
  };
}

/** The producer's record of an accepted order, written before the message is queued. */
export async function putPendingOrder(db: DynamoDBClient, tables: Tables, order: OrderMessage, now = Date.now()): Promise<void> {
  await db.send(
    new PutItemCommand({
      TableName: tables.orders,
      Item: {
        orderId: { S: order.orderId },
        eventId: { S: order.eventId },
        quantity: { N: String(order.quantity) },
        buyer: { S: order.buyer },
        status: { S: 'pending' },
        expiresAt: { N: String(Math.floor(now / 1000) + ORDER_TTL_SECONDS) },
      },
      ConditionExpression: 'attribute_not_exists(orderId)',
    }),
  );
}

export async function deleteOrder(db: DynamoDBClient, tables: Tables, orderId: string): Promise<void> {
  await db.send(new DeleteItemCommand({ TableName: tables.orders, Key: { orderId: { S: orderId } } }));
}

/** The update that decides a pending order; only a pending order can be decided, so a redelivery changes nothing. */
export function decideOrderUpdate(tables: Tables, orderId: string, status: Outcome['status']) {
  return {
    TableName: tables.orders,
    Key: { orderId: { S: orderId } },
    UpdateExpression: 'SET #status = :decided',
    ConditionExpression: '#status = :pending',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':decided': { S: status }, ':pending': { S: 'pending' } },
  };
}

/** The status an earlier delivery decided; an order without a record cannot be settled (poison message). */
export async function decidedStatus(db: DynamoDBClient, tables: Tables, orderId: string): Promise<Outcome['status']> {
  const order = await readOrder(db, tables, orderId);
  if (!order) throw new Error(`Order ${orderId} has no record; it was never accepted or has expired`);
  if (order.status === 'pending') throw new Error(`Order ${orderId} is still pending after its decision failed`);
  return order.status;
}

/** Marks a pending order sold out; when an earlier delivery already decided it, that decision stands. */
export async function markSoldOut(db: DynamoDBClient, tables: Tables, orderId: string): Promise<Outcome['status']> {
  try {
    await db.send(new UpdateItemCommand(decideOrderUpdate(tables, orderId, 'sold-out')));
    return 'sold-out';
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    return decidedStatus(db, tables, orderId);
  }
}

/** Settles one order: decrements the stock and decides the order. Exercise and solution implement it. */
export type SettleOrder = (db: DynamoDBClient, tables: Tables, order: OrderMessage) => Promise<Outcome['status']>;
