/**
 * DevOps notification: GitHub/GitLab webhook → HTTP API → Lambda → SNS → SMS (or e-mail).
 * Redeliveries are filtered with a DynamoDB table (webhooks are at-least-once); the shared secret lives in SSM.
 */
import path from 'node:path';
import { CfnOutput, Validations, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, SmsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { courseFunction } from './course-function.ts';
import { CourseStack, type CourseStackProps } from './course-stack.ts';
import { emailFrom, phoneNumberFrom } from './context.ts';
import { labSecrets, type LabSource } from './labs.ts';
import { repoRoot } from './repo.ts';

const WEBHOOK_SECRET_PARAMETER = labSecrets.notification;

export interface NotificationStackProps extends CourseStackProps, StackProps {
  source: LabSource;
}

export class NotificationStack extends CourseStack {
  constructor(scope: Construct, id: string, props: NotificationStackProps) {
    super(scope, id, props);
    const phoneNumber = phoneNumberFrom(this.node);
    const email = emailFrom(this.node);

    const topic = new Topic(this, 'Notifications', { displayName: 'CI', enforceSSL: true });
    if (phoneNumber) topic.addSubscription(new SmsSubscription(phoneNumber));
    if (email) topic.addSubscription(new EmailSubscription(email));

    const deliveries = new Table(this, 'Deliveries', {
      partitionKey: { name: 'deliveryId', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expiresAt',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });

    const webhook = courseFunction(this, 'Webhook', {
      entry: path.join(repoRoot, 'labs/notification', props.source, 'handler.ts'),
      environment: {
        TOPIC_ARN: topic.topicArn,
        DELIVERIES_TABLE: deliveries.tableName,
        SECRET_PARAMETER_NAME: WEBHOOK_SECRET_PARAMETER,
      },
    });
    topic.grantPublish(webhook);
    deliveries.grant(webhook, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem');
    webhook.addToRolePolicy(
      new PolicyStatement({
        actions: ['ssm:GetParameter'],
        resources: [this.formatArn({ service: 'ssm', resource: 'parameter', resourceName: WEBHOOK_SECRET_PARAMETER.slice(1) })],
      }),
    );

    const api = new HttpApi(this, 'Api', { description: 'GitHub and GitLab webhooks' });
    const integration = new HttpLambdaIntegration('WebhookIntegration', webhook);
    api.addRoutes({ path: '/webhooks/github', methods: [HttpMethod.POST], integration });
    api.addRoutes({ path: '/webhooks/gitlab', methods: [HttpMethod.POST], integration });

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_WEEK });
    const stage = api.defaultStage!.node.defaultChild as CfnStage;
    // A low throttle caps what a leaked URL can cost; webhooks arrive a few per minute.
    stage.defaultRouteSettings = { throttlingBurstLimit: 10, throttlingRateLimit: 5 };
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' }),
    };

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'TopicArn', { value: topic.topicArn });
    new CfnOutput(this, 'DeliveriesTable', { value: deliveries.tableName });
    new CfnOutput(this, 'SecretParameterName', { value: WEBHOOK_SECRET_PARAMETER });

    // Every acknowledged cdk-nag finding carries its reason here, next to the resource it concerns.
    Validations.of(topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'Server-side encryption needs a customer managed KMS key (USD 1/month each); the topic carries CI status lines, no secrets.',
    });
    Validations.of(api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'GitHub and GitLab cannot send IAM or JWT credentials; the function authenticates every request by HMAC signature or secret token.',
    });
  }
}
