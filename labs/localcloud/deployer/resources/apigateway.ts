/** AWS::ApiGatewayV2::{Api,Integration,Route,Stage,Authorizer} → the local HTTP API module (payload format 2.0). */
import { createHash } from 'node:crypto';
import { apiGatewayApi, type ApiGatewayInternalApi, type CorsConfiguration } from '../../apigateway/api.ts';
import { PropertyError, optionalBoolean, optionalNumber, optionalString, requireString, sameJson, type ResourceContext, type ResourceHandler } from './types.ts';

export function gateway(rc: ResourceContext): ApiGatewayInternalApi {
  try {
    return apiGatewayApi(rc.ctx.registry);
  } catch (error) {
    throw new PropertyError((error as Error).message);
  }
}

/** Calls the gateway and turns its errors into property errors (prefixed with the logical id by the deployer). */
async function call<T>(fn: () => T): Promise<T> {
  try {
    return fn();
  } catch (error) {
    throw new PropertyError((error as Error).message);
  }
}

/** API ids stay the same across redeploys and cloud restarts, so a stack's ApiUrl is stable. */
export const stableApiId = (rc: ResourceContext) => createHash('sha256').update(`${rc.stackName}/${rc.logicalId}`).digest('hex').replace(/[^a-z0-9]/g, '').slice(0, 10);

export function cors(value: unknown): CorsConfiguration | undefined {
  if (value === undefined) return undefined;
  const c = value as Record<string, unknown>;
  return {
    allowOrigins: c.AllowOrigins as string[] | undefined,
    allowMethods: c.AllowMethods as string[] | undefined,
    allowHeaders: c.AllowHeaders as string[] | undefined,
    exposeHeaders: c.ExposeHeaders as string[] | undefined,
    maxAge: c.MaxAge === undefined ? undefined : Number(c.MaxAge),
    allowCredentials: c.AllowCredentials === undefined ? undefined : c.AllowCredentials === true || c.AllowCredentials === 'true',
  };
}

const apiHandler: ResourceHandler = {
  async create(properties, rc) {
    const protocol = optionalString(properties, 'ProtocolType') ?? 'HTTP';
    if (protocol !== 'HTTP') throw new PropertyError(`ProtocolType ${protocol} is not emulated locally (HTTP APIs only)`);
    if (properties.Body !== undefined || properties.BodyS3Location !== undefined) throw new PropertyError('APIs defined by an OpenAPI Body are not emulated locally; define routes as resources');
    const info = await call(() => gateway(rc).createHttpApi({ name: optionalString(properties, 'Name') ?? rc.logicalId, corsConfiguration: cors(properties.CorsConfiguration), apiId: stableApiId(rc) }));
    return { physicalId: info.apiId, attributes: { ApiId: info.apiId, ApiEndpoint: info.apiEndpoint } };
  },
  async update(properties, previous, _old, rc) {
    await call(() => gateway(rc).updateHttpApi(previous.physicalId, { name: optionalString(properties, 'Name') ?? rc.logicalId, corsConfiguration: cors(properties.CorsConfiguration) }));
    return previous;
  },
  async delete(previous, rc) {
    await call(() => gateway(rc).deleteHttpApi(previous.physicalId)).catch(() => undefined);
  },
};

const integrationHandler: ResourceHandler = {
  async create(properties, rc) {
    const apiId = requireString(properties, 'ApiId');
    const type = requireString(properties, 'IntegrationType');
    if (type !== 'AWS_PROXY') throw new PropertyError(`IntegrationType ${type} is not emulated locally (Lambda proxy integrations only)`);
    const { integrationId } = await call(() => gateway(rc).createIntegration(apiId, {
      integrationType: 'AWS_PROXY',
      integrationUri: requireString(properties, 'IntegrationUri'),
      payloadFormatVersion: optionalString(properties, 'PayloadFormatVersion') as '2.0' | undefined,
      timeoutInMillis: optionalNumber(properties, 'TimeoutInMillis'),
    }));
    return { physicalId: integrationId, attributes: {}, state: { apiId } };
  },
  async delete(previous, rc) {
    await call(() => gateway(rc).deleteIntegration(String(previous.state?.apiId), previous.physicalId)).catch(() => undefined);
  },
};

