/** AWS::Cognito::UserPool and ::UserPoolClient → the local Cognito module. */
import { COGNITO_REGISTRY_KEY, type CognitoInternalApi, type CreateUserPoolInput } from '../../cognito/api.ts';
import { optionalBoolean, optionalNumber, optionalString, registryApi as service, requireString, type ResourceHandler } from './types.ts';

/** CloudFormation's token validity defaults to hours for access/ID tokens unless TokenValidityUnits says otherwise. */
function minutes(properties: Record<string, unknown>, field: 'AccessTokenValidity' | 'IdTokenValidity', unitField: 'AccessToken' | 'IdToken'): number | undefined {
  const value = optionalNumber(properties, field);
  if (value === undefined) return undefined;
  const unit = (properties.TokenValidityUnits as Record<string, string> | undefined)?.[unitField] ?? 'hours';
  return unit === 'minutes' ? value : unit === 'days' ? value * 1440 : value * 60;
}

const userPoolHandler: ResourceHandler = {
  async create(properties, rc) {
    const cognito = service<CognitoInternalApi>(rc, COGNITO_REGISTRY_KEY);
    const pool = cognito.createUserPool({
      PoolName: optionalString(properties, 'UserPoolName') ?? rc.physicalName(128),
      Policies: properties.Policies as CreateUserPoolInput['Policies'],
      UsernameAttributes: properties.UsernameAttributes as string[] | undefined,
      AutoVerifiedAttributes: properties.AutoVerifiedAttributes as string[] | undefined,
    });
    return { physicalId: pool.id, attributes: { Arn: pool.arn, ProviderName: pool.providerUrl, ProviderURL: `https://${pool.providerUrl}`, UserPoolId: pool.id } };
  },
  /** Keeps the pool (and its users); settings changes apply after destroy and deploy. */
  async update(_properties, previous, _old, rc) {
    rc.warn(`${rc.logicalId}: user pool settings changed; the local pool keeps its users and old settings until destroy:local`);
    return previous;
  },
  async delete(previous, rc) {
    try {
      service<CognitoInternalApi>(rc, COGNITO_REGISTRY_KEY).deleteUserPool(previous.physicalId);
    } catch {
      // already gone
    }
  },
};

const clientHandler: ResourceHandler = {
  async create(properties, rc) {
    const poolId = requireString(properties, 'UserPoolId');
    const client = service<CognitoInternalApi>(rc, COGNITO_REGISTRY_KEY).createUserPoolClient(poolId, {
      ClientName: optionalString(properties, 'ClientName') ?? rc.logicalId,
      GenerateSecret: optionalBoolean(properties, 'GenerateSecret'),
      ExplicitAuthFlows: properties.ExplicitAuthFlows as string[] | undefined,
      PreventUserExistenceErrors: optionalString(properties, 'PreventUserExistenceErrors') as 'ENABLED' | undefined,
      AccessTokenValidity: minutes(properties, 'AccessTokenValidity', 'AccessToken'),
      IdTokenValidity: minutes(properties, 'IdTokenValidity', 'IdToken'),
    });
    return { physicalId: client.clientId, attributes: { ClientSecret: client.clientSecret ?? '', Name: optionalString(properties, 'ClientName') ?? rc.logicalId }, state: { poolId } };
  },
  async delete(previous, rc) {
    try {
      service<CognitoInternalApi>(rc, COGNITO_REGISTRY_KEY).deleteUserPoolClient(String(previous.state?.poolId), previous.physicalId);
    } catch {
      // pool already gone
    }
  },
};

export const cognitoHandlers: Record<string, ResourceHandler> = {
  'AWS::Cognito::UserPool': userPoolHandler,
  'AWS::Cognito::UserPoolClient': clientHandler,
};
