/** The layout every lab follows (course contract): instructions in two languages, exercise, solution, tests. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { labDir } from './paths.ts';

export const labLayout = [
  { path: 'README.md', kind: 'file' },
  { path: 'README.de.md', kind: 'file' },
  { path: 'exercise', kind: 'folder' },
  { path: 'solution', kind: 'folder' },
  { path: 'tests', kind: 'folder' },
] as const;

/** Problems with a lab's layout, each naming the lab and what is missing; empty when complete. */
export function checkLabLayout(lab: string, dir = labDir(lab)): string[] {
  if (!existsSync(dir)) return [`Lab "${lab}" is listed in course.config.ts, but its folder labs/${lab}/ does not exist`];
  return labLayout.flatMap(({ path, kind }) => {
    const full = join(dir, path);
    const exists = existsSync(full) && (kind === 'folder' ? statSync(full).isDirectory() : statSync(full).isFile());
    return exists ? [] : [`Lab "${lab}" is missing the ${kind} labs/${lab}/${path}${kind === 'folder' ? '/' : ''}`];
  });
}
