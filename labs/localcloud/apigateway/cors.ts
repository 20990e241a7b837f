/**
 * CORS as an HTTP API applies its CorsConfiguration: it answers preflight requests itself (no route needed) and
 * puts the CORS headers on every response to an allowed origin, replacing any the integration returned.
 */
import type { CorsConfiguration } from './api.ts';

const lower = (values: string[] | undefined) => (values ?? []).map((v) => v.toLowerCase());

function allowedOrigin(cors: CorsConfiguration, origin: string): string | undefined {
  const origins = cors.allowOrigins ?? [];
  if (origins.includes('*')) return '*';
  return origins.some((o) => o.toLowerCase() === origin.toLowerCase()) ? origin : undefined;
}

export const isPreflight = (method: string, headers: Record<string, string>): boolean =>
  method === 'OPTIONS' && headers.origin !== undefined && headers['access-control-request-method'] !== undefined;

/** Headers of the preflight answer (204); empty when the origin or method is not allowed. */
export function preflightHeaders(cors: CorsConfiguration, headers: Record<string, string>): Record<string, string> {
  const origin = allowedOrigin(cors, headers.origin);
  const method = headers['access-control-request-method'].toUpperCase();
  const methods = (cors.allowMethods ?? []).map((m) => m.toUpperCase());
  if (!origin || !(methods.includes('*') || methods.includes(method))) return {};
  const out: Record<string, string> = {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': methods.join(','),
  };
  const requested = headers['access-control-request-headers'];
  const allowHeaders = lower(cors.allowHeaders);
  if (allowHeaders.includes('*') && requested) out['access-control-allow-headers'] = requested;
  else if (allowHeaders.length > 0) out['access-control-allow-headers'] = allowHeaders.join(',');
  if (cors.maxAge !== undefined) out['access-control-max-age'] = String(cors.maxAge);
  if (cors.allowCredentials) out['access-control-allow-credentials'] = 'true';
  return out;
}

/** CORS headers for an actual (non-preflight) response; empty without an allowed Origin. */
export function responseCorsHeaders(cors: CorsConfiguration, headers: Record<string, string>): Record<string, string> {
  if (headers.origin === undefined) return {};
  const origin = allowedOrigin(cors, headers.origin);
  if (!origin) return {};
  const out: Record<string, string> = { 'access-control-allow-origin': origin };
  if (cors.exposeHeaders?.length) out['access-control-expose-headers'] = lower(cors.exposeHeaders).join(',');
  if (cors.allowCredentials) out['access-control-allow-credentials'] = 'true';
  return out;
}
