/**
 * Chapter 4's PaaS-style prototype on Fargate: ALB → public API service → non-public backend service.
 *
 * - VPC with public subnets only and no NAT gateway (a NAT gateway costs money every hour it exists).
 * - The API runs in a public subnet *with* a public IPv4 address: without NAT that is how it reaches ECR and
 *   CloudWatch Logs. Its security group admits only the load balancer, so the address is reachable for nothing.
 * - The backend runs *without* a public IP; its security group admits only the API's security group. It pulls its
 *   image and ships its logs through VPC endpoints (ECR API, ECR Docker, CloudWatch Logs; S3 gateway for layers).
 *   The API finds it by name through Cloud Map DNS: `http://backend.ccvs.local:8080`.
 * - A one-time EventBridge Scheduler schedule deletes the stack at `expiresAt`. Its role may call exactly one
 *   action on exactly this stack; CloudFormation performs the deletion with the stack's own deployment role.
 */
import path from 'node:path';
import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import {
  GatewayVpcEndpointAwsService,
  InterfaceVpcEndpointAwsService,
  Peer,
  Port,
  SecurityGroup,
  SubnetType,
  Vpc,
} from 'aws-cdk-lib/aws-ec2';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import {
  Cluster,
  ContainerImage,
  CpuArchitecture,
  FargateService,
  FargateTaskDefinition,
  LogDrivers,
  OperatingSystemFamily,
  type RuntimePlatform,
} from 'aws-cdk-lib/aws-ecs';
import { ApplicationLoadBalancedFargateService } from 'aws-cdk-lib/aws-ecs-patterns';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { DnsRecordType, PrivateDnsNamespace } from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import { CourseStack, type CourseStackProps } from './course-stack.ts';
import type { LabSource } from './labs.ts';
import { repoRoot } from './repo.ts';

export const NAMESPACE = 'ccvs.local';
export const API_PORT = 3000;
export const BACKEND_PORT = 8080;
export const BACKEND_URL = `http://backend.${NAMESPACE}:${BACKEND_PORT}`;
/** The smallest Fargate task size: 0.25 vCPU, 0.5 GB. */
const TASK_SIZE = { cpu: 256, memoryLimitMiB: 512 } as const;
/** x86, so the images build on every student laptop without emulation (Arm would be about 20 % cheaper). */
const RUNTIME: RuntimePlatform = { cpuArchitecture: CpuArchitecture.X86_64, operatingSystemFamily: OperatingSystemFamily.LINUX };

export interface FargateStackProps extends CourseStackProps {
  source: LabSource;
}

/** `at()` expression for EventBridge Scheduler from the kit's `expiresAt` (a date, deleted at 00:00 UTC). */
export function selfDestructExpression(expiresAt: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresAt) || Number.isNaN(Date.parse(expiresAt))) {
    throw new Error(`Context expiresAt must be a date like 2026-12-31 for the Fargate stack's self-destruct, got "${expiresAt}"`);
  }
  return `at(${expiresAt}T00:00:00)`;
}

