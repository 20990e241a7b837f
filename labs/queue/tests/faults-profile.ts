/**
 * The faults the acceptance rush runs under. Throttled queue sends and DynamoDB writes are retried by the SDK;
 * some run out of retries, so orders fail mid-batch and come back. Failed outcome publications happen AFTER the
 * sale was written: the consumer crashes between the write and the acknowledgement, and the message is
 * delivered again — exactly the case an idempotent consumer must survive. Seeded, so a run can be replayed.
 */
import type { FaultConfig } from '../../localcloud/faults/config.ts';

export const RUSH_FAULTS: FaultConfig = {
  seed: 6,
  rules: [
    { service: 'sqs', operation: 'SendMessage', errorRate: 0.05, error: 'throttle' },
    { service: 'dynamodb', operation: 'TransactWriteItems', errorRate: 0.05, error: 'throttle' },
    { service: 'dynamodb', operation: 'UpdateItem', errorRate: 0.05, error: 'throttle' },
    { service: 'sns', operation: 'Publish', errorRate: 0.15, error: 'internal' },
  ],
};

/** Every outcome publication fails: the sale is written, the message is never acknowledged. */
export const CRASH_AFTER_SALE: FaultConfig = { seed: 1, rules: [{ service: 'sns', operation: 'Publish', errorRate: 1, error: 'internal' }] };
