import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DeliveryLog } from '../webhook/contracts.ts';

/**
 * TODO 2 — webhooks are delivered at least once: GitLab retries slow or failed deliveries, GitHub deliveries can be
 * redelivered by hand or by script — each time with the same delivery id.
 * Remember each delivery id in the DynamoDB table so a redelivery sends no second SMS.
 * - claim: write the id only if it does not exist yet (a conditional PutItem); return false if it existed.
 *   Give the item an `expiresAt` (epoch seconds) so the table's TTL removes it after a while.
 * - complete: mark it sent. release: delete it, so a retry after a failed publish can go through.
 */
export function deliveryLog(_client: DynamoDBClient, _table: string): DeliveryLog {
  return {
    async claim() {
      return true; // TODO: remember the id; say false for a redelivery
    },
    async complete() {},
    async release() {},
  };
}
