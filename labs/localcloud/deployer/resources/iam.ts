/** AWS::IAM::Role, ::Policy and ::ManagedPolicy → the local IAM registry that SQS, SNS, DynamoDB and SSM consult. */
import { iamApi } from '../../iam/api.ts';
import { awsManagedPolicy } from '../../iam/managed.ts';
import { assertPolicyDocument, type PolicyDocument } from '../../iam/policy.ts';
import { PropertyError, optionalString, type ResourceContext, type ResourceHandler } from './types.ts';

function iam(rc: ResourceContext) {
  const api = iamApi(rc.ctx.registry);
  if (!api) throw new PropertyError('the IAM module is not registered in labs/localcloud/services.ts');
  return api;
}

function document(value: unknown, where: string): PolicyDocument {
  try {
    assertPolicyDocument(value, where);
  } catch (error) {
    throw new PropertyError((error as Error).message);
  }
  return value;
}

function rolePolicies(properties: Record<string, unknown>, rc: ResourceContext): PolicyDocument[] {
  const inline = (properties.Policies ?? []) as Array<{ PolicyName?: string; PolicyDocument?: unknown }>;
  if (!Array.isArray(inline)) throw new PropertyError('Policies must be a list');
  const docs = inline.map((p, i) => document(p?.PolicyDocument, `Policies[${i}]`));
  const managed = (properties.ManagedPolicyArns ?? []) as unknown[];
  if (!Array.isArray(managed)) throw new PropertyError('ManagedPolicyArns must be a list');
  const unknown: string[] = [];
  for (const arn of managed) {
    const doc = awsManagedPolicy(String(arn)) ?? (rc.managedPolicies.get(String(arn)) as PolicyDocument | undefined);
    if (doc) docs.push(doc);
    else unknown.push(String(arn));
  }
  if (unknown.length) rc.warn(`${rc.logicalId}: managed policies not modelled locally grant nothing here: ${unknown.join(', ')}`);
  return docs;
}

const roleHandler: ResourceHandler = {
  async create(properties, rc) {
    const name = optionalString(properties, 'RoleName') ?? rc.physicalName(64);
    const arn = iam(rc).putRole(name, rolePolicies(properties, rc));
    return { physicalId: name, attributes: { Arn: arn, RoleId: `AROA${name.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 17)}` } };
  },
  async update(properties, previous, _old, rc) {
    const name = optionalString(properties, 'RoleName') ?? rc.physicalName(64);
    if (name !== previous.physicalId) return undefined;
    iam(rc).putRole(name, rolePolicies(properties, rc));
    return previous;
  },
  async delete(previous, rc) {
    iam(rc).deleteRole(previous.physicalId);
  },
};

function attachedRoles(properties: Record<string, unknown>, rc: ResourceContext): string[] {
  const roles = (properties.Roles ?? []) as unknown[];
  if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string')) throw new PropertyError('Roles must be a list of role names');
  if (properties.Users !== undefined || properties.Groups !== undefined) rc.warn(`${rc.logicalId}: policies on IAM users and groups have no local meaning`);
  return roles as string[];
}

/** Shared by Policy and ManagedPolicy: attach the document to each role under a stable id. */
function attachingHandler(kind: 'policy' | 'managed'): ResourceHandler {
  const attach = (properties: Record<string, unknown>, rc: ResourceContext) => {
    const doc = document(properties.PolicyDocument, 'PolicyDocument');
    const roles = attachedRoles(properties, rc);
    for (const role of roles) iam(rc).putAttachedPolicy(role, `${rc.stackName}/${rc.logicalId}/${role}`, doc);
    return { doc, roles };
  };
  const detach = (roles: unknown, rc: ResourceContext) => {
    for (const role of (roles as string[] | undefined) ?? []) iam(rc).removeAttachedPolicy(`${rc.stackName}/${rc.logicalId}/${role}`);
  };
  return {
    async create(properties, rc) {
      const { doc, roles } = attach(properties, rc);
      const name = optionalString(properties, kind === 'policy' ? 'PolicyName' : 'ManagedPolicyName') ?? rc.physicalName(128);
      const arn = `arn:aws:iam::${rc.ctx.accountId}:policy/${name}`;
      if (kind === 'managed') rc.managedPolicies.set(arn, doc);
      return { physicalId: kind === 'managed' ? arn : name, attributes: kind === 'managed' ? { PolicyArn: arn } : { Id: name }, state: { roles, arn } };
    },
    async update(properties, previous, _old, rc) {
      detach(previous.state?.roles, rc);
      const { doc, roles } = attach(properties, rc);
      if (kind === 'managed') rc.managedPolicies.set(String(previous.state?.arn), doc);
      return { ...previous, state: { ...previous.state, roles } };
    },
    async delete(previous, rc) {
      detach(previous.state?.roles, rc);
      rc.managedPolicies.delete(String(previous.state?.arn));
    },
  };
}

export const iamHandlers: Record<string, ResourceHandler> = {
  'AWS::IAM::Role': roleHandler,
  'AWS::IAM::Policy': attachingHandler('policy'),
  'AWS::IAM::ManagedPolicy': attachingHandler('managed'),
};
