/**
 * The HTTP-free API that the API Gateway (HTTP API, payload format 2.0) module offers through
 * `context.registry.get('apigateway')`. The deployer maps AWS::ApiGatewayV2::{Api,Integration,Route,Authorizer,Stage}
 * onto it one to one (field names follow CloudFormation, lower camel case).
 *
 * URLs: every API is served on the local cloud's own port under the path form
 *   `<endpoint>/_aws/execute-api/<apiId>/`          for the `$default` stage, and
 *   `<endpoint>/_aws/execute-api/<apiId>/<stage>/`  for a named stage,
 * the same way AWS serves `https://<apiId>.execute-api.<region>.amazonaws.com/[<stage>/]`.
 * Failures throw `ApiGatewayApiError` (`NotFoundException`, `BadRequestException`, `ConflictException`).
 */

export const APIGATEWAY_REGISTRY_KEY = 'apigateway';

/** Path prefix under which all HTTP APIs are served. */
export const EXECUTE_API_PREFIX = '/_aws/execute-api/';

export interface CorsConfiguration {
  allowOrigins?: string[];
  allowMethods?: string[];
  allowHeaders?: string[];
  exposeHeaders?: string[];
  /** Seconds. */
  maxAge?: number;
  allowCredentials?: boolean;
}

export interface CreateHttpApiInput {
  name: string;
  corsConfiguration?: CorsConfiguration;
  /** Keep a given id (e.g. on redeploy) so the API's URL stays stable; generated when omitted. */
  apiId?: string;
}

export interface HttpApiInfo {
  apiId: string;
  name: string;
  /** Base URL without stage, e.g. `http://127.0.0.1:4566/_aws/execute-api/a1b2c3d4e5`. */
  apiEndpoint: string;
  corsConfiguration?: CorsConfiguration;
}

export interface CreateIntegrationInput {
  /** Only Lambda proxy integrations are emulated. */
  integrationType: 'AWS_PROXY';
  /** Function ARN or name (also accepts the `arn:aws:apigateway:…:lambda:path/…/functions/<arn>/invocations` form). */
  integrationUri: string;
  /** Only `2.0` is emulated; `1.0` is refused with a clear error. Default `2.0`. */
  payloadFormatVersion?: '2.0' | '1.0';
  /** 50–30000 ms, default 30000 (AWS's maximum for HTTP APIs). */
  timeoutInMillis?: number;
}

export interface CreateRouteInput {
  /** `GET /orders/{id}`, `ANY /{proxy+}`, `$default`. */
  routeKey: string;
  /** `integrations/<integrationId>` as in CloudFormation, or just the integration id. */
  target?: string;
  authorizationType?: 'NONE' | 'JWT';
  authorizerId?: string;
  /** Scopes of which the token must carry at least one (`scope`/`scp` claim). */
  authorizationScopes?: string[];
}

export interface JwtConfiguration {
  issuer: string;
  audience: string[];
}

export interface CreateAuthorizerInput {
  name: string;
  authorizerType: 'JWT';
  /** Default `['$request.header.Authorization']`. */
  identitySource?: string[];
  /**
   * Issuer as in the template. A Cognito issuer `https://cognito-idp.<region>.amazonaws.com/<poolId>` is resolved to
   * the local cloud's JWKS at `<endpoint>/<poolId>/.well-known/jwks.json`, and tokens whose `iss` is either that
   * issuer or `<endpoint>/<poolId>` are accepted. Any other issuer uses `<issuer>/.well-known/jwks.json` unless
   * `jwksUri` is given.
   */
  jwtConfiguration: JwtConfiguration & { jwksUri?: string };
}

export interface CreateStageInput {
  /** `$default` or a name. */
  stageName: string;
  autoDeploy?: boolean;
}

export interface ApiGatewayInternalApi {
  createHttpApi(input: CreateHttpApiInput): HttpApiInfo;
  updateHttpApi(apiId: string, input: Partial<Omit<CreateHttpApiInput, 'apiId'>>): HttpApiInfo;
  deleteHttpApi(apiId: string): void;
  getHttpApi(apiId: string): HttpApiInfo | undefined;
  listHttpApis(): HttpApiInfo[];
  createIntegration(apiId: string, input: CreateIntegrationInput): { integrationId: string };
  deleteIntegration(apiId: string, integrationId: string): void;
  createRoute(apiId: string, input: CreateRouteInput): { routeId: string };
  deleteRoute(apiId: string, routeId: string): void;
  createAuthorizer(apiId: string, input: CreateAuthorizerInput): { authorizerId: string };
  deleteAuthorizer(apiId: string, authorizerId: string): void;
  /** Returns the stage's invoke URL (ends with `/`); this is what a stack's `ApiUrl` output holds. */
  createStage(apiId: string, input: CreateStageInput): { stageName: string; invokeUrl: string };
  deleteStage(apiId: string, stageName: string): void;
  /** The stable URL of a stage (ends with `/`). */
  invokeUrl(apiId: string, stageName?: string): string;
}

export class ApiGatewayApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** Typed lookup for other services; throws when the API Gateway module is not registered. */
export function apiGatewayApi(registry: Map<string, unknown>): ApiGatewayInternalApi {
  const api = registry.get(APIGATEWAY_REGISTRY_KEY);
  if (!api) throw new Error('The API Gateway module is not registered in labs/localcloud/services.ts');
  return api as ApiGatewayInternalApi;
}
