/**
 * The HTTP API's function (given code): POST /orders accepts an order (202 and a status URL) and queues it; a
 * client that retries sends the same `Idempotency-Key` header and gets the same order instead of a second one;
 * GET /orders/{id} and GET /events/{id} read the tables. Bad input gets a 400 that says what is wrong.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoClient, enqueueOrder, tablesFromEnv } from './aws.ts';
import { parseIdempotencyKey, parseOrderRequest, type OrderMessage } from './contracts.ts';
import { deleteOrder, putPendingOrder, readEvent, readOrder, type Tables } from './tables.ts';

export interface ApiDeps {
  db: DynamoDBClient;
  tables: Tables;
  enqueue(order: OrderMessage): Promise<void>;
  newId(): string;
}

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** Relative to the API's URL (ApiUrl), so it is right on AWS and in the local cloud alike. */
export const statusPath = (orderId: string) => `orders/${orderId}`;

export function createApi(deps: ApiDeps) {
  const { db, tables } = deps;

  async function placeOrder(body: string | undefined, idempotencyKey: string | undefined) {
    const request = parseOrderRequest(body);
    if (!request.ok) return json(400, { message: request.error });
    const key = parseIdempotencyKey(idempotencyKey);
    if (!key.ok) return json(400, { message: key.error });
    const event = await readEvent(db, tables, request.value.eventId);
    if (!event) return json(400, { message: `Unknown event "${request.value.eventId}"` });
    const order = { orderId: key.value ?? deps.newId(), ...request.value };
    try {
      await putPendingOrder(db, tables, order);
    } catch (error) {
      // A retried request (same Idempotency-Key): the order exists; queue it again, FIFO deduplication drops the copy.
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      const existing = await readOrder(db, tables, order.orderId);
      if (existing && existing.status !== 'pending') return accepted(existing.orderId, existing.status);
    }
    try {
      await deps.enqueue(order);
    } catch (error) {
      // Not queued means not accepted: forget the record so nobody waits for an order that never comes.
      await deleteOrder(db, tables, order.orderId).catch(() => {});
      console.log(`Queueing order ${order.orderId} failed: ${(error as Error).message}`);
      return json(503, { message: 'The order could not be queued; please try again' });
    }
    return accepted(order.orderId, 'pending');
  }

  const accepted = (orderId: string, status: string) => json(202, { orderId, status, statusUrl: statusPath(orderId) }, { location: statusPath(orderId) });

  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const id = event.pathParameters?.id ?? '';
    switch (event.routeKey) {
      case 'POST /orders':
        return placeOrder(event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : event.body, event.headers?.['idempotency-key']);
      case 'GET /orders/{id}': {
        const order = await readOrder(db, tables, id);
        return order ? json(200, { orderId: order.orderId, status: order.status }) : json(404, { message: `No order "${id}"` });
      }
      case 'GET /events/{id}': {
        const stock = await readEvent(db, tables, id);
        return stock ? json(200, { eventId: stock.eventId, remaining: stock.remaining }) : json(404, { message: `No event "${id}"` });
      }
      default:
        return json(404, { message: `No route ${event.routeKey}` });
    }
  };
}

let api: ReturnType<typeof createApi> | undefined;
export const handler = (event: APIGatewayProxyEventV2) =>
  (api ??= createApi({ db: dynamoClient(), tables: tablesFromEnv(), enqueue: enqueueOrder, newId: randomUUID }))(event);
