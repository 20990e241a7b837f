/**
 * Fan-out: an order published once to an SNS topic reaches one SQS queue per consumer (billing, shipping,
 * analytics, fraud); a Lambda drains each queue through an event source mapping and writes a receipt to DynamoDB.
 * Which queue gets which orders, raw or enveloped, comes from the lab's `subscriptions.ts` (exercise or solution).
 */
import path from 'node:path';
import { CfnOutput, Duration, Validations, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { CfnSubscription, Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { subscriptions as exerciseSubscriptions } from '../../labs/fanout/exercise/subscriptions.ts';
import { subscriptions as solutionSubscriptions } from '../../labs/fanout/solution/subscriptions.ts';
import { checkSubscriptionSpecs, consumers, type Consumer } from '../../labs/fanout/order.ts';
import { courseFunction } from './course-function.ts';
import { CourseStack, type CourseStackProps } from './course-stack.ts';
import type { LabSource } from './labs.ts';
import { repoRoot } from './repo.ts';

/** The consumer that is slow on purpose, so the lab can show that it slows no one else. */
export const SLOW_CONSUMER: Consumer = 'analytics';
export const DEFAULT_SLOW_WORK_MS = 1000;
const FUNCTION_TIMEOUT = Duration.seconds(30);
/** AWS recommends a visibility timeout of at least six times the function timeout for SQS event sources. */
const VISIBILITY_TIMEOUT = Duration.seconds(180);
const BATCH_SIZE = 5;
/** At most two batches per queue at a time (the lowest Lambda allows): bounds cost and keeps instances warm. */
const MAX_CONCURRENCY = 2;

export interface FanoutStackProps extends CourseStackProps, StackProps {
  source: LabSource;
  /** Simulated work per message of the slow consumer (context `slowWorkMs`). */
  slowWorkMs?: number;
}

const capitalized = (name: string) => name[0].toUpperCase() + name.slice(1);

export function slowWorkMsFrom(value: unknown): number {
  if (value === undefined) return DEFAULT_SLOW_WORK_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 20_000) throw new Error(`Context slowWorkMs must be a whole number of milliseconds from 0 to 20000, got ${JSON.stringify(value)}`);
  return ms;
}

export class FanoutStack extends CourseStack {
  constructor(scope: Construct, id: string, props: FanoutStackProps) {
    super(scope, id, props);
    const specs = props.source === 'solution' ? solutionSubscriptions : exerciseSubscriptions;
    checkSubscriptionSpecs(specs, `labs/fanout/${props.source}/subscriptions.ts`);

    const topic = new Topic(this, 'Orders', { displayName: 'Orders', enforceSSL: true });

    const receipts = new Table(this, 'Receipts', {
      partitionKey: { name: 'orderId', type: AttributeType.STRING },
      sortKey: { name: 'consumer', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expiresAt',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });

    // One dead-letter queue for all four: a message a consumer failed three times lands here for inspection.
    const failed = new Queue(this, 'Failed', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
    });

    for (const consumer of consumers) {
      const name = capitalized(consumer);
      const spec = specs[consumer];
      const queue = new Queue(this, `${name}Queue`, {
        enforceSSL: true,
        // SSE-SQS, not KMS: SNS can deliver to it without a key policy.
        encryption: QueueEncryption.SQS_MANAGED,
        visibilityTimeout: VISIBILITY_TIMEOUT,
        deadLetterQueue: { queue: failed, maxReceiveCount: 3 },
      });
      const subscription = topic.addSubscription(new SqsSubscription(queue, { rawMessageDelivery: spec.rawMessageDelivery }));
      const cfn = subscription.node.defaultChild as CfnSubscription;
      // Plain SNS filter-policy JSON from the lab file, as the SNS API takes it.
      if (spec.filterPolicy) {
        cfn.filterPolicy = spec.filterPolicy;
        cfn.filterPolicyScope = spec.filterPolicyScope ?? 'MessageAttributes';
      }

      const fn = courseFunction(this, `${name}Consumer`, {
        entry: path.join(repoRoot, 'labs/fanout', props.source, 'consumer.ts'),
        timeout: FUNCTION_TIMEOUT,
        environment: {
          CONSUMER: consumer,
          RECEIPTS_TABLE: receipts.tableName,
          WORK_MS: String(consumer === SLOW_CONSUMER ? (props.slowWorkMs ?? DEFAULT_SLOW_WORK_MS) : 0),
        },
      });
      // The event source grants exactly the consume actions on this queue.
      fn.addEventSource(new SqsEventSource(queue, { batchSize: BATCH_SIZE, maxConcurrency: MAX_CONCURRENCY, reportBatchItemFailures: true }));
      receipts.grant(fn, 'dynamodb:PutItem');

      new CfnOutput(this, `${name}QueueUrl`, { value: queue.queueUrl });
    }

    new CfnOutput(this, 'TopicArn', { value: topic.topicArn });
    new CfnOutput(this, 'ReceiptsTable', { value: receipts.tableName });
    new CfnOutput(this, 'FailedQueueUrl', { value: failed.queueUrl });

    // Every acknowledged cdk-nag finding carries its reason here, next to the resource it concerns.
    Validations.of(topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'Server-side encryption needs a customer managed KMS key (USD 1/month each) that the queues would have to trust; the topic carries invented lab orders.',
    });
  }
}
