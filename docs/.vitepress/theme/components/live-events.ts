/**
 * The pure part of the workbook's live view (`LiveEvents.vue`): which URL to open and how one server-sent event
 * of the local cloud (`GET /_localcloud/events`, see labs/localcloud/README.md) reads as a line in the list.
 */

export const DEFAULT_ENDPOINT = 'http://127.0.0.1:4566';

export type StreamUrl = { ok: true; url: string } | { ok: false; error: string };

/** The event-stream URL for an endpoint typed by the student; only http(s) URLs without a path are accepted. */
export function streamUrl(endpoint: string, services: string): StreamUrl {
  let base: URL;
  try {
    base = new URL(endpoint.trim());
  } catch {
    return { ok: false, error: `"${endpoint}" is not a URL; expected e.g. ${DEFAULT_ENDPOINT}` };
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    return { ok: false, error: `"${endpoint}" must start with http:// or https://` };
  }
  const url = new URL('/_localcloud/events', base.origin);
  const names = services.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.some((n) => !/^[a-z0-9-]+$/.test(n))) return { ok: false, error: `services must be names like "sqs,sns", got "${services}"` };
  if (names.length > 0) url.searchParams.set('service', names.join(','));
  return { ok: true, url: url.href };
}

export interface EventLine {
  id: number;
  time: string;
  type: string;
  service: string;
  action: string;
  resource: string;
  outcome: string;
}

/** The last path or ARN segment: a queue URL or topic ARN shortened to its name. */
const shortName = (resource: unknown) => (typeof resource === 'string' ? (resource.split(/[/:]/).pop() ?? resource) : '');

/** Reads one `data:` payload; undefined when it is not an event of the local cloud. */
export function toEventLine(id: number, data: string): EventLine | undefined {
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(data) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof event !== 'object' || event === null || typeof event.type !== 'string') return undefined;
  const detail = (typeof event.detail === 'object' && event.detail !== null ? event.detail : {}) as Record<string, unknown>;
  const logText = typeof detail.text === 'string' ? detail.text.slice(0, 120) : undefined; // function logs
  const outcome = [detail.kind, detail.status, detail.protocol, logText].filter((v) => v !== undefined).join(' ');
  const time = typeof event.time === 'number' ? new Date(event.time).toISOString().slice(11, 23) : '';
  return {
    id,
    time,
    type: event.type,
    service: String(event.service ?? ''),
    action: String(event.action ?? ''),
    resource: shortName(event.resource),
    outcome,
  };
}
