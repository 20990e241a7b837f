/** The HTTP APIs and their integrations, routes, authorizers and stages; implements the internal API of `api.ts`. */
import type { CloudContext } from '../core/types.ts';
import {
  ApiGatewayApiError,
  EXECUTE_API_PREFIX,
  type ApiGatewayInternalApi,
  type CorsConfiguration,
  type CreateAuthorizerInput,
  type CreateHttpApiInput,
  type CreateIntegrationInput,
  type CreateRouteInput,
  type CreateStageInput,
  type HttpApiInfo,
} from './api.ts';
import { parseRouteKey, type ParsedRouteKey } from './routes.ts';

export interface Integration {
  integrationId: string;
  functionName: string;
  timeoutMs: number;
}

export interface Route {
  routeId: string;
  parsed: ParsedRouteKey;
  integrationId?: string;
  authorizationType: 'NONE' | 'JWT';
  authorizerId?: string;
  authorizationScopes: string[];
}

export interface Authorizer {
  authorizerId: string;
  name: string;
  identitySource: string[];
  issuer: string;
  audience: string[];
  jwksUri?: string;
}

export interface HttpApi {
  apiId: string;
  name: string;
  cors?: CorsConfiguration;
  integrations: Map<string, Integration>;
  routes: Map<string, Route>;
  authorizers: Map<string, Authorizer>;
  stages: Set<string>;
}

const badRequest = (message: string) => new ApiGatewayApiError('BadRequestException', message);
const notFound = (message: string) => new ApiGatewayApiError('NotFoundException', message);

/** `arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function arn>/invocations` → function ARN. */
export function functionFromIntegrationUri(uri: string): string {
  const wrapped = /:lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/.exec(uri);
  return wrapped ? wrapped[1] : uri;
}

export class HttpApiStore implements ApiGatewayInternalApi {
  readonly apis = new Map<string, HttpApi>();

  constructor(private readonly ctx: CloudContext) {}

