import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { apiGatewayApi, ApiGatewayApiError, type ApiGatewayInternalApi } from './api.ts';
import { startComputeFixture, testCredentials, type ComputeFixture } from '../lambda/testing.ts';

const httpFixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'http');

let f: ComputeFixture;
let gw: ApiGatewayInternalApi;
let apiId: string;
let baseUrl: string;
let echoIntegration: string;

type Event = Record<string, unknown> & { requestContext: Record<string, unknown> & { http: Record<string, string> } };

beforeAll(async () => {
  f = await startComputeFixture();
  gw = apiGatewayApi(f.cloud.context.registry);
  await f.createFunction('web', httpFixture);
  await f.createFunction('web-hang', 'hang', { timeout: 1 });
  const api = gw.createHttpApi({
    name: 'orders',
    corsConfiguration: { allowOrigins: ['https://shop.example'], allowMethods: ['GET', 'POST'], allowHeaders: ['content-type', 'authorization'], exposeHeaders: ['x-handled-by'], maxAge: 600 },
  });
  apiId = api.apiId;
  const fnArn = f.lambda.getFunction('web')!.functionArn;
  const { integrationId } = gw.createIntegration(apiId, { integrationType: 'AWS_PROXY', integrationUri: `arn:aws:apigateway:eu-central-1:lambda:path/2015-03-31/functions/${fnArn}/invocations`, payloadFormatVersion: '2.0' });
  const quick = gw.createIntegration(apiId, { integrationType: 'AWS_PROXY', integrationUri: 'web', timeoutInMillis: 200 }).integrationId;
  const hang = gw.createIntegration(apiId, { integrationType: 'AWS_PROXY', integrationUri: 'web-hang' }).integrationId;
  echoIntegration = integrationId;
  for (const routeKey of ['GET /orders/{id}', 'GET /orders/special', 'ANY /files/{proxy+}', 'POST /upload', 'GET /r/{mode}']) {
    gw.createRoute(apiId, { routeKey, target: `integrations/${integrationId}` });
  }
  gw.createRoute(apiId, { routeKey: 'GET /quick/{mode}', target: `integrations/${quick}` });
  gw.createRoute(apiId, { routeKey: 'GET /hang', target: `integrations/${hang}` });
  baseUrl = gw.createStage(apiId, { stageName: '$default' }).invokeUrl;
  gw.createStage(apiId, { stageName: 'prod' });
});
afterAll(() => f.stop());

const get = (route: string, init?: RequestInit) => fetch(new URL(route, baseUrl), init);

