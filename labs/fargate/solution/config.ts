/**
 * Configuration from the environment. Both services default to the loopback address: locally, that is what keeps
 * the backend private. In a container the task definition sets `BACKEND_HOST=0.0.0.0` explicitly, because there the
 * security group decides who may connect.
 */
import { DEFAULT_API_PORT, DEFAULT_BACKEND_PORT, DEFAULT_TIMEOUT_MS, type ApiConfig, type Env, type ListenConfig } from '../contract.ts';

const LOOPBACK = '127.0.0.1';
const MAX_TIMEOUT_MS = 60_000;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65_535) throw new Error(`${name} must be a port number from 0 to 65535, got "${raw}"`);
  return value;
}

function host(env: Env, name: string): string {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? LOOPBACK : raw;
}

function backendUrl(env: Env): string {
  const raw = env.BACKEND_URL?.trim();
  if (raw === undefined || raw === '') throw new Error('BACKEND_URL is not set: the API needs the backend’s address, e.g. http://127.0.0.1:8080');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`BACKEND_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`BACKEND_URL must start with http:// or https://, got "${raw}"`);
  return url.origin;
}

function timeoutMs(env: Env): number {
  const raw = env.BACKEND_TIMEOUT_MS?.trim();
  if (raw === undefined || raw === '') return DEFAULT_TIMEOUT_MS;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > MAX_TIMEOUT_MS) {
    throw new Error(`BACKEND_TIMEOUT_MS must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got "${raw}"`);
  }
  return value;
}

export function readBackendConfig(env: Env): ListenConfig {
  return { host: host(env, 'BACKEND_HOST'), port: port(env, 'BACKEND_PORT', DEFAULT_BACKEND_PORT) };
}

export function readApiConfig(env: Env): ApiConfig {
  return {
    host: host(env, 'API_HOST'),
    port: port(env, 'API_PORT', DEFAULT_API_PORT),
    backendUrl: backendUrl(env),
    timeoutMs: timeoutMs(env),
  };
}
