/** Content hashes of source trees, used as cache keys for the deck and workbook builds. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Folders and files that are outputs or local state, never sources. */
const IGNORED = new Set(['node_modules', 'dist', 'cache', '.temp', 'cdk.out', '.slidev', '.cache', 'results.json', '.localcloud']);

function listFiles(root: string, relative: string, out: string[]): void {
  const full = path.join(root, relative);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    out.push(relative);
    return;
  }
  for (const name of readdirSync(full).sort()) {
    if (IGNORED.has(name)) continue;
    listFiles(root, path.posix.join(relative, name), out);
  }
}

/** Hash of the named files and folders (relative to root) plus extra strings; missing paths count as absent. */
export function hashSources(root: string, paths: string[], extra: string[] = []): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const p of [...paths].sort()) listFiles(root, p, files);
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  for (const value of extra) hash.update(`extra:${value}\0`);
  return hash.digest('hex').slice(0, 16);
}
