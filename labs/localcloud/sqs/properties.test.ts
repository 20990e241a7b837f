/** Property tests: FIFO order and deduplication against a model, and at-least-once delivery with concurrent consumers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageCommand, DeleteMessageCommand } from '@aws-sdk/client-sqs';
import { startSqsFixture, type SqsFixture } from './testing.ts';

let f: SqsFixture;
let n = 0;
beforeAll(async () => {
  f = await startSqsFixture();
});
afterAll(() => f.stop());

type Step = { kind: 'send'; group: string; dedup: string } | { kind: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('send' as const), group: fc.constantFrom('a', 'b', 'c'), dedup: fc.constantFrom('1', '2', '3', '4', '5', '6') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 200_000 }) }) },
);

describe('FIFO properties', () => {
  it('delivers each group in send order, without duplicates inside the 5-minute window', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        const url = await f.createQueue(`order${++n}.fifo`, { FifoQueue: 'true' });
        const expected: Record<string, string[]> = {};
        const lastAccepted = new Map<string, number>();
        for (const [i, s] of steps.entries()) {
          if (s.kind === 'wait') {
            f.clock.advance(s.ms);
            continue;
          }
          const body = `${s.group}-${s.dedup}-${i}`;
          await f.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: s.group, MessageDeduplicationId: s.dedup }));
          const seen = lastAccepted.get(s.dedup);
          if (seen === undefined || f.clock.now() - seen >= 5 * 60_000) {
            lastAccepted.set(s.dedup, f.clock.now());
            (expected[s.group] ??= []).push(body);
          }
        }
        const delivered: Record<string, string[]> = {};
        for (;;) {
          const { Messages = [] } = await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
          if (Messages.length === 0) break;
          for (const m of Messages) (delivered[m.Body!.split('-')[0]] ??= []).push(m.Body!);
          await f.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: Messages.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })) }));
        }
        expect(delivered).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});

describe('concurrent consumers', () => {
  it('lose no message and never receive one while it is invisible', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 2, max: 6 }),
        // At least one consumer in eight deletes, so the queue drains.
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }).filter((c) => c.includes(false)),
        async (messageCount, consumers, crashes) => {
          const url = await f.createQueue(`conc${++n}`);
          const sent = new Set<string>();
          for (let i = 0; i < messageCount; i++) {
            sent.add((await f.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: `m${i}` }))).MessageId!);
          }
          const deleted = new Set<string>();
          const invisibleUntil = new Map<string, number>();
          const violations: string[] = [];
          let turn = 0;
          // Rounds: all consumers receive concurrently, then process concurrently; time moves only between rounds,
          // so a delete always happens inside its visibility window and receive times are exact.
          const consume = async () => {
            const { Messages = [] } = await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 3, VisibilityTimeout: 10 }));
            const now = f.clock.now();
            for (const m of Messages) {
              if (deleted.has(m.MessageId!)) violations.push(`${m.MessageId} received after deletion`);
              if ((invisibleUntil.get(m.MessageId!) ?? -Infinity) > now) violations.push(`${m.MessageId} received while invisible`);
              invisibleUntil.set(m.MessageId!, now + 10_000);
            }
            for (const m of Messages) {
              // Some consumers "crash" before deleting: the message must come back after the timeout.
              if (crashes[turn++ % crashes.length]) continue;
              await f.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle }));
              deleted.add(m.MessageId!);
            }
          };
          for (let round = 0; round < 400 && deleted.size < sent.size; round++) {
            await Promise.all(Array.from({ length: consumers }, consume));
            f.clock.advance(2_500);
          }
          expect(violations).toEqual([]);
          expect(deleted).toEqual(sent);
        },
      ),
      { numRuns: 10 },
    );
  });
});
