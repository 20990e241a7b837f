// Leaves @aws-sdk/* external, as NodejsFunction does: the runtime must provide it.
import { SQSClient, ListQueuesCommand } from '@aws-sdk/client-sqs';

const client = new SQSClient({});

export const handler = async () => {
  const result = await client.send(new ListQueuesCommand({}));
  return { queues: result.QueueUrls ?? [], endpoint: process.env.AWS_ENDPOINT_URL };
};
