/**
 * The Fargate lab's stack: one public entry (the load balancer), a backend nobody else can reach, no NAT gateway,
 * tagged and short-lived. Synthesized once, offline: the container images are staged, not built (no Docker needed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { BACKEND_PORT, BACKEND_URL, selfDestructExpression } from '../lib/fargate-stack.ts';
import { labStacks } from '../lib/labs.ts';
import { stackApp } from './synth.ts';
import { backendSecurityGroup, ingressRules, isPublicRule, resourcesOfType, type Resource } from './security-groups.ts';

const name = labStacks.fargate;

function synthesize(context: Record<string, unknown> = {}) {
  const assembly = stackApp(name, { labSource: 'solution', ...context }).synth();
  return { assembly, template: Template.fromJSON(assembly.getStackByName(name).template) };
}

describe('fargate stack', () => {
  const { assembly, template } = synthesize();
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const services = resourcesOfType(resources, 'AWS::ECS::Service');
  const backendService = services.find(([, s]) => s.Properties.ServiceRegistries)!;
  const apiService = services.find(([, s]) => s.Properties.LoadBalancers)!;
  const apiServiceSg = apiService[1].Properties.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups[0]['Fn::GetAtt'][0];

  it('has public subnets only and no NAT gateway', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    const subnets = resourcesOfType(resources, 'AWS::EC2::Subnet');
    expect(subnets.length).toBeGreaterThanOrEqual(2);
    for (const [, subnet] of subnets) expect(subnet.Properties.MapPublicIpOnLaunch).toBe(true);
    for (const [, route] of resourcesOfType(resources, 'AWS::EC2::Route')) expect(route.Properties.GatewayId).toBeDefined();
  });

  it('lets only the API security group into the backend, on the backend port', () => {
    const backendSg = backendSecurityGroup(backendService[1]);
    expect(ingressRules(resources, backendSg)).toEqual([
      { from: { securityGroup: apiServiceSg }, fromPort: BACKEND_PORT, toPort: BACKEND_PORT, protocol: 'tcp' },
    ]);
  });

  it('gives the backend tasks no public IP and the API tasks one (no NAT to reach ECR otherwise)', () => {
    expect(backendService[1].Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('DISABLED');
    expect(apiService[1].Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('ENABLED');
  });

  it('admits the API tasks only from the load balancer', () => {
    const lbSg = resourcesOfType(resources, 'AWS::ElasticLoadBalancingV2::LoadBalancer')[0][1].Properties.SecurityGroups[0]['Fn::GetAtt'][0];
    expect(ingressRules(resources, apiServiceSg).map((r) => r.from)).toEqual([{ securityGroup: lbSg }]);
  });

  it('has the internet-facing load balancer as the only public ingress, port 80', () => {
    const lbs = resourcesOfType(resources, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(lbs).toHaveLength(1);
    expect(lbs[0][1].Properties.Scheme).toBe('internet-facing');
    const lbSg = lbs[0][1].Properties.SecurityGroups[0]['Fn::GetAtt'][0];
    const publicRules = resourcesOfType(resources, 'AWS::EC2::SecurityGroup').flatMap(([id]) =>
      ingressRules(resources, id).filter(isPublicRule).map((rule) => ({ group: id, port: rule.fromPort })),
    );
    expect(publicRules).toEqual([{ group: lbSg, port: 80 }]);
  });

  it('finds the backend by name through Cloud Map and tells the API that name', () => {
    template.hasResourceProperties('AWS::ServiceDiscovery::PrivateDnsNamespace', { Name: 'ccvs.local' });
    template.hasResourceProperties('AWS::ServiceDiscovery::Service', { Name: 'backend' });
    const apiTask = resourcesOfType(resources, 'AWS::ECS::TaskDefinition').find(([, t]) => t.Properties.ContainerDefinitions[0].Name === 'api')!;
    expect(apiTask[1].Properties.ContainerDefinitions[0].Environment).toContainEqual({ Name: 'BACKEND_URL', Value: BACKEND_URL });
    expect(BACKEND_URL).toBe('http://backend.ccvs.local:8080');
  });

  it('runs one task per service at the smallest size, 0.25 vCPU and 0.5 GB', () => {
    for (const [, service] of services) expect(service.Properties.DesiredCount).toBe(1);
    const tasks = resourcesOfType(resources, 'AWS::ECS::TaskDefinition');
    expect(tasks).toHaveLength(2);
    for (const [, task] of tasks) expect([task.Properties.Cpu, task.Properties.Memory]).toEqual(['256', '512']);
  });

  it('checks health: the ALB asks the API’s /health, ECS asks the backend’s /health inside its container', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { HealthCheckPath: '/health', Matcher: { HttpCode: '200' } });
    const backendTask = resourcesOfType(resources, 'AWS::ECS::TaskDefinition').find(([, t]) => t.Properties.ContainerDefinitions[0].Name === 'backend')!;
    expect(backendTask[1].Properties.ContainerDefinitions[0].HealthCheck.Command.join(' ')).toContain(`http://127.0.0.1:${BACKEND_PORT}/health`);
  });

  it('builds both images from the lab’s Dockerfile with the service and the lab source as build arguments', () => {
    // The asset manifest lists what `cdk deploy` will build and push; synth only staged the directory.
    const manifest = JSON.parse(fs.readFileSync(path.join(assembly.directory, `${name}.assets.json`), 'utf8'));
    const images = Object.values(manifest.dockerImages) as { source: { directory: string; dockerBuildArgs: Record<string, string>; platform: string } }[];
    expect(images.map((i) => i.source.dockerBuildArgs).sort((a, b) => a.SERVICE.localeCompare(b.SERVICE))).toEqual([
      { SERVICE: 'api', LAB_SOURCE: 'solution' },
      { SERVICE: 'backend', LAB_SOURCE: 'solution' },
    ]);
    for (const image of images) expect(image.source.platform).toBe('linux/amd64');
    for (const image of images) expect(fs.existsSync(path.join(assembly.directory, image.source.directory, 'Dockerfile'))).toBe(true);
  });

  it('keeps every log group for one week and sends both containers’ logs there', () => {
    const groups = resourcesOfType(resources, 'AWS::Logs::LogGroup');
    expect(groups).toHaveLength(2);
    for (const [, group] of groups) expect(group.Properties.RetentionInDays).toBe(7);
    for (const [, task] of resourcesOfType(resources, 'AWS::ECS::TaskDefinition')) {
      expect(task.Properties.ContainerDefinitions[0].LogConfiguration.LogDriver).toBe('awslogs');
    }
  });

  it('tags the resources with course, lab, owner and expires-at', () => {
    for (const type of ['AWS::EC2::VPC', 'AWS::ECS::Cluster', 'AWS::ECS::Service', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::EC2::SecurityGroup']) {
      for (const [id, resource] of resourcesOfType(resources, type)) {
        const tags = Object.fromEntries((resource.Properties.Tags as { Key: string; Value: string }[]).map((t) => [t.Key, t.Value]));
        expect(tags, id).toMatchObject({ course: 'ccvs', lab: 'fargate', owner: 'student', 'expires-at': '2026-12-31' });
      }
    }
  });

  it('deletes itself at expiresAt with a role that may delete this stack and nothing else', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'at(2026-12-31T00:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      Target: { Arn: 'arn:aws:scheduler:::aws-sdk:cloudformation:deleteStack' },
    });
    const policies = resourcesOfType(resources, 'AWS::IAM::Policy').filter(([id]) => id.startsWith('SelfDestruct'));
    expect(policies.map(([, p]) => p.Properties.PolicyDocument.Statement)).toEqual([
      [{ Action: 'cloudformation:DeleteStack', Effect: 'Allow', Resource: { Ref: 'AWS::StackId' } }],
    ]);
  });

  it('refuses an expiresAt that is not a date, naming the key', () => {
    expect(() => selfDestructExpression('next week')).toThrow(/Context expiresAt must be a date/);
    expect(selfDestructExpression('2027-01-15')).toBe('at(2027-01-15T00:00:00)');
  });

  it('passes cdk-nag AwsSolutions with a written reason for each acknowledged finding', () => {
    // `synthesize` above ran the cdk-nag validation: an unacknowledged finding would have thrown.
    expect(assembly.getStackByName(name).template).toBeDefined();
    const source = fs.readFileSync(path.join(import.meta.dirname, '../lib/fargate-stack.ts'), 'utf8');
    const acks = [...source.matchAll(/acknowledge\(\{\s*id: '([^']+)',\s*reason: '([^']*)'/g)];
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(ack[2].length, ack[1]).toBeGreaterThan(40);
  });
});
