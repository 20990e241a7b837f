import { afterEach, describe, expect, it } from 'vitest';
import { GetQueueUrlCommand, ReceiveMessageCommand, SendMessageCommand, DeleteMessageCommand, RequestThrottled } from '@aws-sdk/client-sqs';
import type { CloudEvent } from '../core/events.ts';
import { FaultConfigError, globMatches, parseFaultConfig, type FaultConfig } from './config.ts';
import { rejectionOf, startSqsFixture, type SqsFixture } from '../sqs/testing.ts';

let fixtures: SqsFixture[] = [];
async function start(faults?: FaultConfig, maxAttempts = 1) {
  const f = await startSqsFixture({ faults, maxAttempts, seed: 7 });
  fixtures.push(f);
  const events: CloudEvent[] = [];
  f.cloud.context.events.subscribe((e) => e.type === 'fault' && events.push(e));
  return { f, events };
}
afterEach(async () => {
  for (const f of fixtures) await f.stop();
  fixtures = [];
});

describe('fault config', () => {
  it('accepts a valid config and names what is wrong otherwise', () => {
    expect(parseFaultConfig({ seed: 3, rules: [{ service: 'sqs', errorRate: 0.5, error: 'internal' }] }).rules).toHaveLength(1);
    const wrong: Array<[unknown, string]> = [
      [[], 'fault config must be a JSON object with "rules"'],
      [{ rules: {} }, '"rules" must be an array'],
      [{ rules: [{ errorRate: 2 }] }, 'rules[0].errorRate must be a number from 0 to 1'],
      [{ rules: [{ error: 'boom' }] }, 'rules[0].error must be one of throttle, internal, unavailable'],
      [{ rules: [{ latencyMs: -1 }] }, 'rules[0].latencyMs must be milliseconds from 0 to 60000'],
      [{ rules: [{ colour: 'red' }] }, 'rules[0].colour is not a fault setting'],
      [{ seed: 1.5, rules: [] }, '"seed" must be an integer'],
    ];
    for (const [value, message] of wrong) expect(() => parseFaultConfig(value)).toThrow(new FaultConfigError(message));
  });

  it('matches globs against the whole resource or its last segment', () => {
    expect(globMatches('orders-*', 'http://127.0.0.1:4566/000000000000/orders-eu')).toBe(true);
    expect(globMatches('orders-*', 'arn:aws:sqs:eu-central-1:000000000000:orders-eu')).toBe(true);
    expect(globMatches('orders-*', 'payments')).toBe(false);
    expect(globMatches(undefined, undefined)).toBe(true);
    expect(globMatches('Send*', undefined)).toBe(false);
  });

  it('is set, read and cleared over HTTP, with a 400 naming the problem', async () => {
    const { f } = await start();
    const url = `${f.cloud.endpoint}/_localcloud/faults`;
    const config = { rules: [{ service: 'sqs', operation: 'SendMessage', latencyMs: 5 }] };
    expect((await fetch(url, { method: 'POST', body: JSON.stringify(config) })).status).toBe(200);
    expect(await (await fetch(url)).json()).toEqual(config);
    const bad = await fetch(url, { method: 'POST', body: JSON.stringify({ rules: [{ dropRate: 'often' }] }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ __type: 'InvalidFaultConfig', message: 'rules[0].dropRate must be a number from 0 to 1' });
    expect((await fetch(url, { method: 'POST', body: '{nope' })).status).toBe(400);
    expect(await (await fetch(url, { method: 'DELETE' })).json()).toEqual({ rules: [] });
  });
});

describe('injected faults', () => {
  it('throttles with an error the SDK recognises and retries, emitting fault events', async () => {
    const { f, events } = await start({ rules: [{ service: 'sqs', operation: 'SendMessage', errorRate: 1, error: 'throttle' }] });
    const url = await f.createQueue('throttled');
    const error = await rejectionOf(f.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' })));
    expect(error).toBeInstanceOf(RequestThrottled);
    expect(events).toEqual([expect.objectContaining({ type: 'fault', service: 'sqs', action: 'SendMessage', resource: url, detail: { kind: 'error', error: 'throttle' } })]);
  });

  it('lets the SDK succeed through a 50 % 5xx rate by retrying', async () => {
    const { f, events } = await start({ seed: 7, rules: [{ service: 'sqs', operation: 'SendMessage', errorRate: 0.5, error: 'unavailable' }] }, 10);
    const url = await f.createQueue('flaky');
    let attempts = 0;
    for (let i = 0; i < 10; i++) attempts += (await f.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: `m${i}` }))).$metadata.attempts!;
    expect(attempts).toBe(10 + events.length);
    expect(events.length).toBeGreaterThan(0);
  });

  it('answers 500 InternalFailure for internal errors', async () => {
    const { f } = await start({ rules: [{ operation: 'GetQueueUrl', errorRate: 1, error: 'internal' }] });
    await f.createQueue('x');
    const error = await rejectionOf(f.sqs.send(new GetQueueUrlCommand({ QueueName: 'x' })));
    expect(error.name).toBe('InternalFailure');
    expect(error.$metadata?.httpStatusCode).toBe(500);
  });

  it('drops connections and keeps serving once the rule is gone', async () => {
    const { f, events } = await start({ rules: [{ service: 'sqs', operation: 'SendMessage', dropRate: 1 }] });
    const url = await f.createQueue('dropped');
    const error = await rejectionOf(f.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' })));
    expect(error.message).toMatch(/socket hang up|ECONNRESET|closed/i);
    expect(events.map((e) => e.detail?.kind)).toEqual(['drop']);
    f.cloud.context.faults!.clear();
    await f.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
  });

  it('adds latency only to the matching resource', async () => {
    const { f } = await start({ rules: [{ service: 'sqs', resource: 'slow-*', latencyMs: 150, jitterMs: 20 }] });
    const slow = await f.createQueue('slow-q');
    const fast = await f.createQueue('fast-q');
    const time = async (QueueUrl: string) => {
      const t0 = performance.now();
      await f.sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
      return performance.now() - t0;
    };
    expect(await time(slow)).toBeGreaterThanOrEqual(145);
    expect(await time(fast)).toBeLessThan(145);
  });

  it('duplicates deliveries on standard queues (same MessageId after delete)', async () => {
    const { f, events } = await start({ rules: [{ service: 'sqs', operation: 'ReceiveMessage', duplicateRate: 1 }] });
    const url = await f.createQueue('dups');
    const sent = await f.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
    const [first] = (await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages!;
    await f.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first.ReceiptHandle }));
    f.cloud.context.faults!.clear();
    const [second] = (await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages!;
    expect([first.MessageId, second.MessageId]).toEqual([sent.MessageId, sent.MessageId]);
    expect(events.map((e) => e.detail?.kind)).toEqual(['duplicate']);
  });

  it('reorders standard queues but never FIFO queues', async () => {
    const { f } = await start({ rules: [{ service: 'sqs', reorderRate: 1 }] });
    const std = await f.createQueue('reorder');
    const fifo = await f.createQueue('reorder.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    for (const b of ['1', '2', '3']) {
      await f.sqs.send(new SendMessageCommand({ QueueUrl: std, MessageBody: b }));
      await f.sqs.send(new SendMessageCommand({ QueueUrl: fifo, MessageBody: b, MessageGroupId: 'g' }));
    }
    const one = async (QueueUrl: string) => (await f.sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages?.[0].Body;
    expect(await one(std)).toBe('2');
    expect((await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: fifo, MaxNumberOfMessages: 10 }))).Messages!.map((m) => m.Body)).toEqual(['1', '2', '3']);
  });

  it('replays the same faults for the same seed', async () => {
    const run = async () => {
      const { f, events } = await start({ seed: 42, rules: [{ service: 'sqs', operation: 'SendMessage', errorRate: 0.3 }] });
      const url = await f.createQueue('replay');
      const outcomes: string[] = [];
      for (let i = 0; i < 30; i++) {
        outcomes.push(await f.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' })).then(() => 'ok', (e: Error) => e.name));
      }
      return { outcomes, faults: events.length };
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    expect(a.faults).toBeGreaterThan(0);
    expect(a.faults).toBeLessThan(30);
  });
});