export class FargateStack extends CourseStack {
  constructor(scope: Construct, id: string, props: FargateStackProps) {
    super(scope, id, props);
    const labDir = path.join(repoRoot, 'labs/fargate');
    const image = (service: 'api' | 'backend') =>
      ContainerImage.fromAsset(labDir, { buildArgs: { SERVICE: service, LAB_SOURCE: props.source }, platform: Platform.LINUX_AMD64 });

    const vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'Public', subnetType: SubnetType.PUBLIC, cidrMask: 24 }],
    });

    const cluster = new Cluster(this, 'Cluster', { vpc });
    const namespace = new PrivateDnsNamespace(this, 'Namespace', { name: NAMESPACE, vpc, description: 'Service discovery for the Fargate lab' });

    // --- public API behind the load balancer ---
    const apiLogs = new LogGroup(this, 'ApiLogs', { retention: RetentionDays.ONE_WEEK });
    const api = new ApplicationLoadBalancedFargateService(this, 'Api', {
      cluster,
      ...TASK_SIZE,
      runtimePlatform: RUNTIME,
      desiredCount: 1,
      minHealthyPercent: 100,
      circuitBreaker: { rollback: true },
      publicLoadBalancer: true,
      assignPublicIp: true,
      taskSubnets: { subnetType: SubnetType.PUBLIC },
      taskImageOptions: {
        image: image('api'),
        containerName: 'api',
        containerPort: API_PORT,
        environment: { API_PORT: String(API_PORT), BACKEND_URL, BACKEND_TIMEOUT_MS: '1000' },
        logDriver: LogDrivers.awsLogs({ streamPrefix: 'api', logGroup: apiLogs }),
      },
    });
    // Liveness only: /health does not ask the backend, so a backend outage does not make the ALB drain the API.
    api.targetGroup.configureHealthCheck({ path: '/health', healthyHttpCodes: '200', interval: Duration.seconds(15), healthyThresholdCount: 2 });
    api.targetGroup.setAttribute('deregistration_delay.timeout_seconds', '10');

    // --- private backend ---
    const backendSg = new SecurityGroup(this, 'BackendSecurityGroup', {
      vpc,
      description: 'Backend: ingress only from the API service',
      allowAllOutbound: false,
    });
    backendSg.connections.allowFrom(api.service, Port.tcp(BACKEND_PORT), 'API to backend');
    // Without a public IP the backend cannot reach the internet; 443 only leads to the VPC endpoints and S3 gateway.
    backendSg.addEgressRule(Peer.anyIpv4(), Port.tcp(443), 'HTTPS to VPC endpoints and the S3 gateway (image layers)');

    const backendLogs = new LogGroup(this, 'BackendLogs', { retention: RetentionDays.ONE_WEEK });
    const backendTask = new FargateTaskDefinition(this, 'BackendTask', { ...TASK_SIZE, runtimePlatform: RUNTIME });
    backendTask.addContainer('backend', {
      image: image('backend'),
      portMappings: [{ containerPort: BACKEND_PORT }],
      environment: { BACKEND_PORT: String(BACKEND_PORT) },
      logging: LogDrivers.awsLogs({ streamPrefix: 'backend', logGroup: backendLogs }),
      // No load balancer in front of the backend, so ECS checks it from inside the container (busybox wget).
      healthCheck: {
        command: ['CMD-SHELL', `wget -q -O /dev/null http://127.0.0.1:${BACKEND_PORT}/health || exit 1`],
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(10),
      },
    });
    new FargateService(this, 'Backend', {
      cluster,
      taskDefinition: backendTask,
      desiredCount: 1,
      minHealthyPercent: 100,
      circuitBreaker: { rollback: true },
      assignPublicIp: false,
      vpcSubnets: { subnets: [vpc.publicSubnets[0]] },
      securityGroups: [backendSg],
      cloudMapOptions: { name: 'backend', cloudMapNamespace: namespace, dnsRecordType: DnsRecordType.A, dnsTtl: Duration.seconds(10) },
    });

    // --- how a task without a public IP reaches AWS: endpoints in one AZ (the backend's), reachable from both services ---
    const endpointSg = new SecurityGroup(this, 'EndpointSecurityGroup', { vpc, description: 'VPC endpoints: HTTPS from the services', allowAllOutbound: false });
    endpointSg.connections.allowFrom(backendSg, Port.tcp(443), 'backend to AWS APIs');
    endpointSg.connections.allowFrom(api.service, Port.tcp(443), 'API to AWS APIs (private DNS resolves them here)');
    const endpoints = {
      EcrApi: InterfaceVpcEndpointAwsService.ECR,
      EcrDocker: InterfaceVpcEndpointAwsService.ECR_DOCKER,
      Logs: InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
    };
    for (const [name, service] of Object.entries(endpoints)) {
      vpc.addInterfaceEndpoint(name, { service, open: false, securityGroups: [endpointSg], subnets: { subnets: [vpc.publicSubnets[0]] } });
    }
    vpc.addGatewayEndpoint('S3', { service: GatewayVpcEndpointAwsService.S3 });

    // --- TTL: delete this stack at expiresAt ---
    const selfDestructRole = new Role(this, 'SelfDestructRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
      description: 'May delete this one stack, nothing else',
    });
    selfDestructRole.addToPolicy(new PolicyStatement({ actions: ['cloudformation:DeleteStack'], resources: [this.stackId] }));
    new CfnSchedule(this, 'SelfDestruct', {
      description: `Deletes ${this.stackName} when it expires`,
      scheduleExpression: selfDestructExpression(props.expiresAt),
      scheduleExpressionTimezone: 'UTC',
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: 'arn:aws:scheduler:::aws-sdk:cloudformation:deleteStack',
        roleArn: selfDestructRole.roleArn,
        input: JSON.stringify({ StackName: this.stackName }),
        retryPolicy: { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 86_400 },
      },
    });

    // Every acknowledged cdk-nag finding carries its reason here, next to the resource it concerns.
    Validations.of(vpc).acknowledge({
      id: 'AwsSolutions-VPC7',
      reason: 'Flow logs are billed per GB ingested; the lab has two tasks and is deleted within a week. Enable them when debugging traffic.',
    });
    Validations.of(cluster).acknowledge({
      id: 'AwsSolutions-ECS4',
      reason: 'Container Insights bills custom metrics per task; the lab reads its two services through the container logs instead.',
    });
    Validations.of(api.loadBalancer).acknowledge({
      id: 'AwsSolutions-ELB2',
      reason: 'Access logs need an S3 bucket with a bucket policy for the ELB service; the lab traces requests in the API container logs.',
    });
    Validations.of(api.loadBalancer).acknowledge({
      id: 'AwsSolutions-EC23',
      reason: 'The internet-facing load balancer is the one public entry of the architecture and listens on port 80 only; everything else is closed.',
    });
    for (const task of [api.taskDefinition, backendTask]) {
      Validations.of(task).acknowledge({
        id: 'AwsSolutions-ECS2',
        reason: 'The environment holds only ports, the backend URL and a timeout: configuration, not secrets, which would come from SSM.',
      });
      Validations.of(task).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'CDK grants the execution role ecr:GetAuthorizationToken, which AWS only allows on Resource "*"; image pulls are scoped to the repository.',
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: `http://${api.loadBalancer.loadBalancerDnsName}` });
    new CfnOutput(this, 'BackendUrl', { value: BACKEND_URL, description: 'Only resolvable and reachable inside the VPC' });
    new CfnOutput(this, 'ExpiresAt', { value: `${props.expiresAt}T00:00:00Z` });
  }
}
