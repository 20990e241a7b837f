/**
 * The consumer's batch loop (given code): settle each order in queue order, publish its outcome, and report
 * failures the way Lambda's ReportBatchItemFailures expects. On a FIFO queue a failed record and every record
 * after it go back together, so no later order of the same event overtakes it. Failed records come back after
 * RETRY_DELAY_SECONDS instead of the whole visibility timeout.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { parseOrderMessage, type Outcome, type OrderMessage } from './contracts.ts';

export const RETRY_DELAY_SECONDS = 1;

export interface ConsumerDeps {
  settle(order: OrderMessage): Promise<Outcome['status']>;
  publish(outcome: Outcome): Promise<void>;
  /** Makes the named in-flight messages visible again after `seconds`. */
  retryLater(receiptHandles: string[], seconds: number): Promise<void>;
  log(line: string): void;
}

export function createConsumer(deps: ConsumerDeps) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const records = event.Records;
    for (let i = 0; i < records.length; i++) {
      try {
        const order = parseOrderMessage(records[i].body);
        const status = await deps.settle(order);
        await deps.publish({ ...order, status });
      } catch (error) {
        const failed = records.slice(i);
        deps.log(`Record ${records[i].messageId} failed (${(error as Error).name}: ${(error as Error).message}); ${failed.length} record(s) go back to the queue`);
        await deps.retryLater(failed.map((r) => r.receiptHandle), RETRY_DELAY_SECONDS).catch((e: Error) => deps.log(`Early retry not scheduled: ${e.message}`));
        return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };
      }
    }
    return { batchItemFailures: [] };
  };
}
