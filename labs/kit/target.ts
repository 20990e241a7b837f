/**
 * Which implementation a lab's acceptance tests exercise: `LAB_TARGET=solution` (default) or `exercise`.
 * A lab's `tests/target.ts` loads its module through `loadTarget`, so every test file imports one place.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { labDir } from './paths.ts';

export const targets = ['solution', 'exercise'] as const;
export type Target = (typeof targets)[number];

export function resolveTarget(value: string | undefined = process.env.LAB_TARGET): Target {
  if (value === undefined || value === '') return 'solution';
  if ((targets as readonly string[]).includes(value)) return value as Target;
  throw new Error(`LAB_TARGET must be one of ${targets.join(', ')}; got "${value}"`);
}

/** Imports `labs/<lab>/<target>/<module>`; the caller names the module's shape. */
export async function loadTarget<T>(lab: string, module: string, target: Target = resolveTarget()): Promise<T> {
  const file = join(labDir(lab), target, module);
  if (!existsSync(file)) throw new Error(`Lab "${lab}": ${target}/${module} does not exist (${file})`);
  return (await import(pathToFileURL(file).href)) as T;
}
