/**
 * Polls one SQS queue for one event source mapping, as Lambda's pollers do: collects up to BatchSize messages
 * (waiting up to the batching window for a full batch), invokes the function with the SQS event and deletes what
 * succeeded. A failed invocation deletes nothing, so the batch returns after the visibility timeout and SQS's own
 * redrive policy moves it to the dead-letter queue after maxReceiveCount; FIFO groups stay blocked while their
 * messages are in flight. Polling is driven by the queue's `watch` notifications, so tests need no sleeps.
 */
import type { Timer } from '../core/clock.ts';
import type { CloudContext } from '../core/types.ts';
import { lambdaApi } from '../lambda/api.ts';
import { sqsApi, type SqsReceivedMessage } from '../sqs/api.ts';
import type { EventSourceMappingInfo } from './api.ts';
import { failedMessageIds, sqsRecord } from './sqs-event.ts';

/** Concurrent batches per mapping when ScalingConfig sets no maximum (Lambda starts with five pollers). */
export const DEFAULT_CONCURRENCY = 5;

export class SqsPoller {
  private running = 0;
  private buffer: SqsReceivedMessage[] = [];
  private windowTimer?: Timer;
  private windowOpen = false;
  private windowExpired = false;
  private pumping = false;
  private again = false;
  private stopped = false;
  private unwatch?: () => void;

  constructor(
    private readonly ctx: CloudContext,
    private readonly mapping: () => EventSourceMappingInfo,
    private readonly queueUrl: string,
    private readonly fifo: boolean,
  ) {}

  start(): void {
    this.unwatch = sqsApi(this.ctx.registry).watch(this.queueUrl, () => this.wake());
    this.wake();
  }

  stop(): void {
    this.stopped = true;
    this.unwatch?.();
    this.windowTimer?.cancel();
  }

  /** Batches being processed right now. */
  get inFlight(): number {
    return this.running;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      do {
        this.again = false;
        while (!this.stopped && this.mapping().state === 'Enabled' && this.running < this.maxConcurrency()) {
          const batch = await this.collect();
          if (!batch) break;
          this.running++;
          void this.process(batch).finally(() => {
            this.running--;
            this.wake();
          });
        }
      } while (this.again && !this.stopped);
    } catch (error) {
      this.emit('PollFailed', { error: error instanceof Error ? error.message : String(error) });
    } finally {
      this.pumping = false;
    }
  }

  private maxConcurrency(): number {
    return this.mapping().scalingConfig.maximumConcurrency ?? DEFAULT_CONCURRENCY;
  }

  /** A batch ready to go, or undefined when the queue is empty or the batching window is still open. */
  private async collect(): Promise<SqsReceivedMessage[] | undefined> {
    const { batchSize, maximumBatchingWindowInSeconds: window } = this.mapping();
    const sqs = sqsApi(this.ctx.registry);
    while (this.buffer.length < batchSize) {
      const received = await sqs.receive(this.queueUrl, { maxMessages: Math.min(10, batchSize - this.buffer.length) });
      if (received.length === 0) break;
      this.buffer.push(...received);
    }
    if (this.buffer.length === 0) return undefined;
    if (this.buffer.length < batchSize && window > 0 && !this.windowExpired) {
      if (!this.windowOpen) {
        this.windowOpen = true;
        this.windowTimer = this.ctx.clock.schedule(window * 1000, () => {
          this.windowExpired = true;
          this.wake();
        });
      }
      return undefined;
    }
    this.windowTimer?.cancel();
    this.windowOpen = false;
    this.windowExpired = false;
    return this.buffer.splice(0, batchSize);
  }

  private async process(batch: SqsReceivedMessage[]): Promise<void> {
    const mapping = this.mapping();
    const event = { Records: batch.map((m) => sqsRecord(m, mapping.eventSourceArn, this.ctx.region)) };
    try {
      const result = await lambdaApi(this.ctx.registry).invoke(mapping.functionArn, event, { waitForCapacity: true });
      if (result.functionError) {
        this.emit('BatchFailed', { requestId: result.requestId, messages: batch.length });
        return;
      }
      const failed = mapping.functionResponseTypes.includes('ReportBatchItemFailures')
        ? failedMessageIds(result.payload, batch, this.fifo)
        : new Set<string>();
      const sqs = sqsApi(this.ctx.registry);
      for (const message of batch) {
        if (failed.has(message.messageId)) continue;
        try {
          sqs.delete(this.queueUrl, message.receiptHandle);
        } catch {
          // The queue or the receipt handle is gone; the message is redelivered or was removed anyway.
        }
      }
      this.emit('BatchProcessed', { requestId: result.requestId, messages: batch.length, failed: failed.size });
    } catch (error) {
      this.emit('InvokeFailed', { error: error instanceof Error ? error.message : String(error), messages: batch.length });
    }
  }

  private emit(action: string, detail: Record<string, unknown>): void {
    const mapping = this.mapping();
    this.ctx.events.emit({
      type: 'delivery',
      service: 'eventsources',
      action,
      resource: mapping.eventSourceArn,
      detail: { uuid: mapping.uuid, functionArn: mapping.functionArn, ...detail },
      time: this.ctx.clock.now(),
    });
  }
}
