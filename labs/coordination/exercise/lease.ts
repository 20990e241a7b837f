/**
 * A lease in DynamoDB — your part of the lab. This first version reads the lease, decides, then writes: it works
 * while only one worker runs and nothing pauses. Make it safe (see README.md, steps 2–4).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Lease, LeaseTable } from '../contract.ts';

export async function acquireLease(table: LeaseTable, worker: string, ttlMs: number, now: number): Promise<Lease | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.tableName, Key: { pk: table.leaseName }, ConsistentRead: true }));
  if (Item && Number(Item.expiresAt) >= now && Item.holder !== worker) return undefined;
  // TODO: between the Get above and this Put another worker can take the lease. Replace both with one
  //       conditional write: `attribute_not_exists(pk) OR expiresAt < :now`.
  // TODO: every new holder needs a new, higher fencing token (ADD #token :one), not the old one.
  const lease: Lease = { holder: worker, token: Number(Item?.token ?? 1), expiresAt: now + ttlMs };
  await table.db.send(new PutCommand({ TableName: table.tableName, Item: { pk: table.leaseName, ...lease } }));
  return lease;
}

export async function renewLease(table: LeaseTable, lease: Lease, ttlMs: number, now: number): Promise<Lease | undefined> {
  // TODO: only extend the lease while it is still yours (same holder, same token, not expired);
  //       return undefined when the condition fails (ConditionalCheckFailedException).
  const renewed: Lease = { ...lease, expiresAt: now + ttlMs };
  await table.db.send(new PutCommand({ TableName: table.tableName, Item: { pk: table.leaseName, ...renewed } }));
  return renewed;
}
