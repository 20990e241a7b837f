/**
 * Reads security group ingress out of a synthesized template, whether CDK wrote it inline
 * (`SecurityGroupIngress` on the group) or as separate `AWS::EC2::SecurityGroupIngress` resources.
 */
export interface Resource {
  Type: string;
  Properties: any;
}

export interface IngressRule {
  from: { cidr: string } | { securityGroup: string };
  fromPort?: number;
  toPort?: number;
  protocol: string;
}

export const resourcesOfType = (resources: Record<string, Resource>, type: string): [string, Resource][] =>
  Object.entries(resources).filter(([, r]) => r.Type === type);

/** Logical id of a `{ 'Fn::GetAtt': [id, 'GroupId'] }` reference. */
const groupIdOf = (ref: any): string | undefined => ref?.['Fn::GetAtt']?.[0];

function toRule(rule: any): IngressRule {
  const source = rule.SourceSecurityGroupId
    ? { securityGroup: groupIdOf(rule.SourceSecurityGroupId) ?? JSON.stringify(rule.SourceSecurityGroupId) }
    : { cidr: rule.CidrIp ?? rule.CidrIpv6 ?? rule.SourcePrefixListId ?? 'unknown' };
  return { from: source, fromPort: rule.FromPort, toPort: rule.ToPort, protocol: rule.IpProtocol };
}

/** Every ingress rule of the security group with logical id `groupId`. */
export function ingressRules(resources: Record<string, Resource>, groupId: string): IngressRule[] {
  const inline = (resources[groupId]?.Properties.SecurityGroupIngress ?? []).map(toRule);
  const separate = resourcesOfType(resources, 'AWS::EC2::SecurityGroupIngress')
    .filter(([, r]) => groupIdOf(r.Properties.GroupId) === groupId)
    .map(([, r]) => toRule(r.Properties));
  return [...inline, ...separate];
}

export const isPublicRule = (rule: IngressRule): boolean => 'cidr' in rule.from && (rule.from.cidr === '0.0.0.0/0' || rule.from.cidr === '::/0');

/** Logical id of the (first) security group of an ECS service. */
export const backendSecurityGroup = (service: Resource): string =>
  groupIdOf(service.Properties.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups[0])!;
