/**
 * A tiny CDK app for the deployer's tests: HTTP API → NodejsFunction (bundled by the local esbuild) → SNS topic →
 * SQS queue, with the publish right granted by `grantPublish` (context `withoutGrant=true` leaves it out).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue } from 'aws-cdk-lib/aws-sqs';

const here = path.dirname(fileURLToPath(import.meta.url));
const app = new App();
const stack = new Stack(app, 'DeployerFixture');

const topic = new Topic(stack, 'Events');
const queue = new Queue(stack, 'Observed', { visibilityTimeout: Duration.seconds(30) });
topic.addSubscription(new SqsSubscription(queue, { rawMessageDelivery: true }));

const publisher = new NodejsFunction(stack, 'Publisher', {
  entry: path.join(here, 'handler.ts'),
  runtime: Runtime.NODEJS_22_X,
  timeout: Duration.seconds(10),
  environment: { TOPIC_ARN: topic.topicArn },
  depsLockFilePath: path.join(here, '../../../../../package-lock.json'),
  bundling: { minify: false, sourceMap: false },
});
if (app.node.tryGetContext('withoutGrant') !== 'true') topic.grantPublish(publisher);

const api = new HttpApi(stack, 'Api');
api.addRoutes({ path: '/events', methods: [HttpMethod.POST], integration: new HttpLambdaIntegration('Publish', publisher) });

new CfnOutput(stack, 'ApiUrl', { value: api.url! });
new CfnOutput(stack, 'QueueUrl', { value: queue.queueUrl });
new CfnOutput(stack, 'FunctionName', { value: publisher.functionName });
app.synth();
