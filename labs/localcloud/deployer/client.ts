/** The CLI's side of the deployer endpoint: plain HTTP to the running local cloud. */
import { STACKS_PATH } from './protocol.ts';
import type { StackResult } from './engine.ts';

export const DEFAULT_ENDPOINT = 'http://127.0.0.1:4566';

async function request<T>(endpoint: string, method: string, pathname: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(pathname, endpoint), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error(`No local cloud answers at ${endpoint} — start it with \`npm run cloud\` (or set AWS_ENDPOINT_URL).`);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${endpoint} answered ${response.status} without JSON — is it the local cloud?`);
  }
  if (!response.ok) throw new Error((parsed as { error?: string }).error ?? `HTTP ${response.status}`);
  return parsed as T;
}

export function deployAssembly(endpoint: string, body: { assembly: string; stacks?: string[]; parameters?: Record<string, string> }): Promise<{ stacks: StackResult[] }> {
  return request(endpoint, 'POST', STACKS_PATH, body);
}

export function destroyStack(endpoint: string, stackName: string): Promise<{ stackName: string; existed: boolean; deleted: string[] }> {
  return request(endpoint, 'DELETE', `${STACKS_PATH}/${encodeURIComponent(stackName)}`);
}
