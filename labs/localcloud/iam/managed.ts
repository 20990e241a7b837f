/**
 * The AWS managed policies a lab stack may attach, reduced to what matters locally. Anything else grants nothing
 * here (the caller warns), so a lab never gets broader rights locally than it would see explained in the course.
 */
import type { PolicyDocument } from './policy.ts';

const logsOnly: PolicyDocument = {
  Statement: { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
};

const known: Record<string, PolicyDocument> = {
  'service-role/AWSLambdaBasicExecutionRole': logsOnly,
  'service-role/AWSLambdaVPCAccessExecutionRole': logsOnly,
  'service-role/AWSLambdaSQSQueueExecutionRole': {
    Statement: [
      logsOnly.Statement as never,
      { Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], Resource: '*' },
    ],
  },
  AdministratorAccess: { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } },
};

/** Policy for an `arn:<partition>:iam::aws:policy/<path/name>` ARN; undefined when not modelled locally. */
export function awsManagedPolicy(arn: string): PolicyDocument | undefined {
  const match = /^arn:[^:]+:iam::aws:policy\/(.+)$/.exec(arn);
  return match ? known[match[1]!] : undefined;
}
