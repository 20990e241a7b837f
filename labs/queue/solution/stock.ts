/**
 * Settling an order (reference solution): one transaction decrements the stock only if enough is left AND decides
 * the order only if it is still pending. Both happen or neither, so concurrent consumers cannot oversell and a
 * redelivered message cannot sell twice.
 */
import { TransactWriteItemsCommand, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { decideOrderUpdate, decidedStatus, markSoldOut, type SettleOrder } from '../app/tables.ts';

export const settleOrder: SettleOrder = async (db, tables, order) => {
  try {
    await db.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Update: {
              TableName: tables.events,
              Key: { eventId: { S: order.eventId } },
              UpdateExpression: 'SET remaining = remaining - :quantity',
              ConditionExpression: 'remaining >= :quantity',
              ExpressionAttributeValues: { ':quantity': { N: String(order.quantity) } },
            },
          },
          { Update: decideOrderUpdate(tables, order.orderId, 'confirmed') },
        ],
      }),
    );
    return 'confirmed';
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const [stock, record] = (error.CancellationReasons ?? []).map((reason) => reason.Code);
    // The order was decided by an earlier delivery: report that decision again, sell nothing.
    if (record === 'ConditionalCheckFailed') return decidedStatus(db, tables, order.orderId);
    if (stock === 'ConditionalCheckFailed') return markSoldOut(db, tables, order.orderId);
    throw error;
  }
};
