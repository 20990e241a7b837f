/** IAM roles from deployed templates and the authorization decision for calls made with role-bound credentials. */
import type { CloudContext, ServiceModule } from '../core/types.ts';
import { IAM_REGISTRY_KEY, type AuthorizeRequest, type AuthorizeResult, type IamInternalApi } from './api.ts';
import { decodeAccessKeyId, encodeAccessKeyId } from './credentials.ts';
import { evaluatePolicies, type PolicyDocument } from './policy.ts';

interface Role {
  own: PolicyDocument[];
  attached: Map<string, PolicyDocument>;
}

export function denialMessage(principalArn: string, action: string, resource: string, explicit: boolean): string {
  const reason = explicit
    ? 'with an explicit deny in an identity-based policy'
    : `because no identity-based policy allows the ${action} action`;
  return `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} ${reason}`;
}

export function createIamApi(ctx: CloudContext): IamInternalApi {
  const roles = new Map<string, Role>();
  const attachedTo = new Map<string, string>();
  const roleArn = (roleName: string) => `arn:aws:iam::${ctx.accountId}:role/${roleName}`;

  const api: IamInternalApi = {
    roleArn,
    putRole(roleName, policies) {
      const existing = roles.get(roleName);
      roles.set(roleName, { own: policies, attached: existing?.attached ?? new Map() });
      return roleArn(roleName);
    },
    deleteRole(roleName) {
      roles.delete(roleName);
    },
    putAttachedPolicy(roleName, policyId, document) {
      api.removeAttachedPolicy(policyId);
      let role = roles.get(roleName);
      if (!role) roles.set(roleName, (role = { own: [], attached: new Map() }));
      role.attached.set(policyId, document);
      attachedTo.set(policyId, roleName);
    },
    removeAttachedPolicy(policyId) {
      const roleName = attachedTo.get(policyId);
      if (roleName !== undefined) roles.get(roleName)?.attached.delete(policyId);
      attachedTo.delete(policyId);
    },
    credentialsForRole(arn, sessionName = 'localcloud') {
      const roleName = arn.slice(arn.lastIndexOf('/') + 1);
      return {
        accessKeyId: encodeAccessKeyId({ roleName, sessionName }),
        secretAccessKey: 'localcloud-role-secret',
        sessionToken: 'localcloud-role-session',
      };
    },
    authorize({ accessKeyId, action, resource }: AuthorizeRequest): AuthorizeResult {
      const identity = decodeAccessKeyId(accessKeyId);
      if (!identity) return { allowed: true };
      const principalArn = `arn:aws:sts::${ctx.accountId}:assumed-role/${identity.roleName}/${identity.sessionName}`;
      const role = roles.get(identity.roleName);
      // Only roles from deployed templates are enforced; functions created by hand name roles nobody defined.
      if (!role) return { allowed: true, principalArn };
      const decision = evaluatePolicies([...role.own, ...role.attached.values()], action, resource);
      if (decision === 'Allow') return { allowed: true, principalArn };
      return { allowed: false, principalArn, message: denialMessage(principalArn, action, resource, decision === 'ExplicitDeny') };
    },
  };
  return api;
}

/** Registers the IAM API; IAM itself answers no wire requests locally. */
export function iamService(ctx: CloudContext): ServiceModule {
  ctx.registry.set(IAM_REGISTRY_KEY, createIamApi(ctx));
  return { name: 'iam', matches: () => false, handle: async () => ({ status: 404 }) };
}