const routeHandler: ResourceHandler = {
  async create(properties, rc) {
    const apiId = requireString(properties, 'ApiId');
    const { routeId } = await call(() => gateway(rc).createRoute(apiId, {
      routeKey: requireString(properties, 'RouteKey'),
      target: optionalString(properties, 'Target'),
      authorizationType: optionalString(properties, 'AuthorizationType') as 'NONE' | 'JWT' | undefined,
      authorizerId: optionalString(properties, 'AuthorizerId'),
      authorizationScopes: properties.AuthorizationScopes as string[] | undefined,
    }));
    return { physicalId: routeId, attributes: {}, state: { apiId } };
  },
  async delete(previous, rc) {
    await call(() => gateway(rc).deleteRoute(String(previous.state?.apiId), previous.physicalId)).catch(() => undefined);
  },
};

const stageHandler: ResourceHandler = {
  async create(properties, rc) {
    const apiId = requireString(properties, 'ApiId');
    const stageName = requireString(properties, 'StageName');
    const stage = await call(() => gateway(rc).createStage(apiId, { stageName, autoDeploy: optionalBoolean(properties, 'AutoDeploy') }));
    return { physicalId: stage.stageName, attributes: {}, state: { apiId, invokeUrl: stage.invokeUrl } };
  },
  async update(properties, previous, old) {
    return sameJson(properties.ApiId, old.ApiId) && sameJson(properties.StageName, old.StageName) ? previous : undefined;
  },
  async delete(previous, rc) {
    await call(() => gateway(rc).deleteStage(String(previous.state?.apiId), previous.physicalId)).catch(() => undefined);
  },
};

const authorizerHandler: ResourceHandler = {
  async create(properties, rc) {
    const apiId = requireString(properties, 'ApiId');
    const type = requireString(properties, 'AuthorizerType');
    if (type !== 'JWT') throw new PropertyError(`AuthorizerType ${type} is not emulated locally (JWT authorizers only)`);
    const jwt = properties.JwtConfiguration as { Issuer?: unknown; Audience?: unknown } | undefined;
    if (typeof jwt?.Issuer !== 'string' || !Array.isArray(jwt.Audience)) throw new PropertyError('JwtConfiguration needs Issuer and Audience');
    const { authorizerId } = await call(() => gateway(rc).createAuthorizer(apiId, {
      name: optionalString(properties, 'Name') ?? rc.logicalId,
      authorizerType: 'JWT',
      identitySource: properties.IdentitySource as string[] | undefined,
      jwtConfiguration: { issuer: jwt.Issuer as string, audience: (jwt.Audience as unknown[]).map(String) },
    }));
    return { physicalId: authorizerId, attributes: { AuthorizerId: authorizerId }, state: { apiId } };
  },
  async delete(previous, rc) {
    await call(() => gateway(rc).deleteAuthorizer(String(previous.state?.apiId), previous.physicalId)).catch(() => undefined);
  },
};

export const apiGatewayHandlers: Record<string, ResourceHandler> = {
  'AWS::ApiGatewayV2::Api': apiHandler,
  'AWS::ApiGatewayV2::Integration': integrationHandler,
  'AWS::ApiGatewayV2::Route': routeHandler,
  'AWS::ApiGatewayV2::Stage': stageHandler,
  'AWS::ApiGatewayV2::Authorizer': authorizerHandler,
};

/**
 * `https://<apiId>.execute-api.<region>.amazonaws.com/<rest>` (how CDK builds an HTTP API's url) → the local URL
 * of a deployed API. Other strings are returned unchanged.
 */
export function localizeApiUrls(text: string, api: ApiGatewayInternalApi | undefined): string {
  if (!api) return text;
  return text.replace(/https:\/\/([a-z0-9]+)\.execute-api\.[a-z0-9-]+\.amazonaws\.com(\/[^\s"]*)?/g, (whole, apiId: string, rest = '/') => {
    const info = api.getHttpApi(apiId);
    return info ? `${info.apiEndpoint}${rest}` : whole;
  });
}
