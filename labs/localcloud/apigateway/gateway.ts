/**
 * Serves the HTTP APIs: stage and route selection, CORS, JWT authorization, the Lambda proxy call with the
 * integration timeout, and AWS's own error answers (`{"message": …}` with 401/403/404/413/500/504).
 */
import { randomFillSync } from 'node:crypto';
import type { CloudContext, LocalRequest, LocalResponse } from '../core/types.ts';
import { lambdaApi, LambdaApiError } from '../lambda/api.ts';
import { EXECUTE_API_PREFIX } from './api.ts';
import { isPreflight, preflightHeaders, responseCorsHeaders } from './cors.ts';
import { buildEvent } from './event.ts';
import { JwksCache, verifyJwt, type JwtClaims } from './jwt.ts';
import { mapLambdaResponse } from './response.ts';
import { selectRoute } from './routes.ts';
import type { HttpApi, HttpApiStore, Route } from './store.ts';

/** API Gateway's payload limit for HTTP APIs. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** Random bytes drawn in blocks: one crypto call per few hundred ids instead of one per request. */
const entropy = Buffer.alloc(4000);
let entropyOffset = entropy.length;

function randomText(bytes: number, encoding: 'base64' | 'hex'): string {
  if (entropyOffset + bytes > entropy.length) {
    randomFillSync(entropy);
    entropyOffset = 0;
  }
  entropyOffset += bytes;
  return entropy.toString(encoding, entropyOffset - bytes, entropyOffset);
}

/** The id format of `apigw-requestid` (e.g. `JKJaXmPLvHcESHA=`). */
const apiRequestId = () => randomText(10, 'base64');

function message(status: number, text: string, requestId: string, extra: Record<string, string> = {}): LocalResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'apigw-requestid': requestId, ...extra },
    body: JSON.stringify({ message: text }),
  };
}

export class HttpApiGateway {
  private jwks = new JwksCache();

  constructor(
    private readonly ctx: CloudContext,
    private readonly store: HttpApiStore,
  ) {}

  matches(req: LocalRequest): boolean {
    return req.path.startsWith(EXECUTE_API_PREFIX);
  }

  async handle(req: LocalRequest): Promise<LocalResponse> {
    const requestId = apiRequestId();
    const [apiId, ...segments] = req.path.slice(EXECUTE_API_PREFIX.length).split('/');
    const api = this.store.apis.get(apiId);
    if (!api) return message(404, 'Not Found', requestId);
    let stage = '$default';
    let stagePath = `/${segments.join('/')}`;
    if (segments.length > 0 && segments[0] !== '$default' && api.stages.has(segments[0])) {
      stage = segments[0];
      stagePath = `/${segments.slice(1).join('/')}`;
    } else if (!api.stages.has('$default')) {
      return message(404, 'Not Found', requestId);
    }
    if (req.body.length > MAX_REQUEST_BYTES) return message(413, 'Request Entity Too Large', requestId);
    if (api.cors && isPreflight(req.method, req.headers)) {
      return { status: 204, headers: { 'apigw-requestid': requestId, ...preflightHeaders(api.cors, req.headers) }, body: '' };
    }
    const cors = api.cors ? responseCorsHeaders(api.cors, req.headers) : {};
    const match = selectRoute([...api.routes.values()], req.method, stagePath);
    if (!match || match.route.integrationId === undefined) return message(404, 'Not Found', requestId, cors);
    const route = match.route;

    let jwt: { claims: JwtClaims; scopes: string[] } | undefined;
    if (route.authorizationType === 'JWT') {
      const verdict = await this.authorize(api, route, req);
      if (!verdict.ok) {
        const error = verdict.status === 403 ? 'insufficient_scope' : 'invalid_token';
        const challenge = `Bearer scope="${route.authorizationScopes.join(' ')}" error="${error}" error_description="${verdict.description}"`;
        return message(verdict.status, verdict.status === 403 ? 'Forbidden' : 'Unauthorized', requestId, { ...cors, 'www-authenticate': challenge });
      }
      jwt = { claims: verdict.claims, scopes: verdict.scopes };
    }

    const integration = api.integrations.get(route.integrationId!);
    if (!integration) return message(500, 'Internal Server Error', requestId, cors);
    const event = buildEvent({
      apiId: api.apiId,
      accountId: this.ctx.accountId,
      stage,
      routeKey: route.parsed.routeKey,
      method: req.method,
      rawPath: `/${segments.join('/')}`,
      query: req.query,
      headers: req.headers,
      body: req.body,
      pathParameters: match.pathParameters,
      sourceIp: (req.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      requestId,
      traceId: randomText(12, 'hex'),
      timeEpoch: this.ctx.clock.now(),
      jwt,
    });
    const outcome = await this.invoke(integration.functionName, event, integration.timeoutMs);
    if (outcome === 'timeout') return message(504, 'Endpoint request timed out', requestId, cors);
    if (outcome === 'error') return message(500, 'Internal Server Error', requestId, cors);
    const mapped = mapLambdaResponse(outcome);
    if (!mapped) return message(500, 'Internal Server Error', requestId, cors);
    const headers: Record<string, string | string[]> = { ...mapped.headers, ...cors, 'apigw-requestid': requestId };
    if (mapped.cookies.length > 0) headers['set-cookie'] = mapped.cookies;
    // node:http writes a list as repeated headers, which Set-Cookie needs; the shared type only names strings.
    return { status: mapped.status, headers: headers as Record<string, string>, body: mapped.body };
  }

  private async authorize(api: HttpApi, route: Route, req: LocalRequest) {
    const authorizer = route.authorizerId ? api.authorizers.get(route.authorizerId) : undefined;
    if (!authorizer) return { ok: false as const, status: 401 as const, description: 'the route authorizer no longer exists' };
    const headerName = authorizer.identitySource[0].slice('$request.header.'.length).toLowerCase();
    const value = req.headers[headerName];
    if (!value) return { ok: false as const, status: 401 as const, description: `the ${headerName} header is missing` };
    const token = value.replace(/^Bearer\s+/i, '').trim();
    return verifyJwt(token, authorizer, route.authorizationScopes, { endpoint: this.ctx.endpoint(), nowMs: this.ctx.clock.now(), jwks: this.jwks });
  }

  /** The function's JSON result, or why there is none (function error, throttling, missing function → 500). */
  private async invoke(functionName: string, event: unknown, timeoutMs: number): Promise<string | 'error' | 'timeout'> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const call = lambdaApi(this.ctx.registry)
      .invoke(functionName, event)
      .then((result) => (result.functionError ? ('error' as const) : result.payload))
      .catch((error: unknown) => {
        if (!(error instanceof LambdaApiError)) throw error;
        return 'error' as const;
      });
    try {
      return await Promise.race([call, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
