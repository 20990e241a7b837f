/**
 * The publisher: one order, one Publish. The body is the order; the amount also travels as a numeric message
 * attribute, because a filter policy with the default scope (`MessageAttributes`) sees only attributes.
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Order } from '../order.ts';

/** Publishes the order once and returns SNS's MessageId. */
export async function publishOrder(sns: SNSClient, topicArn: string, order: Order): Promise<string> {
  const { MessageId } = await sns.send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: JSON.stringify(order),
      MessageAttributes: {
        // DataType Number: numeric filters ({"numeric": [">", 100]}) compare numbers, not strings.
        amount: { DataType: 'Number', StringValue: String(order.amount) },
      },
    }),
  );
  if (!MessageId) throw new Error(`SNS returned no MessageId for order ${order.orderId}`);
  return MessageId;
}
