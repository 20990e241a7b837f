/** Which writes are also routed to a database: JSON objects that declare their `type`. */
import type { DatasetInfo, RoutedRecord } from './contracts.ts';
import { MAX_ROUTED_RECORD_BYTES } from './limits.ts';

const typePattern = /^[A-Za-z0-9_-]{1,64}$/;

export function routedRecord(owner: string, info: DatasetInfo, body: Buffer): RoutedRecord | undefined {
  if (!/^application\/json\b/i.test(info.contentType) || body.length > MAX_ROUTED_RECORD_BYTES) return undefined;
  let record: unknown;
  try {
    record = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined; // stored as sent; only well-formed records are routed
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const type = (record as { type?: unknown }).type;
  if (typeof type !== 'string' || !typePattern.test(type)) return undefined;
  return { type, owner, dataset: info.name, version: info.version, updatedAt: info.updatedAt, record: record as Record<string, unknown> };
}