  private newId(length = 10): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let id = '';
    for (let i = 0; i < length; i++) id += alphabet[this.ctx.random.int(alphabet.length)];
    return id;
  }

  api(apiId: string): HttpApi {
    const api = this.apis.get(apiId);
    if (!api) throw notFound(`Invalid API identifier specified ${this.ctx.accountId}:${apiId}`);
    return api;
  }

  private info(api: HttpApi): HttpApiInfo {
    return { apiId: api.apiId, name: api.name, apiEndpoint: `${this.ctx.endpoint()}${EXECUTE_API_PREFIX}${api.apiId}`, corsConfiguration: api.cors };
  }

  createHttpApi(input: CreateHttpApiInput): HttpApiInfo {
    if (typeof input?.name !== 'string' || input.name === '') throw badRequest('Name is required for an HTTP API');
    if (input.apiId !== undefined && !/^[a-z0-9]{1,32}$/.test(input.apiId)) throw badRequest(`Invalid API id ${input.apiId}`);
    const apiId = input.apiId ?? this.newId();
    if (this.apis.has(apiId)) throw new ApiGatewayApiError('ConflictException', `API ${apiId} already exists`);
    validateCors(input.corsConfiguration);
    const api: HttpApi = { apiId, name: input.name, cors: input.corsConfiguration, integrations: new Map(), routes: new Map(), authorizers: new Map(), stages: new Set() };
    this.apis.set(apiId, api);
    return this.info(api);
  }

  updateHttpApi(apiId: string, input: Partial<Omit<CreateHttpApiInput, 'apiId'>>): HttpApiInfo {
    const api = this.api(apiId);
    if (input.name !== undefined) api.name = input.name;
    if ('corsConfiguration' in input) {
      validateCors(input.corsConfiguration);
      api.cors = input.corsConfiguration;
    }
    return this.info(api);
  }

  deleteHttpApi(apiId: string): void {
    this.api(apiId);
    this.apis.delete(apiId);
  }

  getHttpApi(apiId: string): HttpApiInfo | undefined {
    const api = this.apis.get(apiId);
    return api && this.info(api);
  }

  listHttpApis(): HttpApiInfo[] {
    return [...this.apis.values()].map((api) => this.info(api));
  }

  createIntegration(apiId: string, input: CreateIntegrationInput): { integrationId: string } {
    const api = this.api(apiId);
    if (input?.integrationType !== 'AWS_PROXY') throw badRequest(`Integration type ${String(input?.integrationType)} is not supported locally; use AWS_PROXY (Lambda proxy)`);
    if ((input.payloadFormatVersion ?? '2.0') !== '2.0') throw badRequest('Only payload format version 2.0 is emulated; set PayloadFormatVersion to 2.0');
    if (typeof input.integrationUri !== 'string' || input.integrationUri === '') throw badRequest('IntegrationUri must name a Lambda function');
    const timeoutMs = input.timeoutInMillis ?? 30_000;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 50 || timeoutMs > 30_000) throw badRequest('TimeoutInMillis must be between 50 and 30000');
    const integrationId = this.newId(7);
    api.integrations.set(integrationId, { integrationId, functionName: functionFromIntegrationUri(input.integrationUri), timeoutMs });
    return { integrationId };
  }

  deleteIntegration(apiId: string, integrationId: string): void {
    if (!this.api(apiId).integrations.delete(integrationId)) throw notFound(`Invalid Integration identifier specified ${integrationId}`);
  }

  createRoute(apiId: string, input: CreateRouteInput): { routeId: string } {
    const api = this.api(apiId);
    const parsed = parseRouteKey(input?.routeKey);
    if (typeof parsed === 'string') throw badRequest(parsed);
    if ([...api.routes.values()].some((r) => r.parsed.routeKey === parsed.routeKey)) {
      throw new ApiGatewayApiError('ConflictException', `Unable to complete operation due to concurrent modification. Route ${parsed.routeKey} already exists`);
    }
    const integrationId = input.target?.replace(/^integrations\//, '');
    if (integrationId !== undefined && !api.integrations.has(integrationId)) throw badRequest(`Invalid target ${input.target}: no such integration`);
    const authorizationType = input.authorizationType ?? 'NONE';
    if (authorizationType !== 'NONE' && authorizationType !== 'JWT') throw badRequest(`Authorization type ${authorizationType} is not supported locally; use NONE or JWT`);
    if (authorizationType === 'JWT' && (!input.authorizerId || !api.authorizers.has(input.authorizerId))) {
      throw badRequest(`Route ${parsed.routeKey} needs an existing JWT authorizer (got ${String(input.authorizerId)})`);
    }
    const routeId = this.newId(7);
    api.routes.set(routeId, { routeId, parsed, integrationId, authorizationType, authorizerId: input.authorizerId, authorizationScopes: input.authorizationScopes ?? [] });
    return { routeId };
  }

  deleteRoute(apiId: string, routeId: string): void {
    if (!this.api(apiId).routes.delete(routeId)) throw notFound(`Invalid Route identifier specified ${routeId}`);
  }

  createAuthorizer(apiId: string, input: CreateAuthorizerInput): { authorizerId: string } {
    const api = this.api(apiId);
    if (input?.authorizerType !== 'JWT') throw badRequest(`Authorizer type ${String(input?.authorizerType)} is not supported locally; use JWT`);
    const jwt = input.jwtConfiguration;
    if (!jwt || typeof jwt.issuer !== 'string' || !/^https?:\/\//.test(jwt.issuer)) throw badRequest('JwtConfiguration.Issuer must be an http(s) URL');
    if (!Array.isArray(jwt.audience) || jwt.audience.length === 0) throw badRequest('JwtConfiguration.Audience must list at least one audience');
    const identitySource = input.identitySource ?? ['$request.header.Authorization'];
    if (!identitySource.every((s) => /^\$request\.header\.[A-Za-z0-9-]+$/.test(s))) {
      throw badRequest(`Identity source ${identitySource.join(',')} is not supported; use $request.header.<Name>`);
    }
    const authorizerId = this.newId(6);
    api.authorizers.set(authorizerId, { authorizerId, name: input.name, identitySource, issuer: jwt.issuer.replace(/\/$/, ''), audience: jwt.audience, jwksUri: jwt.jwksUri });
    return { authorizerId };
  }

  deleteAuthorizer(apiId: string, authorizerId: string): void {
    if (!this.api(apiId).authorizers.delete(authorizerId)) throw notFound(`Invalid Authorizer identifier specified ${authorizerId}`);
  }

  createStage(apiId: string, input: CreateStageInput): { stageName: string; invokeUrl: string } {
    const api = this.api(apiId);
    const stageName = input?.stageName;
    if (typeof stageName !== 'string' || !(stageName === '$default' || /^[A-Za-z0-9_-]{1,128}$/.test(stageName))) {
      throw badRequest(`Invalid stage name ${String(stageName)}`);
    }
    if (api.stages.has(stageName)) throw new ApiGatewayApiError('ConflictException', `Stage ${stageName} already exists`);
    api.stages.add(stageName);
    return { stageName, invokeUrl: this.invokeUrl(apiId, stageName) };
  }

  deleteStage(apiId: string, stageName: string): void {
    if (!this.api(apiId).stages.delete(stageName)) throw notFound(`Invalid stage identifier specified ${stageName}`);
  }

  invokeUrl(apiId: string, stageName = '$default'): string {
    const base = `${this.ctx.endpoint()}${EXECUTE_API_PREFIX}${apiId}/`;
    return stageName === '$default' ? base : `${base}${stageName}/`;
  }
}

function validateCors(cors: CorsConfiguration | undefined): void {
  if (cors === undefined) return;
  for (const key of ['allowOrigins', 'allowMethods', 'allowHeaders', 'exposeHeaders'] as const) {
    const value = cors[key];
    if (value !== undefined && (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))) {
      throw badRequest(`CorsConfiguration.${key} must be a list of strings`);
    }
  }
  if (cors.allowCredentials && cors.allowOrigins?.includes('*')) {
    throw badRequest('allow-credentials is not supported when allow-origin is *');
  }
}
