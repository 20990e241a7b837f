/**
 * Loads the student's modules from `exercise/` or `solution/`. The template-literal imports let esbuild bundle
 * both folders into the container image; `LAB_SOURCE` then picks one at start-up.
 */
import type { ApiModule, ConfigModule } from '../contract.ts';

export const sources = ['solution', 'exercise'] as const;
export type Source = (typeof sources)[number];

export function sourceFrom(value: string | undefined): Source {
  if (value === undefined || value === '') return 'solution';
  if ((sources as readonly string[]).includes(value)) return value as Source;
  throw new Error(`LAB_SOURCE must be one of ${sources.join(', ')}; got "${value}"`);
}

export interface Implementation extends ConfigModule, ApiModule {}

export async function loadImplementation(source: Source): Promise<Implementation> {
  const config: ConfigModule = await import(`../${source}/config.ts`);
  const api: ApiModule = await import(`../${source}/api.ts`);
  return { readBackendConfig: config.readBackendConfig, readApiConfig: config.readApiConfig, createApi: api.createApi };
}
