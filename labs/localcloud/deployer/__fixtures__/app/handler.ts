/** Publishes the request body to the stack's topic; fails like on AWS when the role lacks sns:Publish. */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';

const sns = new SNSClient({});

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const { MessageId } = await sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: event.body ?? '' }));
  return { statusCode: 201, body: JSON.stringify({ messageId: MessageId, route: event.routeKey }) };
}
