/** Watches the outcomes topic through a queue subscribed to it (raw delivery), for as long as a test file runs. */
import { CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, DeleteMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { randomUUID } from 'node:crypto';
import type { Outcome } from '../app/contracts.ts';
import { clientSettings, type QueueStackUnderTest } from './deployment.ts';

export async function outcomeWatcher(stack: QueueStackUnderTest) {
  const sqs: SQSClient = stack.sqs;
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `ccvs-queue-outcomes-${randomUUID().slice(0, 8)}` }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  const sns = new SNSClient(clientSettings(stack.localEndpoint));
  await sns.send(new SubscribeCommand({ TopicArn: stack.topicArn, Protocol: 'sqs', Endpoint: Attributes!.QueueArn, Attributes: { RawMessageDelivery: 'true' } }));
  sns.destroy();
  const seen: Outcome[] = [];
  return {
    /** Everything published so far (drains the watcher's queue). */
    async outcomes(): Promise<Outcome[]> {
      for (;;) {
        const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
        if (Messages.length === 0) return seen;
        seen.push(...Messages.map((m) => JSON.parse(m.Body!) as Outcome));
        await sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
      }
    },
    close: () => sqs.send(new DeleteQueueCommand({ QueueUrl })).then(() => undefined),
  };
}
