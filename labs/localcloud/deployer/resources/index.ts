/** Every resource type the deployer creates, and the types it skips because they have no local meaning. */
import { apiGatewayHandlers } from './apigateway.ts';
import { cognitoHandlers } from './cognito.ts';
import { dataHandlers } from './data.ts';
import { efsHandlers } from './efs.ts';
import { iamHandlers } from './iam.ts';
import { lambdaHandlers } from './lambda.ts';
import { messagingHandlers } from './messaging.ts';
import type { ResourceHandler } from './types.ts';

export const resourceHandlers: Record<string, ResourceHandler> = {
  ...iamHandlers,
  ...lambdaHandlers,
  ...messagingHandlers,
  ...apiGatewayHandlers,
  ...dataHandlers,
  ...cognitoHandlers,
  ...efsHandlers,
};

/** Present in every CDK template; skipped without a warning. */
const SILENT = new Set(['AWS::CDK::Metadata']);

/** Networking, custom resources and monitoring: real on AWS, meaningless on one machine. */
const NO_LOCAL_MEANING = [
  /^AWS::EC2::/,
  /^Custom::/,
  /^AWS::CloudFormation::(CustomResource|WaitCondition|WaitConditionHandle)$/,
  /^AWS::EFS::MountTarget$/,
  /^AWS::Logs::(SubscriptionFilter|MetricFilter|ResourcePolicy)$/,
  /^AWS::CloudWatch::/,
  /^AWS::Budgets::/,
  /^AWS::KMS::(Key|Alias)$/,
  /^AWS::Lambda::(EventInvokeConfig|Version|Alias)$/,
  /^AWS::ApiGatewayV2::(ApiMapping|DomainName|VpcLink)$/,
  /^AWS::IAM::InstanceProfile$/,
  /^AWS::SNS::TopicInlinePolicy$/,
  /^AWS::SQS::QueueInlinePolicy$/,
];

export type TypeSupport = 'deploy' | 'skip-silently' | 'skip' | 'unknown';

export function typeSupport(type: string): TypeSupport {
  if (type in resourceHandlers) return 'deploy';
  if (SILENT.has(type)) return 'skip-silently';
  if (NO_LOCAL_MEANING.some((pattern) => pattern.test(type))) return 'skip';
  return 'unknown';
}
