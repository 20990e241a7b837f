/**
 * A lab function as every course stack builds it: Node.js 24 on Arm (cheaper per GB-s), AWS SDK left external
 * (the runtime provides it), and its own role that may write logs to its own one-week log group only —
 * instead of AWSLambdaBasicExecutionRole, which allows writing to any log group.
 */
import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { repoRoot } from './repo.ts';

export type CourseFunctionProps = Omit<NodejsFunctionProps, 'role' | 'logGroup'> & { entry: string };

/** Creates `<id>` (the function), `<id>Role` and `<id>Logs`. */
export function courseFunction(scope: Construct, id: string, props: CourseFunctionProps): NodejsFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_WEEK });
  const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  role.addToPolicy(
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
  );
  return new NodejsFunction(scope, id, {
    projectRoot: repoRoot,
    depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: 256,
    timeout: Duration.seconds(10),
    bundling: { format: OutputFormat.CJS, externalModules: ['@aws-sdk/*'], minify: true },
    ...props,
    role,
    logGroup,
  });
}
