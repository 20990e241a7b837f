import { describe, expect, it } from 'vitest';
import { startLocalCloud, VERSION } from './server.ts';
import type { CloudEvent } from './events.ts';

describe('local cloud front door', () => {
  it('starts in well under 100 ms and stops cleanly', async () => {
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const cloud = await startLocalCloud({ port: 0 });
      timings.push(performance.now() - t0);
      await cloud.stop();
      await expect(fetch(`${cloud.endpoint}/_localcloud/health`)).rejects.toThrow();
    }
    timings.sort((a, b) => a - b);
    expect(timings[2]).toBeLessThan(100);
  });

  it('answers health with services and version', async () => {
    const cloud = await startLocalCloud({ port: 0 });
    const answer = await fetch(`${cloud.endpoint}/_localcloud/health`);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { status: string; version: string; services: string[] };
    expect(body).toMatchObject({ status: 'running', version: VERSION });
    expect(body.services).toContain('sqs');
    await cloud.stop();
  });

  it('answers requests no service owns with a JSON 404', async () => {
    const cloud = await startLocalCloud({ port: 0 });
    const answer = await fetch(`${cloud.endpoint}/nothing/here`, { method: 'PATCH' });
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as { __type: string }).__type).toBe('UnknownOperationException');
    expect((await fetch(`${cloud.endpoint}/_localcloud/faults`, { method: 'PATCH' })).status).toBe(405);
    await cloud.stop();
  });

  it('announces every call on the event bus', async () => {
    const cloud = await startLocalCloud({ port: 0 });
    const events: CloudEvent[] = [];
    cloud.context.events.subscribe((e) => events.push(e));
    await fetch(cloud.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.CreateQueue' },
      body: JSON.stringify({ QueueName: 'evented' }),
    });
    expect(events).toEqual([expect.objectContaining({ type: 'call', service: 'sqs', action: 'CreateQueue', detail: { status: 200 } })]);
    await cloud.stop();
  });

  it('refuses an invalid fault config at start with a clear error', async () => {
    await expect(startLocalCloud({ port: 0, faults: { rules: [{ errorRate: 5 }] } })).rejects.toThrow('rules[0].errorRate must be a number from 0 to 1');
  });
});