describe('HTTP API routing and the payload format 2.0 event', () => {
  it('serves the API at its stable URL on the cloud port', () => {
    expect(baseUrl).toBe(`${f.cloud.endpoint}/_aws/execute-api/${apiId}/`);
    expect(gw.invokeUrl(apiId, 'prod')).toBe(`${baseUrl}prod/`);
  });

  it('hands the function the exact 2.0 event', async () => {
    const response = await get('orders/42?x=1&x=2&y=3', { headers: { 'X-Custom': 'Yes', cookie: 'c1=v1; c2=v2', 'user-agent': 'lab-test' } });
    expect(response.status).toBe(201);
    const event = (await response.json()) as Event;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /orders/{id}',
      rawPath: '/orders/42',
      rawQueryString: 'x=1&x=2&y=3',
      cookies: ['c1=v1', 'c2=v2'],
      queryStringParameters: { x: '1,2', y: '3' },
      pathParameters: { id: '42' },
      isBase64Encoded: false,
    });
    expect(event.headers).toMatchObject({ 'x-custom': 'Yes', 'user-agent': 'lab-test', 'x-forwarded-for': '127.0.0.1', 'x-forwarded-proto': 'http' });
    expect((event.headers as Record<string, string>)['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event).not.toHaveProperty('body');
    const ctx = event.requestContext;
    expect(ctx).toMatchObject({ accountId: '000000000000', apiId, routeKey: 'GET /orders/{id}', stage: '$default', timeEpoch: f.clock.now() });
    expect(ctx.http).toEqual({ method: 'GET', path: '/orders/42', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'lab-test' });
    expect(ctx.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(ctx.requestId).toBe(response.headers.get('apigw-requestid'));
  });

  it('passes text bodies as text and binary bodies base64-encoded', async () => {
    const json = (await (await get('upload', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' })).json()) as Event;
    expect(json).toMatchObject({ body: '{"a":1}', isBase64Encoded: false });
    const bytes = Buffer.from([0, 159, 146, 150]);
    const binary = (await (await get('upload', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes })).json()) as Event;
    expect(binary).toMatchObject({ body: bytes.toString('base64'), isBase64Encoded: true });
  });

  it('prefers literal routes, then parameters, then greedy paths, then $default', async () => {
    expect(((await (await get('orders/special')).json()) as Event).routeKey).toBe('GET /orders/special');
    const proxy = (await (await get('files/a/b/c.txt', { method: 'DELETE' })).json()) as Event;
    expect(proxy).toMatchObject({ routeKey: 'ANY /files/{proxy+}', pathParameters: { proxy: 'a/b/c.txt' } });
    expect(await (await get('orders/42', { method: 'POST' })).json()).toEqual({ message: 'Not Found' });
    const fallback = gw.createRoute(apiId, { routeKey: '$default', target: `integrations/${echoIntegration}` });
    const caught = (await (await get('orders/42', { method: 'POST' })).json()) as Event;
    expect(caught.routeKey).toBe('$default');
    gw.deleteRoute(apiId, fallback.routeId);
    const missing = await get('nothing/here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Not Found' });
  });

  it('decodes path parameters and passes a malformed escape on as written instead of failing', async () => {
    const spaced = (await (await get('orders/a%20b')).json()) as Event;
    expect(spaced.pathParameters).toEqual({ id: 'a b' });
    const malformed = await get('orders/%zz');
    expect(malformed.status).toBe(201); // the echo fixture's status: the function was reached
    expect(((await malformed.json()) as Event).pathParameters).toEqual({ id: '%zz' });
  });

  it('keeps a named stage in rawPath and requestContext.stage', async () => {
    const event = (await (await fetch(`${gw.invokeUrl(apiId, 'prod')}orders/7`)).json()) as Event;
    expect(event).toMatchObject({ rawPath: '/prod/orders/7', pathParameters: { id: '7' } });
    expect(event.requestContext.stage).toBe('prod');
  });

  it('maps status, headers, cookies and base64 bodies, and turns other results into 200 JSON', async () => {
    const echo = await get('orders/1');
    expect(echo.headers.get('x-handled-by')).toBe('echo');
    expect(echo.headers.getSetCookie()).toEqual(['session=abc; Path=/; HttpOnly', 'theme=dark']);
    const plain = await get('r/plain');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('application/json');
    expect(await plain.text()).toBe('"hello"');
    expect(await (await get('r/object')).json()).toEqual({ ok: true, items: [1, 2] });
    const binary = await get('r/binary');
    expect(Buffer.from(await binary.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
  });
});

describe('HTTP API error answers', () => {
  const expectMessage = async (response: Response, status: number, message: string) => {
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ message });
  };

  it('answers 500 when the function throws, times out or returns a malformed response', async () => {
    await expectMessage(await get('r/throw'), 500, 'Internal Server Error');
    await expectMessage(await get('hang'), 500, 'Internal Server Error');
    await expectMessage(await get('r/bad'), 500, 'Internal Server Error');
  });

  it('answers 504 when the integration timeout passes first', async () => {
    await expectMessage(await get('quick/slow?ms=1500'), 504, 'Endpoint request timed out');
  });

  it('answers 404 for an unknown API and 413 for a body over 10 MB', async () => {
    await expectMessage(await fetch(`${f.cloud.endpoint}/_aws/execute-api/nosuchapi/orders/1`), 404, 'Not Found');
    await expectMessage(await get('upload', { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024 + 1, 97) }), 413, 'Request Entity Too Large');
    expect((await get('orders/1')).status).toBe(201);
  });

  it('refuses bad definitions with a clear error', () => {
    expect(() => gw.createRoute(apiId, { routeKey: 'FETCH /x' })).toThrow(/Invalid route key/);
    expect(() => gw.createRoute(apiId, { routeKey: 'GET /{proxy+}/x' })).toThrow(/must be the last segment/);
    expect(() => gw.createIntegration(apiId, { integrationType: 'AWS_PROXY', integrationUri: 'web', payloadFormatVersion: '1.0' })).toThrow(/2\.0/);
    expect(() => gw.createRoute('nope', { routeKey: 'GET /x' })).toThrow(ApiGatewayApiError);
  });
});

describe('HTTP API CORS', () => {
  it('answers preflight requests from the CorsConfiguration', async () => {
    const response = await get('orders/1', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,authorization');
    expect(response.headers.get('access-control-max-age')).toBe('600');
  });

  it('adds CORS headers for allowed origins only', async () => {
    const allowed = await get('orders/1', { headers: { origin: 'https://shop.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(allowed.headers.get('access-control-expose-headers')).toBe('x-handled-by');
    const other = await get('orders/1', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('HTTP API JWT authorizer with the local Cognito', () => {
  let idp: CognitoIdentityProviderClient;
  let tokens: { IdToken?: string; AccessToken?: string };
  let securedApi: string;
  let clientId: string;

  beforeAll(async () => {
    idp = new CognitoIdentityProviderClient({ endpoint: f.cloud.endpoint, region: 'eu-central-1', credentials: testCredentials });
    const poolId = (await idp.send(new CreateUserPoolCommand({ PoolName: 'shop' }))).UserPool!.Id!;
    clientId = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))).UserPoolClient!.ClientId!;
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ada', TemporaryPassword: 'Temp0rary!' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'ada', Password: 'Passw0rd!', Permanent: true }));
    tokens = (await idp.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'ada', PASSWORD: 'Passw0rd!' } }))).AuthenticationResult!;

    securedApi = gw.createHttpApi({ name: 'secured' }).apiId;
    const { integrationId } = gw.createIntegration(securedApi, { integrationType: 'AWS_PROXY', integrationUri: 'web' });
    const issuer = `https://cognito-idp.eu-central-1.amazonaws.com/${poolId}`;
    const { authorizerId } = gw.createAuthorizer(securedApi, { name: 'cognito', authorizerType: 'JWT', jwtConfiguration: { issuer, audience: [clientId] } });
    const other = gw.createAuthorizer(securedApi, { name: 'other-client', authorizerType: 'JWT', jwtConfiguration: { issuer, audience: ['another-client'] } });
    gw.createRoute(securedApi, { routeKey: 'GET /me', target: integrationId, authorizationType: 'JWT', authorizerId });
    gw.createRoute(securedApi, { routeKey: 'GET /admin', target: integrationId, authorizationType: 'JWT', authorizerId, authorizationScopes: ['orders/admin'] });
    gw.createRoute(securedApi, { routeKey: 'GET /other', target: integrationId, authorizationType: 'JWT', authorizerId: other.authorizerId });
    gw.createStage(securedApi, { stageName: '$default' });
  });
  afterAll(() => idp.destroy());

  const call = (route: string, token?: string) =>
    fetch(`${gw.invokeUrl(securedApi)}${route}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('refuses requests without a valid token with 401 Unauthorized', async () => {
    for (const response of [await call('me'), await call('me', 'not.a.jwt'), await call('other', tokens.IdToken)]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
    }
    const [h, p] = tokens.IdToken!.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: 'mallory' })).toString('base64url')}.${tokens.IdToken!.split('.')[2]}`;
    expect((await call('me', forged)).status).toBe(401);
  });

  it('passes verified claims and scopes into requestContext.authorizer.jwt', async () => {
    const response = await call('me', tokens.IdToken);
    expect(response.status).toBe(201);
    const event = (await response.json()) as Event;
    const jwt = (event.requestContext.authorizer as { jwt: { claims: Record<string, string>; scopes: string[] | null } }).jwt;
    expect(jwt.claims).toMatchObject({ aud: clientId, token_use: 'id', 'cognito:username': expect.any(String) });
    expect(typeof jwt.claims.exp).toBe('string');
    const access = (await (await call('me', tokens.AccessToken)).json()) as Event;
    expect((access.requestContext.authorizer as { jwt: { scopes: string[] } }).jwt.scopes).toEqual(['aws.cognito.signin.user.admin']);
  });

  it('answers 403 when the token lacks the route scope and 401 once it has expired', async () => {
    const forbidden = await call('admin', tokens.AccessToken);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ message: 'Forbidden' });
    f.clock.advance(2 * 3600_000);
    expect((await call('me', tokens.IdToken)).status).toBe(401);
  });
});
