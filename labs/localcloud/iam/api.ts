/**
 * The HTTP-free IAM API in `context.registry.get('iam')`. The deployer puts roles and their policies; Lambda asks
 * for credentials bound to a function's role; SQS, SNS, DynamoDB and SSM ask `authorize` (through `enforce.ts`).
 */
import type { PolicyDocument } from './policy.ts';

export const IAM_REGISTRY_KEY = 'iam';

export interface RoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export interface AuthorizeRequest {
  /** Access key id of the caller's SigV4 signature; undefined for unsigned calls. */
  accessKeyId: string | undefined;
  /** Action as the service names it in its messages, e.g. `SNS:Publish`, `sqs:sendmessage`, `dynamodb:PutItem`. */
  action: string;
  resource: string;
}

export type AuthorizeResult =
  | { allowed: true; principalArn?: string }
  | { allowed: false; principalArn: string; message: string };

export interface IamInternalApi {
  /** Creates or replaces a role's own policies (inline + managed), keeping attached AWS::IAM::Policy documents. */
  putRole(roleName: string, policies: PolicyDocument[]): string;
  deleteRole(roleName: string): void;
  /** Attaches (or replaces) a named policy document to a role, as AWS::IAM::Policy does. */
  putAttachedPolicy(roleName: string, policyId: string, document: PolicyDocument): void;
  removeAttachedPolicy(policyId: string): void;
  roleArn(roleName: string): string;
  credentialsForRole(roleArn: string, sessionName?: string): RoleCredentials;
  authorize(request: AuthorizeRequest): AuthorizeResult;
}

export function iamApi(registry: Map<string, unknown>): IamInternalApi | undefined {
  return registry.get(IAM_REGISTRY_KEY) as IamInternalApi | undefined;
}
