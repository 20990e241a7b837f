/**
 * Checks the proxy's options once, at start-up, so that a typo in a route fails with a message that names it
 * instead of surfacing later as a 502. Exercise and solution share it.
 */
import type { ProxyOptions } from './contract.ts';

export interface CheckedOptions {
  routes: Map<string, URL>;
  timeoutMs: number;
  port: number;
  host: string;
}

export const DEFAULT_TIMEOUT_MS = 5000;

export class ProxyOptionsError extends Error {
  constructor(message: string) {
    super(`startProxy: ${message}`);
    this.name = 'ProxyOptionsError';
  }
}

/** `Shop.Localhost:8080` → `shop.localhost`: the Host header's name part, the way routes are keyed. */
export function hostName(hostHeader: string): string {
  const trimmed = hostHeader.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(0, trimmed.indexOf(']') + 1); // IPv6 literal
  const colon = trimmed.indexOf(':');
  return colon < 0 ? trimmed : trimmed.slice(0, colon);
}

export function checkOptions(options: ProxyOptions | undefined): CheckedOptions {
  if (!options || typeof options !== 'object') throw new ProxyOptionsError('expected an options object { routes, timeoutMs? }');
  const { routes, timeoutMs = DEFAULT_TIMEOUT_MS, port = 0, host = '127.0.0.1' } = options;
  if (!routes || typeof routes !== 'object' || Object.keys(routes).length === 0) {
    throw new ProxyOptionsError("routes must name at least one virtual host, e.g. { 'shop.localhost': 'http://127.0.0.1:4001' }");
  }
  const checked = new Map<string, URL>();
  for (const [name, target] of Object.entries(routes)) {
    if (name !== hostName(name) || name === '') throw new ProxyOptionsError(`route "${name}" must be a lower-case host name without a port`);
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new ProxyOptionsError(`route "${name}" points to "${target}", which is not a URL`);
    }
    if (url.protocol !== 'http:') throw new ProxyOptionsError(`route "${name}" points to "${target}"; only http:// backends are supported`);
    checked.set(name, url);
  }
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new ProxyOptionsError(`timeoutMs must be a positive number of milliseconds; got ${String(timeoutMs)}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ProxyOptionsError(`port must be an integer 0–65535; got ${String(port)}`);
  return { routes: checked, timeoutMs, port, host };
}
