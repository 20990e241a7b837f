/**
 * Proofs for chapter 6's quiz: each test observes how the local cloud's SQS or DynamoDB behaves (or how the queue
 * lab's naive and reference settlements behave), turns the observation into an answer and compares it with the
 * quiz's keyed answer. Time runs on a manual clock, so visibility timeouts and deduplication windows need no
 * sleeping. Everything binds to 127.0.0.1 on an ephemeral port and stops by itself.
 */
import { randomUUID } from 'node:crypto';
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import quiz from '../../../docs/quizzes/06-queues.ts';
import { expectKeyed } from '../../../docs/quizzes/proof.ts';
import { manualClock, startLocalCloud, type LocalCloud } from '../../localcloud/index.ts';
import { putEvent, putPendingOrder, readEvent, readOrder, type SettleOrder } from '../app/tables.ts';
import { settleNaively } from '../demo/naive-stock.ts';
import { createShopTables, localDynamo } from '../harness/local-tables.ts';
import { settleOrder } from '../solution/stock.ts';
import { decrementWithoutCondition, raceBuyers } from './race.ts';

const credentials = { accessKeyId: 'AKIDQUEUEPROOFS', secretAccessKey: 'local' };
const region = 'eu-central-1';
const clock = manualClock();
const seconds = (n: number) => clock.advance(n * 1000);

let cloud: LocalCloud;
let sqs: SQSClient;
let db: DynamoDBClient;

beforeAll(async () => {
  process.env.LOCALCLOUD_QUIET = '1';
  cloud = await startLocalCloud({ port: 0, clock });
  sqs = new SQSClient({ endpoint: cloud.endpoint, region, credentials, maxAttempts: 1 });
  db = localDynamo(cloud.endpoint);
});
afterAll(async () => {
  sqs?.destroy();
  db?.destroy();
  await cloud?.stop();
});

async function createQueue(name: string, attributes: Record<string, string> = {}): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  if (!QueueUrl) throw new Error(`CreateQueue ${name} returned no URL`);
  return QueueUrl;
}

/** One short-polling receive (the manual clock never lets a long poll end by itself). */
async function receive(QueueUrl: string, max = 1): Promise<Message[]> {
  const { Messages } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: max, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }),
  );
  return Messages ?? [];
}

async function setFaults(config: unknown): Promise<void> {
  const response = await fetch(`${cloud.endpoint}/_localcloud/faults`, {
    method: config === null ? 'DELETE' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: config === null ? undefined : JSON.stringify(config),
  });
  expect(response.ok, await response.text()).toBe(true);
}

describe('delivery semantics of SQS', () => {
  it('a standard queue may deliver the same message twice', async () => {
    const duplicating = await createQueue('proof-at-least-once');
    const control = await createQueue('proof-control');
    // The local cloud delivers duplicates only when asked; AWS does it rarely and without warning.
    await setFaults({ rules: [{ service: 'sqs', operation: 'ReceiveMessage', resource: 'proof-at-least-once', duplicateRate: 1 }] });
    try {
      const observeOneSend = async (QueueUrl: string) => {
        const { MessageId } = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'order 4711' }));
        const [first] = await receive(QueueUrl);
        // The consumer does everything right: it processes and acknowledges by deleting.
        await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first?.ReceiptHandle }));
        const [again] = await receive(QueueUrl);
        return { sent: MessageId, first: first?.MessageId, again: again?.MessageId };
      };
      const dup = await observeOneSend(duplicating);
      const ctl = await observeOneSend(control);
      expect(dup.first).toBe(dup.sent);
      // The control: without the fault the second receive is empty, so the duplicate is the queue's doing.
      expect(ctl.again).toBeUndefined();
      const observed = dup.again === dup.sent ? 'twice' : 'exactly-once';
      expectKeyed(quiz, 'standard-duplicate', observed);
    } finally {
      await setFaults(null);
    }
  });

  it('a FIFO message group blocks while one of its messages is in flight', async () => {
    const url = await createQueue('proof-groups.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    for (const [body, group] of [['A', 'concert-1'], ['B', 'concert-1'], ['C', 'concert-2']]) {
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: group }));
    }
    const consumer1 = await receive(url, 1);
    expect(consumer1.map((m) => m.Body)).toEqual(['A']);
    const consumer2 = await receive(url, 10); // A is still in flight
    const observed = consumer2.map((m) => m.Body).sort().join(',');
    // Once A is acknowledged, its group flows again and B is next.
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: consumer1[0]!.ReceiptHandle }));
    expect((await receive(url, 10)).map((m) => m.Body)).toEqual(['B']);
    expectKeyed(quiz, 'fifo-group-blocks', { C: 'only-c', 'B,C': 'b-and-c', '': 'nothing' }[observed] ?? `unexpected ${observed}`);
  });

  it('an undeleted message reappears after its visibility timeout', async () => {
    const url = await createQueue('proof-visibility'); // default visibility timeout
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'crash while processing me' }));
    const [first] = await receive(url);
    expect(first).toBeDefined();
    // The consumer "crashes": no DeleteMessage. Step the clock one second at a time until the message is back.
    let reappearedAfter: number | undefined;
    let again: Message | undefined;
    for (let s = 1; s <= 60 && reappearedAfter === undefined; s++) {
      seconds(1);
      [again] = await receive(url);
      if (again) reappearedAfter = s;
    }
    expect(again?.MessageId).toBe(first!.MessageId);
    expect(again?.ReceiptHandle).not.toBe(first!.ReceiptHandle); // a new receive, a new receipt handle
    expect(again?.Attributes?.ApproximateReceiveCount).toBe('2');
    expectKeyed(quiz, 'visibility-reappear', reappearedAfter ?? -1);
  });

  it('deleting with the receipt handle is the acknowledgement', async () => {
    const url = await createQueue('proof-ack');
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'processed' }));
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'only received' }));
    const received = await receive(url, 10);
    expect(received.map((m) => m.Body).sort()).toEqual(['only received', 'processed']);
    const processed = received.find((m) => m.Body === 'processed')!;
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: processed.ReceiptHandle }));
    seconds(31); // past the 30 s visibility timeout
    const back = (await receive(url, 10)).map((m) => m.Body);
    // Only the deleted message stays gone; receiving alone (a 200 from ReceiveMessage) acknowledged nothing.
    const observed = back.includes('processed') ? 'receive-200' : back.includes('only received') ? 'delete' : `unexpected ${back.join(',')}`;
    expectKeyed(quiz, 'ack-by-delete', observed);
  });

  it('a FIFO queue drops a resend with the same deduplication id within five minutes', async () => {
    const url = await createQueue('proof-dedup.fifo', { FifoQueue: 'true' });
    const send = () => sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: '{"orderId":"o-1"}', MessageGroupId: 'concert-1', MessageDeduplicationId: 'o-1' }));
    const original = await send();
    seconds(2); // the producer timed out and retries
    const retry = await send();
    expect(retry.MessageId).toBe(original.MessageId); // accepted, answered like the original, not enqueued again
    const delivered = await receive(url, 10);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: delivered[0]!.ReceiptHandle }));
    // The control: after the window the same id is a new message again — the window is all FIFO promises.
    seconds(5 * 60);
    await send();
    expect(await receive(url, 10)).toHaveLength(1);
    expectKeyed(quiz, 'fifo-dedup', delivered.length);
  });

  it('a poison message moves to the dead-letter queue after maxReceiveCount receives', async () => {
    const dlq = await createQueue('proof-orders-dlq');
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['QueueArn'] }));
    const source = await createQueue('proof-orders', {
      VisibilityTimeout: '10',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes?.QueueArn, maxReceiveCount: 3 }),
    });
    const { MessageId } = await sqs.send(new SendMessageCommand({ QueueUrl: source, MessageBody: 'not an order' }));
    let receives = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      const [message] = await receive(source);
      if (!message) break;
      receives += 1; // the consumer fails on it and never deletes it
      seconds(10);
    }
    const [dead] = await receive(dlq);
    expect(dead?.MessageId).toBe(MessageId);
    expect(dead?.Body).toBe('not an order');
    expectKeyed(quiz, 'dlq-max-receives', receives);
  });
});

