/**
 * Which implementation a lab's acceptance tests exercise: `LAB_TARGET=solution` (default) or `exercise`.
 * A lab's `tests/target.ts` loads its module through `loadTarget`, so every test file imports one place.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const targets = ['solution', 'exercise'] as const;
export type Target = (typeof targets)[number];

/** The folder that holds every lab (`labs/`). */
export const labsRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function resolveTarget(value: string | undefined = process.env.LAB_TARGET): Target {
  if (value === undefined || value === '') return 'solution';
  if ((targets as readonly string[]).includes(value)) return value as Target;
  throw new Error(`LAB_TARGET must be one of ${targets.join(', ')}; got "${value}"`);
}

/** Imports `labs/<lab>/<target>/<module>`; the caller names the module's shape. */
export async function loadTarget<T>(lab: string, module: string, target: Target = resolveTarget()): Promise<T> {
  const file = join(labsRoot, lab, target, module);
  if (!existsSync(file)) throw new Error(`Lab "${lab}": ${target}/${module} does not exist (${file})`);
  return (await import(pathToFileURL(file).href)) as T;
}
