/**
 * `GET /_localcloud/events`: every bus event (API calls, deliveries, injected faults) as server-sent events.
 * Framing: `id`, `event` (the event type) and one `data` line of JSON per event, a comment heartbeat every
 * 15 s so proxies keep the connection open, and cleanup (unsubscribe, timer) when the client goes away.
 * Optional filters: `?service=sns,sqs&type=delivery,fault`.
 */
import type { ServerResponse } from 'node:http';
import type { CloudEvent, EventBus } from '../core/events.ts';
import type { LocalRequest } from '../core/types.ts';

export const HEARTBEAT_MS = 15_000;
/** A client that stops reading is dropped once this much is buffered for it. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};

/** One SSE frame; `data` is single-line JSON, so no line splitting is needed. */
export const sseFrame = (id: number, event: CloudEvent): string => `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

function listFilter(value: string | null): ((v: string) => boolean) | undefined {
  if (!value) return undefined;
  const allowed = new Set(value.split(',').map((s) => s.trim()).filter(Boolean));
  return (v) => allowed.has(v);
}

export class EventStreams {
  private readonly closers = new Set<() => void>();

  constructor(
    private readonly bus: EventBus,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  get openStreams(): number {
    return this.closers.size;
  }

  /** Takes over the response: writes frames until the client disconnects or `closeAll` runs. */
  attach(req: LocalRequest, res: ServerResponse): void {
    const byService = listFilter(req.query.get('service'));
    const byType = listFilter(req.query.get('type'));
    let nextId = 1;
    res.write(`retry: 2000\n: connected to the local cloud event stream\n\n`);
    const send = (chunk: string) => {
      if (res.writableLength > MAX_BUFFERED_BYTES) return close();
      res.write(chunk);
    };
    const unsubscribe = this.bus.subscribe((event) => {
      if (byService && !byService(event.service)) return;
      if (byType && !byType(event.type)) return;
      send(sseFrame(nextId++, event));
    });
    const heartbeat = setInterval(() => send(`: heartbeat ${new Date().toISOString()}\n\n`), this.heartbeatMs);
    heartbeat.unref();
    const close = () => {
      if (!this.closers.delete(close)) return;
      unsubscribe();
      clearInterval(heartbeat);
      if (!res.writableEnded) res.end();
    };
    this.closers.add(close);
    res.on('close', close);
  }

  closeAll(): void {
    for (const close of [...this.closers]) close();
  }
}