/**
 * A client whose reads of `table` all wait until `parties` of them have happened: the worst interleaving of
 * concurrent consumers — everybody reads before anybody writes — made deterministic.
 */
function everyoneReadsFirst(client: DynamoDBClient, table: string, parties: number): DynamoDBClient {
  let arrived = 0;
  let release!: () => void;
  const allHaveRead = new Promise<void>((resolve) => (release = resolve));
  const send = async (command: Parameters<DynamoDBClient['send']>[0]) => {
    const result = await client.send(command as GetItemCommand);
    if (command instanceof GetItemCommand && command.input.TableName === table) {
      if (++arrived === parties) release();
      await allHaveRead;
    }
    return result;
  };
  return new Proxy(client, { get: (target, prop, receiver) => (prop === 'send' ? send : Reflect.get(target, prop, receiver)) });
}

/** One book, two buyers at once: how many orders were confirmed and what stock is left. */
async function sellTheLastBook(settle: SettleOrder, { everyoneReadsFirst: race }: { everyoneReadsFirst: boolean }) {
  const tables = await createShopTables(db);
  await putEvent(db, tables, 'book-1', 1);
  const orders = ['ada', 'bob'].map((buyer) => ({ orderId: randomUUID(), eventId: 'book-1', quantity: 1, buyer }));
  for (const order of orders) await putPendingOrder(db, tables, order, clock.now());
  const client = race ? everyoneReadsFirst(db, tables.events, orders.length) : db;
  const outcomes = await Promise.all(orders.map((order) => settle(client, tables, order)));
  const records = await Promise.all(orders.map((order) => readOrder(db, tables, order.orderId)));
  expect(records.map((r) => r?.status)).toEqual(outcomes);
  return { confirmed: outcomes.filter((s) => s === 'confirmed').length, remaining: (await readEvent(db, tables, 'book-1'))?.remaining };
}

describe('mutual exclusion on a stock counter', () => {
  it('read-then-write without a condition sells the last book twice', async () => {
    const naive = await sellTheLastBook(settleNaively, { everyoneReadsFirst: true });
    // Lost update: the stock says 0 left, as if only one book had been sold.
    expect(naive.remaining).toBe(0);
    // The control: the lab's reference settlement, two buyers at once, sells the book exactly once.
    expect(await sellTheLastBook(settleOrder, { everyoneReadsFirst: false })).toEqual({ confirmed: 1, remaining: 0 });
    expectKeyed(quiz, 'naive-oversell', naive.confirmed);
  });

  it('an atomic decrement without a condition drives the stock negative', async () => {
    const tables = await createShopTables(db);
    // 50 starting places, 60 runners at once, each `SET remaining = remaining - :one` without a condition.
    const remaining = await decrementWithoutCondition(db, tables, 50, 60);
    // The control: the same rush through the lab's conditional transaction — 50 in, 10 refused, nothing overbooked.
    expect(await raceBuyers(db, tables, settleOrder, 50, 60)).toEqual({ tickets: 50, buyers: 60, confirmed: 50, soldOut: 10, remaining: 0 });
    expectKeyed(quiz, 'unconditional-decrement', remaining);
  });
});
