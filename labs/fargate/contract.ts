/**
 * What the lab's two student modules export. Tests, `run.ts` and the container entry points load them through
 * `loadImplementation` in `services/implementation.ts`, so the same code runs locally and on Fargate.
 */
import type { RequestListener } from 'node:http';

/** Where a service listens. */
export interface ListenConfig {
  host: string;
  port: number;
}

export interface ApiConfig extends ListenConfig {
  /** Base URL of the backend, e.g. `http://127.0.0.1:8080` locally or `http://backend:8080` on AWS. */
  backendUrl: string;
  /** How long the API waits for the backend before it answers 504 (ms). */
  timeoutMs: number;
}

/** Environment variables as `process.env` has them. */
export type Env = Record<string, string | undefined>;

export interface ConfigModule {
  /** `BACKEND_HOST` (default loopback), `BACKEND_PORT` (default 8080). */
  readBackendConfig(env: Env): ListenConfig;
  /** `API_HOST` (default loopback), `API_PORT` (default 3000), `BACKEND_URL` (required), `BACKEND_TIMEOUT_MS` (default 1000). */
  readApiConfig(env: Env): ApiConfig;
}

export interface ApiModule {
  /** The public API's request handler: `/health`, `/health/backend`, `/api/quote`. */
  createApi(config: ApiConfig): RequestListener;
}

export const DEFAULT_BACKEND_PORT = 8080;
export const DEFAULT_API_PORT = 3000;
export const DEFAULT_TIMEOUT_MS = 1000;
