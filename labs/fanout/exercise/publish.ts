/**
 * The publisher: one order, one Publish. The body is the order.
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Order } from '../order.ts';

/** Publishes the order once and returns SNS's MessageId. */
export async function publishOrder(sns: SNSClient, topicArn: string, order: Order): Promise<string> {
  const { MessageId } = await sns.send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: JSON.stringify(order),
      // TODO: a filter policy with the default scope sees message attributes, not the body. Send the amount as a
      // message attribute of DataType 'Number' (StringValue is always a string), or filter on the body instead.
    }),
  );
  if (!MessageId) throw new Error(`SNS returned no MessageId for order ${order.orderId}`);
  return MessageId;
}
