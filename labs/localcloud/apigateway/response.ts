/**
 * Maps a Lambda result to the HTTP response of a payload 2.0 integration: an object with `statusCode` is taken
 * apart (headers, cookies, body, isBase64Encoded); any other JSON value becomes a 200 `application/json` response
 * whose body is that JSON. Anything malformed is AWS's 500.
 */
export interface MappedResponse {
  status: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

export function mapLambdaResponse(payload: string): MappedResponse | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('statusCode' in value)) {
    return { status: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(payload) };
  }
  const result = value as { statusCode: unknown; headers?: unknown; cookies?: unknown; body?: unknown; isBase64Encoded?: unknown };
  const status = Number(result.statusCode);
  if (!Number.isInteger(status) || status < 100 || status > 599) return undefined;
  const headers: Record<string, string> = {};
  if (result.headers !== undefined && result.headers !== null) {
    if (typeof result.headers !== 'object') return undefined;
    for (const [name, v] of Object.entries(result.headers as Record<string, unknown>)) {
      if (v === null || typeof v === 'object') return undefined;
      headers[name.toLowerCase()] = String(v);
    }
  }
  const cookies = Array.isArray(result.cookies) ? result.cookies.map(String) : [];
  let body = Buffer.alloc(0);
  if (result.body !== undefined && result.body !== null) {
    const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
    body = result.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
  }
  return { status, headers, cookies, body };
}
