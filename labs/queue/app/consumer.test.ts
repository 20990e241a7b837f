/** The batch loop's failure rules, without a cloud: what goes back to the queue, and what is published. */
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Outcome } from './contracts.ts';
import { createConsumer, RETRY_DELAY_SECONDS } from './consumer.ts';

const record = (n: number, body = JSON.stringify({ orderId: `o${n}`, eventId: 'e', quantity: 1, buyer: 'b' })) =>
  ({ messageId: `m${n}`, receiptHandle: `h${n}`, body }) as SQSEvent['Records'][number];

function consumer(options: { failSettleAt?: string; failPublish?: boolean } = {}) {
  const published: Outcome[] = [];
  const retried: { handles: string[]; seconds: number }[] = [];
  const handler = createConsumer({
    settle: async (order) => {
      if (order.orderId === options.failSettleAt) throw new Error('throttled');
      return 'confirmed';
    },
    publish: async (outcomes) => {
      if (options.failPublish) throw new Error('publish failed');
      published.push(...outcomes);
    },
    retryLater: async (handles, seconds) => void retried.push({ handles, seconds }),
    log: () => {},
  });
  return { handler, published, retried };
}

describe('consumer batch loop', () => {
  it('settles and publishes every record of a good batch and reports no failure', async () => {
    const { handler, published, retried } = consumer();
    expect(await handler({ Records: [record(1), record(2)] })).toEqual({ batchItemFailures: [] });
    expect(published.map((o) => [o.orderId, o.status])).toEqual([['o1', 'confirmed'], ['o2', 'confirmed']]);
    expect(retried).toEqual([]);
  });

  it('on a failed record reports it and every later record, publishes the earlier ones, and retries soon', async () => {
    const { handler, published, retried } = consumer({ failSettleAt: 'o2' });
    const result = await handler({ Records: [record(1), record(2), record(3)] });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm2' }, { itemIdentifier: 'm3' }]);
    expect(published.map((o) => o.orderId)).toEqual(['o1']);
    expect(retried).toEqual([{ handles: ['h2', 'h3'], seconds: RETRY_DELAY_SECONDS }]);
  });

  it('when publishing fails, the whole batch goes back (its redelivery republishes)', async () => {
    const { handler } = consumer({ failPublish: true });
    const result = await handler({ Records: [record(1), record(2)] });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }, { itemIdentifier: 'm2' }]);
  });

  it('a malformed message is reported as failed (after enough receives it goes to the dead-letter queue)', async () => {
    const { handler } = consumer();
    const result = await handler({ Records: [record(1, 'garbage')] });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
  });
});
