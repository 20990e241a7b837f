/**
 * A queue subscribed to an SNS topic receives either the bare message (raw delivery) or SNS's JSON envelope with
 * the message as a string in `Message`. A consumer must know which, or read both.
 */
import type { Delivered, Order } from '../order.ts';

export function orderFrom(body: string): Delivered {
  const parsed: unknown = JSON.parse(body);
  // TODO: a queue without raw delivery gets SNS's envelope ({ "Type": "Notification", "MessageId", "TopicArn",
  // "Message": "<the order as a JSON string>", … }). Recognise it, take the order out of `Message`, and return
  // delivery 'envelope' with the envelope's MessageId as snsMessageId.
  return { order: parsed as Order, delivery: 'raw' };
}
