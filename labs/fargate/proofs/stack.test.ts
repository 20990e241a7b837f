/** Proofs for chapter 4's quiz, read from the synthesized CloudFormation template of the lab's stack. */
import { Template } from 'aws-cdk-lib/assertions';
import { it } from 'vitest';
import quiz from '../../../docs/quizzes/04-operating-models.ts';
import { expectKeyed } from '../../../docs/quizzes/proof.ts';
import { labStacks } from '../../../infra/lib/labs.ts';
import { ingressRules, isPublicRule, resourcesOfType, type Resource } from '../../../infra/test/security-groups.ts';
import { stackApp } from '../../../infra/test/synth.ts';

const template = Template.fromJSON(stackApp(labStacks.fargate, { labSource: 'solution' }).synth().getStackByName(labStacks.fargate).template);
const resources = template.toJSON().Resources as Record<string, Resource>;
const services = resourcesOfType(resources, 'AWS::ECS::Service');
const network = (service: Resource) => service.Properties.NetworkConfiguration.AwsvpcConfiguration;
const [, backend] = services.find(([, s]) => s.Properties.ServiceRegistries)!;
const [, api] = services.find(([, s]) => s.Properties.LoadBalancers)!;
const groupOf = (service: Resource): string => network(service).SecurityGroups[0]['Fn::GetAtt'][0];

it('only the API security group may open connections to the backend', () => {
  const rules = ingressRules(resources, groupOf(backend));
  const lbGroup = resourcesOfType(resources, 'AWS::ElasticLoadBalancingV2::LoadBalancer')[0][1].Properties.SecurityGroups[0]['Fn::GetAtt'][0];
  const vpcCidr = resourcesOfType(resources, 'AWS::EC2::VPC')[0][1].Properties.CidrBlock;
  const sources = rules.map((r) => ('securityGroup' in r.from ? r.from.securityGroup : r.from.cidr));
  let observed: string;
  if (rules.some(isPublicRule)) observed = 'internet';
  else if (sources.includes(vpcCidr)) observed = 'vpc';
  else if (sources.includes(lbGroup)) observed = 'alb';
  else if (sources.length === 1 && sources[0] === groupOf(api)) observed = 'api-only';
  else observed = `unexpected: ${JSON.stringify(sources)}`;
  expectKeyed(quiz, 'backend-ingress', observed);
});

it('without NAT the API task gets a public IP and the backend reaches AWS through VPC endpoints', () => {
  const observed: string[] = [];
  template.resourceCountIs('AWS::EC2::NatGateway', 0);
  if (network(api).AssignPublicIp === 'ENABLED') observed.push('api-public-ip');
  if (network(backend).AssignPublicIp === 'ENABLED') observed.push('backend-public-ip');
  const endpoints = resourcesOfType(resources, 'AWS::EC2::VPCEndpoint').map(([, e]) => JSON.stringify(e.Properties.ServiceName));
  if (['ecr.api', 'ecr.dkr', 'logs', 's3'].every((s) => endpoints.some((name) => name.includes(s)))) observed.push('backend-endpoints');
  const subnets = resourcesOfType(resources, 'AWS::EC2::Subnet');
  if (subnets.some(([, s]) => s.Properties.MapPublicIpOnLaunch !== true)) observed.push('private-subnets');
  expectKeyed(quiz, 'no-nat', observed);
});
