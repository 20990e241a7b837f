/**
 * The consumer's batch loop (given code): settle each order in queue order, publish the outcomes of the batch in
 * one call, and report failures the way Lambda's ReportBatchItemFailures expects. On a FIFO queue a failed record
 * and every record after it go back together, so no later order of the same event overtakes it. A record whose
 * outcome could not be published goes back too: its redelivery finds the order decided and publishes again.
 * Failed records come back after RETRY_DELAY_SECONDS instead of the whole visibility timeout.
 */
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { parseOrderMessage, type Outcome, type OrderMessage } from './contracts.ts';

export const RETRY_DELAY_SECONDS = 1;

export interface ConsumerDeps {
  settle(order: OrderMessage): Promise<Outcome['status']>;
  /** Publishes the outcomes of one batch (up to ten). */
  publish(outcomes: Outcome[]): Promise<void>;
  /** Makes the named in-flight messages visible again after `seconds`. */
  retryLater(receiptHandles: string[], seconds: number): Promise<void>;
  log(line: string): void;
}

const describeError = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export function createConsumer(deps: ConsumerDeps) {
  async function giveBack(failed: SQSRecord[], why: string): Promise<SQSBatchResponse> {
    deps.log(`${failed.length} record(s) go back to the queue, from ${failed[0].messageId}: ${why}`);
    await deps.retryLater(failed.map((r) => r.receiptHandle), RETRY_DELAY_SECONDS).catch((e: unknown) => deps.log(`Early retry not scheduled: ${describeError(e)}`));
    return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };
  }

  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const records = event.Records;
    const outcomes: Outcome[] = [];
    let settleError: unknown;
    for (const record of records) {
      try {
        const order = parseOrderMessage(record.body);
        outcomes.push({ ...order, status: await deps.settle(order) });
      } catch (error) {
        settleError = error;
        break;
      }
    }
    try {
      if (outcomes.length > 0) await deps.publish(outcomes);
    } catch (error) {
      return giveBack(records, `outcomes not published (${describeError(error)})`);
    }
    if (settleError !== undefined) return giveBack(records.slice(outcomes.length), describeError(settleError));
    return { batchItemFailures: [] };
  };
}
