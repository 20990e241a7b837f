/** The HTTP-free Cognito API in `context.registry.get('cognito')`, used by the deployer and by tests. */
export const COGNITO_REGISTRY_KEY = 'cognito';

export interface PasswordPolicy {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
}

export interface CreateUserPoolInput {
  PoolName?: string;
  Policies?: { PasswordPolicy?: PasswordPolicy };
  /** `['email']` lets users sign in with their e-mail address as user name. */
  UsernameAttributes?: string[];
  AutoVerifiedAttributes?: string[];
}

export interface CreateUserPoolClientInput {
  ClientName?: string;
  GenerateSecret?: boolean;
  ExplicitAuthFlows?: string[];
  PreventUserExistenceErrors?: 'ENABLED' | 'LEGACY';
  /** Minutes; default 60. */
  AccessTokenValidity?: number;
  IdTokenValidity?: number;
}

export interface UserPoolInfo {
  id: string;
  name: string;
  arn: string;
  /** `iss` of the pool's tokens locally: `<endpoint>/<poolId>`. */
  issuer: string;
  /** `cognito-idp.<region>.amazonaws.com/<poolId>` as CloudFormation's ProviderURL. */
  providerUrl: string;
}

export interface CognitoInternalApi {
  createUserPool(input: CreateUserPoolInput): UserPoolInfo;
  deleteUserPool(poolId: string): void;
  createUserPoolClient(poolId: string, input: CreateUserPoolClientInput): { clientId: string; clientSecret?: string };
  deleteUserPoolClient(poolId: string, clientId: string): void;
  /** The code SignUp "sent" (the local cloud sends no e-mail); undefined when none is pending. */
  confirmationCode(poolId: string, username: string): string | undefined;
}
