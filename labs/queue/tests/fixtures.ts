/** Per-test events, so test files and tests never share stock. */
import { randomUUID } from 'node:crypto';
import { putEvent } from '../app/tables.ts';
import type { QueueStackUnderTest } from './deployment.ts';

export async function newEvent(stack: QueueStackUnderTest, tickets: number, prefix = 'ev'): Promise<string> {
  const eventId = `${prefix}-${randomUUID().slice(0, 8)}`;
  await putEvent(stack.db, stack.tables, eventId, tickets);
  return eventId;
}
