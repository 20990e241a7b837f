import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINT, streamUrl, toEventLine } from './live-events.ts';

describe('streamUrl', () => {
  it('points at the event stream of the endpoint, filtered by service', () => {
    expect(streamUrl(DEFAULT_ENDPOINT, '')).toEqual({ ok: true, url: 'http://127.0.0.1:4566/_localcloud/events' });
    expect(streamUrl(' http://127.0.0.1:4567/ignored/path ', 'SQS, sns')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:4567/_localcloud/events?service=sqs%2Csns',
    });
  });

  it('names what is wrong with bad input', () => {
    expect(streamUrl('127.0.0.1:4566', '')).toEqual({ ok: false, error: expect.stringContaining('http://') });
    expect(streamUrl('not a url', '')).toEqual({ ok: false, error: expect.stringContaining('is not a URL') });
    expect(streamUrl(DEFAULT_ENDPOINT, 'sqs;drop')).toEqual({ ok: false, error: expect.stringContaining('services must be names') });
  });
});

describe('toEventLine', () => {
  it('shortens the resource and shows the outcome of deliveries and faults', () => {
    const delivery = JSON.stringify({
      type: 'delivery',
      service: 'sns',
      resource: 'arn:aws:sns:eu-central-1:000000000000:orders:4f1c',
      detail: { protocol: 'sqs', status: 'delivered' },
      time: Date.UTC(2026, 10, 28, 2, 30, 5, 120),
    });
    expect(toEventLine(7, delivery)).toEqual({
      id: 7,
      time: '02:30:05.120',
      type: 'delivery',
      service: 'sns',
      action: '',
      resource: '4f1c',
      outcome: 'delivered sqs',
    });
    const fault = JSON.stringify({ type: 'fault', service: 'sqs', action: 'ReceiveMessage', resource: 'http://127.0.0.1:4566/000000000000/orders.fifo', detail: { kind: 'duplicate' } });
    expect(toEventLine(8, fault)).toMatchObject({ action: 'ReceiveMessage', resource: 'orders.fifo', outcome: 'duplicate', time: '' });
  });

  it('shows the text of function logs', () => {
    const log = JSON.stringify({ type: 'log', service: 'lambda', resource: 'arn:aws:lambda:eu-central-1:000000000000:function:consumer', detail: { text: 'sold 2 tickets' } });
    expect(toEventLine(9, log)).toMatchObject({ resource: 'consumer', outcome: 'sold 2 tickets' });
  });

  it('ignores what is not an event', () => {
    expect(toEventLine(1, 'heartbeat')).toBeUndefined();
    expect(toEventLine(2, '{"no":"type"}')).toBeUndefined();
    expect(toEventLine(3, 'null')).toBeUndefined();
  });
});
