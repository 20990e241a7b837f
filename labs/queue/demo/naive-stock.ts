/**
 * The naive way to sell tickets, kept as a demonstration (never deployed): read the stock, check it in the
 * function, write the new value back — no condition, no transaction. Two consumers that read the same stock both
 * sell; `proofs/oversell.test.ts` shows it selling more tickets than exist.
 */
import { PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { markSoldOut, readEvent, type SettleOrder } from '../app/tables.ts';

export const settleNaively: SettleOrder = async (db, tables, order) => {
  const stock = await readEvent(db, tables, order.eventId);
  if (!stock || stock.remaining < order.quantity) return markSoldOut(db, tables, order.orderId);
  // Between the read above and this write, another consumer may have sold the same tickets.
  await db.send(
    new PutItemCommand({
      TableName: tables.events,
      Item: { eventId: { S: order.eventId }, tickets: { N: String(stock.tickets) }, remaining: { N: String(stock.remaining - order.quantity) } },
    }),
  );
  await db.send(
    new UpdateItemCommand({
      TableName: tables.orders,
      Key: { orderId: { S: order.orderId } },
      UpdateExpression: 'SET #status = :confirmed',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':confirmed': { S: 'confirmed' } },
    }),
  );
  return 'confirmed';
};
