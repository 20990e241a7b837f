/**
 * Datalake prototype: HTTP API (Cognito JWT authorizer) → relay function → store function with an EFS access point
 * → files per user; JSON records with a declared type are routed by a third function into DynamoDB.
 *
 * Why three functions and no VPC endpoint: the store function must sit in the VPC to mount EFS, and the VPC has
 * isolated subnets only (no NAT gateway). From there it cannot reach any public AWS endpoint, so it cannot invoke
 * the router. An interface endpoint for Lambda would cost by the hour in every AZ. The relay runs outside the VPC:
 * it invokes the store synchronously (the Lambda service reaches a VPC function without any endpoint) and the
 * router asynchronously, and the router writes to DynamoDB over its public endpoint. Only per-request costs remain.
 */
import path from 'node:path';
import { CfnOutput, Duration, Validations, type StackProps } from 'aws-cdk-lib';
import { CfnStage, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccountRecovery, UserPool } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { SubnetType, Vpc } from 'aws-cdk-lib/aws-ec2';
import { FileSystem as EfsFileSystem, ThroughputMode } from 'aws-cdk-lib/aws-efs';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FileSystem as LambdaFileSystem, type IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction, NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { courseFunction } from './course-function.ts';
import { CourseStack, type CourseStackProps } from './course-stack.ts';
import type { LabSource } from './labs.ts';
import { repoRoot } from './repo.ts';

/** Where the store function sees the access point; its LAKE_DIR variable equals it (local cloud convention). */
export const LAKE_MOUNT_PATH = '/mnt/lake';
/** The fixed POSIX identity every file on the lake belongs to. */
export const LAKE_POSIX_ID = '1001';

export interface DatalakeStackProps extends CourseStackProps, StackProps {
  source: LabSource;
}

const labDir = path.join(repoRoot, 'labs/datalake');

export class DatalakeStack extends CourseStack {
  constructor(scope: Construct, id: string, props: DatalakeStackProps) {
    super(scope, id, props);

    const vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'isolated', subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
    });

    const lake = new EfsFileSystem(this, 'Lake', {
      vpc,
      vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
      encrypted: true,
      throughputMode: ThroughputMode.ELASTIC,
    });
    const accessPoint = lake.addAccessPoint('LakeAccessPoint', {
      path: '/lake',
      createAcl: { ownerUid: LAKE_POSIX_ID, ownerGid: LAKE_POSIX_ID, permissions: '750' },
      posixUser: { uid: LAKE_POSIX_ID, gid: LAKE_POSIX_ID },
    });

    const records = new Table(this, 'Records', {
      partitionKey: { name: 'type', type: AttributeType.STRING },
      sortKey: { name: 'key', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });

    const fn = (name: string, entry: string, extra: Partial<NodejsFunctionProps>) => courseFunction(this, name, { entry, ...extra });

    const store = fn('Store', path.join(labDir, props.source, 'store.ts'), {
      vpc,
      vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
      filesystem: LambdaFileSystem.fromEfsAccessPoint(accessPoint, LAKE_MOUNT_PATH),
      memorySize: 512,
      timeout: Duration.seconds(20),
      environment: { LAKE_DIR: LAKE_MOUNT_PATH },
    });
    // What AWSLambdaVPCAccessExecutionRole grants, without its logs:* on every log group. Lambda uses these to
    // attach the function to the VPC; network interfaces have no ARN before they exist, hence `*`.
    store.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
        resources: ['*'],
      }),
    );
    const router = fn('Router', path.join(labDir, 'lake/router.ts'), { environment: { RECORDS_TABLE: records.tableName } });
    records.grant(router, 'dynamodb:PutItem');
    const relay = fn('Relay', path.join(labDir, 'lake/relay.ts'), {
      timeout: Duration.seconds(25),
      environment: { STORE_FUNCTION: store.functionName, ROUTER_FUNCTION: router.functionName },
    });
    grantInvokeExactly(relay, store);
    grantInvokeExactly(relay, router);

    const pool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      accountRecovery: AccountRecovery.NONE,
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
    });
    const client = pool.addClient('CliClient', {
      authFlows: { userPassword: true },
      generateSecret: false,
      accessTokenValidity: Duration.minutes(60),
      idTokenValidity: Duration.minutes(60),
    });

    const api = new HttpApi(this, 'Api', {
      description: 'Datalake: datasets per user on EFS',
      defaultAuthorizer: new HttpUserPoolAuthorizer('Cognito', pool, { userPoolClients: [client] }),
    });
    const integration = new HttpLambdaIntegration('RelayIntegration', relay);
    api.addRoutes({ path: '/datasets', methods: [HttpMethod.GET], integration });
    api.addRoutes({ path: '/datasets/{name}', methods: [HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE], integration });

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_WEEK });
    const stage = api.defaultStage!.node.defaultChild as CfnStage;
    // A low throttle caps what a leaked token can cost; one student needs a few requests per second.
    stage.defaultRouteSettings = { throttlingBurstLimit: 20, throttlingRateLimit: 10 };
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status', sub: '$context.authorizer.claims.sub' }),
    };

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: pool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'RecordsTable', { value: records.tableName });

    // Every acknowledged cdk-nag finding carries its reason here, next to the resource it concerns.
    Validations.of(vpc).acknowledge({
      id: 'AwsSolutions-VPC7',
      reason: 'Flow logs cost per GB ingested; the VPC only carries NFS traffic from one function to its own file system.',
    });
    Validations.of(store.role!).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Lambda creates, describes and deletes the network interfaces of a VPC function; they have no ARN before they exist. EFS access is limited to one file system and access point.',
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'Test users of a teaching prototype, created by an administrator; MFA would need SMS or an authenticator app per student.',
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason: 'The Plus feature plan has no free tier; Essentials covers 10,000 monthly users for free and this pool holds a handful of test users.',
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG3',
      reason: 'Threat protection needs the Plus feature plan, which has no free tier; the pool holds a handful of test users.',
    });
  }
}

/** lambda:InvokeFunction on exactly this function (grantInvoke would add `:*` for every version and alias). */
function grantInvokeExactly(caller: NodejsFunction, target: IFunction): void {
  caller.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['lambda:InvokeFunction'], resources: [target.functionArn] }));
}
