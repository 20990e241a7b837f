/**
 * Configuration from the environment.
 *
 * TODO 1: the backend must stay private. Locally nothing but the loopback address (127.0.0.1) may be bound by
 *         default; only an explicit BACKEND_HOST (the container sets 0.0.0.0) may open it wider. The same default
 *         applies to API_HOST.
 * TODO 2: refuse bad input with one sentence that names the variable: a port that is not a whole number from 0 to
 *         65535, a missing or non-http(s) BACKEND_URL, a BACKEND_TIMEOUT_MS that is not a whole number from 1 to
 *         60000. Defaults: BACKEND_PORT 8080, API_PORT 3000, BACKEND_TIMEOUT_MS 1000.
 */
import { DEFAULT_API_PORT, DEFAULT_BACKEND_PORT, DEFAULT_TIMEOUT_MS, type ApiConfig, type Env, type ListenConfig } from '../contract.ts';

export function readBackendConfig(env: Env): ListenConfig {
  // Works on my machine: every interface, so anyone on the network can reach the backend.
  return { host: env.BACKEND_HOST || '0.0.0.0', port: Number(env.BACKEND_PORT || DEFAULT_BACKEND_PORT) };
}

export function readApiConfig(env: Env): ApiConfig {
  return {
    host: env.API_HOST || '0.0.0.0',
    port: Number(env.API_PORT || DEFAULT_API_PORT),
    backendUrl: env.BACKEND_URL ?? '',
    timeoutMs: Number(env.BACKEND_TIMEOUT_MS || DEFAULT_TIMEOUT_MS),
  };
}
