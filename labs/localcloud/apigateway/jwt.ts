/**
 * The JWT authorizer of HTTP APIs: RS256 signature against the issuer's JWKS (node:crypto), `iss`, `exp`/`nbf`,
 * audience (`aud`, or `client_id` for Cognito access tokens) and route scopes. A Cognito issuer
 * `https://cognito-idp.<region>.amazonaws.com/<poolId>` resolves to this local cloud's JWKS.
 */
import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { Authorizer } from './store.ts';

export type JwtClaims = Record<string, unknown>;

export type JwtVerdict =
  | { ok: true; claims: JwtClaims; scopes: string[] }
  | { ok: false; status: 401 | 403; description: string };

const cognitoIssuer = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/([A-Za-z0-9_-]+)$/;

/** Issuers a token may carry for this authorizer: the configured one and, for Cognito, its local twin. */
export function acceptedIssuers(authorizer: Authorizer, endpoint: string): string[] {
  const pool = cognitoIssuer.exec(authorizer.issuer)?.[1];
  return pool ? [authorizer.issuer, `${endpoint}/${pool}`] : [authorizer.issuer];
}

export function jwksUrl(authorizer: Authorizer, endpoint: string): string {
  if (authorizer.jwksUri) return authorizer.jwksUri;
  const pool = cognitoIssuer.exec(authorizer.issuer)?.[1];
  return pool ? `${endpoint}/${pool}/.well-known/jwks.json` : `${authorizer.issuer}/.well-known/jwks.json`;
}

const decodePart = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** Fetches JWKS documents; keys are kept for five minutes and refetched when a token names an unknown `kid`. */
export class JwksCache {
  private documents = new Map<string, { keys: Map<string, KeyObject>; fetched: number }>();

  async key(url: string, kid: string, now: number): Promise<KeyObject | undefined> {
    let doc = this.documents.get(url);
    if (!doc || now - doc.fetched > 5 * 60_000 || !doc.keys.has(kid)) {
      doc = await this.fetch(url, now);
    }
    return doc.keys.get(kid);
  }

  private async fetch(url: string, now: number) {
    const response = await fetch(url, { signal: AbortSignal.timeout(1500) });
    if (!response.ok) throw new Error(`JWKS ${url} answered ${response.status}`);
    const body = (await response.json()) as { keys?: Array<JsonWebKey & { kid?: string }> };
    const keys = new Map<string, KeyObject>();
    for (const jwk of body.keys ?? []) if (jwk.kid && jwk.kty === 'RSA') keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
    const doc = { keys, fetched: now };
    this.documents.set(url, doc);
    return doc;
  }
}

function tokenScopes(claims: JwtClaims): string[] {
  if (typeof claims.scope === 'string') return claims.scope.split(' ').filter(Boolean);
  if (Array.isArray(claims.scp)) return claims.scp.map(String);
  if (typeof claims.scp === 'string') return claims.scp.split(' ').filter(Boolean);
  return [];
}

export async function verifyJwt(
  token: string,
  authorizer: Authorizer,
  routeScopes: string[],
  options: { endpoint: string; nowMs: number; jwks: JwksCache },
): Promise<JwtVerdict> {
  const fail = (description: string): JwtVerdict => ({ ok: false, status: 401, description });
  const parts = token.split('.');
  if (parts.length !== 3) return fail('the token is not a JWT');
  let header: Record<string, unknown>;
  let claims: JwtClaims;
  try {
    header = decodePart(parts[0]);
    claims = decodePart(parts[1]);
  } catch {
    return fail('the token could not be decoded');
  }
  if (header.alg !== 'RS256' || typeof header.kid !== 'string') return fail('the token must be signed with RS256 and name its kid');
  let key: KeyObject | undefined;
  try {
    key = await options.jwks.key(jwksUrl(authorizer, options.endpoint), header.kid, options.nowMs);
  } catch {
    return fail('the issuer keys could not be fetched');
  }
  if (!key) return fail('no issuer key matches the token kid');
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  if (!verify('RSA-SHA256', signed, key, Buffer.from(parts[2], 'base64url'))) return fail('the token signature is invalid');
  const now = options.nowMs / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= now) return fail('the token has expired');
  if (typeof claims.nbf === 'number' && claims.nbf > now) return fail('the token is not valid yet');
  if (!acceptedIssuers(authorizer, options.endpoint).includes(String(claims.iss))) return fail('the token issuer is not accepted');
  const audiences = Array.isArray(claims.aud) ? claims.aud.map(String) : claims.aud !== undefined ? [String(claims.aud)] : [];
  if (claims.client_id !== undefined && audiences.length === 0) audiences.push(String(claims.client_id));
  if (!audiences.some((a) => authorizer.audience.includes(a))) return fail('the token audience is not accepted');
  const scopes = tokenScopes(claims);
  if (routeScopes.length > 0 && !routeScopes.some((s) => scopes.includes(s))) {
    return { ok: false, status: 403, description: 'the token does not carry a required scope' };
  }
  return { ok: true, claims, scopes };
}
