/**
 * Queue prototype: selling tickets without overselling. HTTP API → API function → SQS FIFO queue (one message group
 * per event, deduplicated by order id) → consumer function (event source mapping, ReportBatchItemFailures) →
 * DynamoDB transaction (stock decrement only if enough is left, order decided only once) → outcome on SNS.
 * Poison messages go to a FIFO dead-letter queue whose depth raises a CloudWatch alarm by e-mail.
 */
import path from 'node:path';
import { CfnOutput, Duration, Validations, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { courseFunction } from './course-function.ts';
import { CourseStack, type CourseStackProps } from './course-stack.ts';
import { emailFrom } from './context.ts';
import type { LabSource } from './labs.ts';
import { repoRoot } from './repo.ts';

export interface QueueStackProps extends CourseStackProps, StackProps {
  source: LabSource;
}

export type QueueKind = 'fifo' | 'standard';

/** Context `queueKind`: `fifo` (default, the lab) or `standard` (the benchmark's comparison). */
export function queueKindFrom(value: unknown): QueueKind {
  if (value === undefined || value === 'fifo') return 'fifo';
  if (value === 'standard') return 'standard';
  throw new Error(`Context queueKind must be "fifo" or "standard", got ${JSON.stringify(value)}`);
}

/** A message that failed this often is poison: it goes to the dead-letter queue instead of blocking its event. */
export const MAX_RECEIVE_COUNT = 5;
const CONSUMER_TIMEOUT = Duration.seconds(10);

export class QueueStack extends CourseStack {
  constructor(scope: Construct, id: string, props: QueueStackProps) {
    super(scope, id, props);
    const email = emailFrom(this.node);
    const fifo = queueKindFrom(this.node.tryGetContext('queueKind')) === 'fifo';

    const table = (name: string, key: string, ttl?: string) =>
      new Table(this, name, {
        partitionKey: { name: key, type: AttributeType.STRING },
        billingMode: BillingMode.PAY_PER_REQUEST,
        timeToLiveAttribute: ttl,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      });
    const events = table('EventStock', 'eventId');
    const orders = table('OrderRecords', 'orderId', 'expiresAt');

    const deadLetters = new Queue(this, 'OrderDlq', { fifo: fifo || undefined, retentionPeriod: Duration.days(14), enforceSSL: true });
    const queue = new Queue(this, 'OrderQueue', {
      fifo: fifo || undefined,
      // AWS's advice: six times the consumer's timeout, so a slow batch is not delivered twice while it runs.
      visibilityTimeout: Duration.seconds(CONSUMER_TIMEOUT.toSeconds() * 6),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: MAX_RECEIVE_COUNT },
      enforceSSL: true,
    });

    const outcomes = new Topic(this, 'Outcomes', { displayName: 'Ticket orders', enforceSSL: true });
    const alerts = new Topic(this, 'Alerts', { displayName: 'Ticket shop alerts', enforceSSL: true });
    if (email) alerts.addSubscription(new EmailSubscription(email));
    new Alarm(this, 'DeadLettersAlarm', {
      alarmDescription: 'Orders landed in the dead-letter queue: inspect them and redrive',
      metric: deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(alerts));

    const environment = {
      EVENTS_TABLE: events.tableName,
      ORDERS_TABLE: orders.tableName,
      QUEUE_URL: queue.queueUrl,
      OUTCOMES_TOPIC_ARN: outcomes.topicArn,
      QUEUE_KIND: fifo ? 'fifo' : 'standard',
    };
    const api = courseFunction(this, 'Api', { entry: path.join(repoRoot, 'labs/queue/app/api.ts'), environment });
    events.grant(api, 'dynamodb:GetItem');
    orders.grant(api, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem');
    api.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));

    const consumer = courseFunction(this, 'Consumer', { entry: path.join(repoRoot, 'labs/queue', props.source, 'consumer.ts'), timeout: CONSUMER_TIMEOUT, environment });
    events.grant(consumer, 'dynamodb:UpdateItem');
    orders.grant(consumer, 'dynamodb:GetItem', 'dynamodb:UpdateItem');
    outcomes.grantPublish(consumer);
    // The event source grants receive, delete and visibility changes; the consumer uses the last for early retries.
    consumer.addEventSource(new SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true }));

    const httpApi = new HttpApi(this, 'HttpApi', { description: 'Ticket orders' });
    const integration = new HttpLambdaIntegration('ApiIntegration', api);
    httpApi.addRoutes({ path: '/orders', methods: [HttpMethod.POST], integration });
    httpApi.addRoutes({ path: '/orders/{id}', methods: [HttpMethod.GET], integration });
    httpApi.addRoutes({ path: '/events/{id}', methods: [HttpMethod.GET], integration });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_WEEK });
    const stage = httpApi.defaultStage!.node.defaultChild as CfnStage;
    // Caps what a rush (or a leaked URL) can cost; the queue absorbs bursts below it.
    stage.defaultRouteSettings = { throttlingBurstLimit: 500, throttlingRateLimit: 200 };
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' }),
    };

    new CfnOutput(this, 'ApiUrl', { value: httpApi.apiEndpoint });
    new CfnOutput(this, 'EventsTable', { value: events.tableName });
    new CfnOutput(this, 'OrdersTable', { value: orders.tableName });
    new CfnOutput(this, 'QueueUrl', { value: queue.queueUrl });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: deadLetters.queueUrl });
    new CfnOutput(this, 'OutcomesTopicArn', { value: outcomes.topicArn });

    // Every acknowledged cdk-nag finding carries its reason here, next to the resource it concerns.
    for (const topic of [outcomes, alerts]) {
      Validations.of(topic).acknowledge({
        id: 'AwsSolutions-SNS2',
        reason: 'Server-side encryption needs a customer managed KMS key (USD 1/month each); the topic carries order outcomes and alarms, no secrets.',
      });
    }
    Validations.of(httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'A public ticket shop prototype: buyers are anonymous and identified by the buyer field; the stage throttle caps abuse.',
    });
  }
}
