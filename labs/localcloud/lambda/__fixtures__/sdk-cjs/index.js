const { SQSClient, CreateQueueCommand } = require('@aws-sdk/client-sqs');

const client = new SQSClient({});

exports.handler = async (event) => {
  const result = await client.send(new CreateQueueCommand({ QueueName: event.queueName }));
  return { queueUrl: result.QueueUrl };
};
