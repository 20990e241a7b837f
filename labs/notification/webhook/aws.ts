/** The function's AWS side: clients made once per cold start, the secret read once per cold start. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set (the stack sets it)`);
  return value;
}

export function awsDependencies() {
  const sns = new SNSClient({});
  const ssm = new SSMClient({});
  const dynamodb = new DynamoDBClient({});
  let secret: Promise<string> | undefined;

  return {
    dynamodb,
    table: requiredEnv('DELIVERIES_TABLE'),
    secret: () =>
      (secret ??= ssm
        .send(new GetParameterCommand({ Name: requiredEnv('SECRET_PARAMETER_NAME'), WithDecryption: true }))
        .then((r) => r.Parameter?.Value ?? '')
        .catch((error) => {
          secret = undefined; // do not cache a failure: the next request tries again
          throw error;
        })),
    publish: async (message: string, subject: string) => {
      const result = await sns.send(new PublishCommand({ TopicArn: requiredEnv('TOPIC_ARN'), Message: message, Subject: subject }));
      return result.MessageId ?? '';
    },
  };
}
