/**
 * Cognito user pools over the JSON 1.1 protocol (`AWSCognitoIdentityProviderService.*`) plus each pool's JWKS at
 * `GET /<poolId>/.well-known/jwks.json`. Tokens carry `iss` = `<endpoint>/<poolId>`, so verifiers configured for
 * the local issuer (aws-jwt-verify, the HTTP API JWT authorizer) find the keys on the local cloud.
 */
import { jsonResponse } from '../core/http.ts';
import type { CloudContext, LocalRequest, LocalResponse, ServiceModule } from '../core/types.ts';
import { jsonError, jsonResult, parseJsonBody, targetOperation } from '../iam/aws-json.ts';
import { COGNITO_REGISTRY_KEY, type CognitoInternalApi, type CreateUserPoolClientInput, type CreateUserPoolInput } from './api.ts';
import { CognitoError, UserPools } from './pools.ts';
import { jwks } from './tokens.ts';

const PREFIX = 'AWSCognitoIdentityProviderService';
const WELL_KNOWN = /^\/([a-z]{2}-[a-z]+-\d_[A-Za-z0-9]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;
/** Local stand-in for the e-mail with the sign-up code: `GET /_aws/cognito/confirmation-code?UserPoolId=…&Username=…`. */
const CODE_PATH = '/_aws/cognito/confirmation-code';

export function cognitoService(ctx: CloudContext): ServiceModule {
  const pools = new UserPools(ctx.region, ctx.accountId, ctx.endpoint, () => ctx.clock.now());

  const internal: CognitoInternalApi = {
    createUserPool: (input) => pools.createPool(input),
    deleteUserPool: (poolId) => pools.deletePool(poolId),
    createUserPoolClient: (poolId, input) => {
      const client = pools.createClient(poolId, input);
      return { clientId: client.clientId, clientSecret: client.secret };
    },
    deleteUserPoolClient: (poolId, clientId) => pools.deleteClient(poolId, clientId),
    confirmationCode: (poolId, username) => pools.confirmationCode(poolId, username),
  };
  ctx.registry.set(COGNITO_REGISTRY_KEY, internal);

  const operations: Record<string, (input: Record<string, unknown>) => unknown> = {
    CreateUserPool: (i) => {
      const info = pools.createPool(i as CreateUserPoolInput);
      return { UserPool: { Id: info.id, Name: info.name, Arn: info.arn } };
    },
    DeleteUserPool: (i) => (pools.deletePool(String(i.UserPoolId)), {}),
    CreateUserPoolClient: (i) => {
      const client = pools.createClient(String(i.UserPoolId), i as CreateUserPoolClientInput);
      return { UserPoolClient: { ClientId: client.clientId, ClientName: client.name, UserPoolId: i.UserPoolId, ...(client.secret ? { ClientSecret: client.secret } : {}) } };
    },
    DeleteUserPoolClient: (i) => (pools.deleteClient(String(i.UserPoolId), String(i.ClientId)), {}),
    SignUp: (i) => {
      const result = pools.signUp(i);
      ctx.events.emit({ type: 'delivery', service: 'cognito', action: 'SignUp', detail: { username: i.Username, note: 'confirmation code available at ' + CODE_PATH }, time: ctx.clock.now() });
      return result;
    },
    ConfirmSignUp: (i) => (pools.confirmSignUp(i), {}),
    AdminCreateUser: (i) => pools.adminCreateUser(i),
    AdminSetUserPassword: (i) => (pools.adminSetUserPassword(i), {}),
    InitiateAuth: (i) => pools.initiateAuth(i),
    RespondToAuthChallenge: (i) => pools.respondToAuthChallenge(i),
    GetUser: (i) => pools.getUser(i),
  };

  const wellKnown = (poolId: string, document: string): LocalResponse => {
    const keys = pools.signingKeys(poolId);
    if (!keys) return jsonResponse(404, { message: `User pool ${poolId} does not exist.` });
    if (document === 'jwks.json') return jsonResponse(200, jwks(keys));
    const issuer = pools.poolInfo(poolId).issuer;
    return jsonResponse(200, { issuer, jwks_uri: `${issuer}/.well-known/jwks.json`, id_token_signing_alg_values_supported: ['RS256'], subject_types_supported: ['public'] });
  };

  return {
    name: 'cognito',
    matches: (req: LocalRequest) =>
      targetOperation(req, PREFIX) !== undefined || (req.method === 'GET' && (WELL_KNOWN.test(req.path) || req.path === CODE_PATH)),
    async handle(req) {
      if (req.method === 'GET' && req.path === CODE_PATH) {
        const code = pools.confirmationCode(req.query.get('UserPoolId') ?? '', req.query.get('Username') ?? '');
        return code ? jsonResponse(200, { code }) : jsonResponse(404, { message: 'No pending confirmation code for this user' });
      }
      const known = WELL_KNOWN.exec(req.path);
      if (req.method === 'GET' && known) return wellKnown(known[1]!, known[2]!);
      const operation = targetOperation(req, PREFIX)!;
      const run = operations[operation];
      if (!run) return jsonError(400, 'InvalidAction', `Operation ${operation} is not supported by the local Cognito`);
      try {
        const result = run(parseJsonBody(req));
        ctx.events.emit({ type: 'call', service: 'cognito', action: operation, time: ctx.clock.now() });
        return jsonResult(result);
      } catch (error) {
        if (error instanceof CognitoError) return jsonError(400, error.code, error.message);
        return jsonError(400, 'InvalidParameterException', error instanceof Error ? error.message : String(error));
      }
    },
  };
}
