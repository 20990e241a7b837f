/**
 * A queue subscribed to an SNS topic receives either the bare message (raw delivery) or SNS's JSON envelope with
 * the message as a string in `Message`. A consumer must know which, or read both.
 */
import type { Delivered, Order } from '../order.ts';

interface SnsEnvelope {
  Type: 'Notification';
  MessageId: string;
  TopicArn: string;
  Message: string;
}

function isEnvelope(value: unknown): value is SnsEnvelope {
  const v = value as Partial<SnsEnvelope> | null;
  return typeof v === 'object' && v !== null && v.Type === 'Notification' && typeof v.Message === 'string' && typeof v.TopicArn === 'string';
}

export function orderFrom(body: string): Delivered {
  const parsed: unknown = JSON.parse(body);
  if (isEnvelope(parsed)) {
    // The envelope carries the order as a string: parse twice.
    return { order: JSON.parse(parsed.Message) as Order, delivery: 'envelope', snsMessageId: parsed.MessageId };
  }
  return { order: parsed as Order, delivery: 'raw' };
}
