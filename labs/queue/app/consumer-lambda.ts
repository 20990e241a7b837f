/** Wires a `SettleOrder` (exercise or solution) into the consumer Lambda's handler. */
import type { SQSEvent } from 'aws-lambda';
import { dynamoClient, publishOutcomes, retryLater, tablesFromEnv } from './aws.ts';
import { createConsumer } from './consumer.ts';
import type { SettleOrder } from './tables.ts';

export function consumerHandler(settle: SettleOrder) {
  let consume: ReturnType<typeof createConsumer> | undefined;
  return (event: SQSEvent) => {
    consume ??= createConsumer({
      settle: (order) => settle(dynamoClient(), tablesFromEnv(), order),
      publish: publishOutcomes,
      retryLater,
      log: (line) => console.log(line),
    });
    return consume(event);
  };
}
