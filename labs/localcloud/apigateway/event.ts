/** The payload format 2.0 event an HTTP API hands a Lambda proxy integration. */
import type { JwtClaims } from './jwt.ts';

export interface EventInput {
  apiId: string;
  accountId: string;
  stage: string;
  routeKey: string;
  method: string;
  /** Path as the client sent it after the API id (includes a named stage, as on AWS). */
  rawPath: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
  pathParameters: Record<string, string>;
  sourceIp: string;
  requestId: string;
  /** 24 hex digits, the random part of the X-Ray trace id. */
  traceId: string;
  timeEpoch: number;
  jwt?: { claims: JwtClaims; scopes: string[] };
}

const textType = /^(text\/|application\/(json|xml|javascript|ld\+json|graphql)|[^;]*\+(json|xml))/i;

/** HTTP APIs pass text bodies as they are and everything else base64-encoded. */
export function isTextBody(contentType: string | undefined, body: Buffer): boolean {
  if (contentType === undefined || contentType === '') return body.length === 0 || Buffer.from(body.toString('utf8')).equals(body);
  return textType.test(contentType.trim());
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `12/Mar/2020:19:03:58 +0000`, the format of requestContext.time. */
export function requestTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Claims as the authorizer hands them on: every value a string (arrays as `[a b]`), like AWS does. */
function flattenClaims(claims: JwtClaims): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(claims)) {
    out[key] = typeof value === 'string' ? value : Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

export function buildEvent(input: EventInput): Record<string, unknown> {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(input.headers)) {
    if (name === 'cookie') cookies = value.split(/;\s*/).filter(Boolean);
    else headers[name] = value;
  }
  // Headers API Gateway adds on its way to the integration.
  const port = /:(\d+)$/.exec(headers.host ?? '')?.[1] ?? '80';
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${input.sourceIp}` : input.sourceIp;
  headers['x-forwarded-port'] = port;
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] = `Root=1-${Math.floor(input.timeEpoch / 1000).toString(16).padStart(8, '0')}-${input.traceId}`;
  const queryStringParameters: Record<string, string> = {};
  for (const key of new Set(input.query.keys())) queryStringParameters[key] = input.query.getAll(key).join(',');
  const domainName = headers.host ?? 'localhost';
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: input.rawPath,
    rawQueryString: input.query.toString(),
  };
  if (cookies) event.cookies = cookies;
  event.headers = headers;
  if (Object.keys(queryStringParameters).length > 0) event.queryStringParameters = queryStringParameters;
  const requestContext: Record<string, unknown> = {
    accountId: input.accountId,
    apiId: input.apiId,
    domainName,
    domainPrefix: domainName.split('.')[0],
    http: {
      method: input.method,
      path: input.rawPath,
      protocol: 'HTTP/1.1',
      sourceIp: input.sourceIp,
      userAgent: headers['user-agent'] ?? '',
    },
    requestId: input.requestId,
    routeKey: input.routeKey,
    stage: input.stage,
    time: requestTime(input.timeEpoch),
    timeEpoch: input.timeEpoch,
  };
  if (input.jwt) {
    requestContext.authorizer = { jwt: { claims: flattenClaims(input.jwt.claims), scopes: input.jwt.scopes.length > 0 ? input.jwt.scopes : null } };
  }
  event.requestContext = requestContext;
  if (Object.keys(input.pathParameters).length > 0) event.pathParameters = input.pathParameters;
  if (input.body.length > 0) {
    const text = isTextBody(headers['content-type'], input.body);
    event.body = text ? input.body.toString('utf8') : input.body.toString('base64');
    event.isBase64Encoded = !text;
  } else {
    event.isBase64Encoded = false;
  }
  return event;
}
