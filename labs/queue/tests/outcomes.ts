/**
 * Watches the outcomes topic through the lab kit's queue observer (a queue subscribed to the topic for as long as a
 * test file runs, with the policy AWS needs), and reads the outcomes that mention a token (an order or event id).
 */
import { sqsObserver } from '../../kit/topic-observers.ts';
import type { Outcome } from '../app/contracts.ts';
import { clientSettings, type QueueStackUnderTest } from './deployment.ts';

export async function outcomeWatcher(stack: QueueStackUnderTest) {
  // Locally SNS delivers before Publish answers; on AWS the delivery takes up to a few seconds.
  const observer = await sqsObserver(stack.topicArn, clientSettings(stack.localEndpoint), stack.localEndpoint ? 1_000 : 5_000);
  return {
    /** Every outcome published so far that mentions `token`. */
    outcomesWith: async (token: string): Promise<Outcome[]> => (await observer.messagesWith(token)).map((text) => JSON.parse(text) as Outcome),
    close: () => observer.close(),
  };
}
