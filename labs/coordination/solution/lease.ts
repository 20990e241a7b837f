/**
 * A lease in DynamoDB. DynamoDB checks the condition and applies the update atomically, so of several workers
 * that try at the same moment exactly one wins — no read-then-write gap.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Lease, LeaseTable } from '../contract.ts';

/** Runs a conditional update; a failed condition means "not yours", anything else is a real error. */
async function conditionalUpdate(table: LeaseTable, input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>) {
  try {
    const { Attributes } = await table.db.send(
      new UpdateCommand({ ...input, TableName: table.tableName, Key: { pk: table.leaseName }, ReturnValues: 'ALL_NEW' }),
    );
    return Attributes;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

const toLease = (item: Record<string, unknown> | undefined): Lease | undefined =>
  item ? { holder: String(item.holder), token: Number(item.token), expiresAt: Number(item.expiresAt) } : undefined;

export async function acquireLease(table: LeaseTable, worker: string, ttlMs: number, now: number): Promise<Lease | undefined> {
  const item = await conditionalUpdate(table, {
    // A new term: the token only ever grows, even when the same worker comes back.
    UpdateExpression: 'SET holder = :me, expiresAt = :expiresAt ADD #token :one',
    ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
    ExpressionAttributeNames: { '#token': 'token' },
    ExpressionAttributeValues: { ':me': worker, ':expiresAt': now + ttlMs, ':now': now, ':one': 1 },
  });
  return toLease(item);
}

export async function renewLease(table: LeaseTable, lease: Lease, ttlMs: number, now: number): Promise<Lease | undefined> {
  const item = await conditionalUpdate(table, {
    UpdateExpression: 'SET expiresAt = :expiresAt',
    // Still mine, still the same term, and not yet expired (after expiry only a new term may start).
    ConditionExpression: 'holder = :me AND #token = :token AND expiresAt >= :now',
    ExpressionAttributeNames: { '#token': 'token' },
    ExpressionAttributeValues: { ':me': lease.holder, ':token': lease.token, ':expiresAt': now + ttlMs, ':now': now },
  });
  return toLease(item);
}
