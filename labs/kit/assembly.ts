/**
 * A lab's synthesized cloud assembly (`cdk synth`), cached by the content of everything it is built from: synth with
 * bundling takes 10–40 s, and tests, `npm run check` and `npm run lab` would otherwise repeat it for unchanged code.
 * One synth at a time per cache entry (a lock folder), so parallel test files wait for one another instead of all
 * synthesizing at once.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stackNameFor } from '../../infra/lib/labs.ts';
import { synthesize } from '../localcloud/deployer/synth.ts';
import { infraDir } from './cdk.ts';
import { labDir, repoRoot } from './paths.ts';
import type { Target } from './target.ts';

export const assemblyCacheDir = join(repoRoot, '.cache', 'lab-assemblies');

/** Lab files that do not go into the stack: tests, docs and the kit's own records. */
const NOT_BUILT = /^(tests|\.results|\.outputs|\.progress\.json|README[^/]*\.md)($|\/)/;

function filesIn(dir: string, skip?: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((name) => !name.split('/').includes('node_modules') && !name.split('/').includes('cdk.out') && !skip?.test(name))
    .sort();
}

/** Hash of the lab's code, the CDK app and the context: equal hashes give equal assemblies. */
export function assemblyKey(lab: string, context: Record<string, string>, dir = labDir(lab)): string {
  const hash = createHash('sha256');
  const add = (root: string, names: string[]) => {
    for (const name of names) hash.update(`${relative(repoRoot, join(root, name))}\0`).update(readFileSync(join(root, name))).update('\0');
  };
  add(dir, filesIn(dir, NOT_BUILT));
  add(infraDir, filesIn(infraDir).filter((name) => /^(lib|bin)\//.test(name) || name === 'cdk.json'));
  add(repoRoot, ['package-lock.json'].filter((name) => existsSync(join(repoRoot, name)))); // CDK and esbuild versions
  const sorted = Object.keys(context).sort().map((key) => [key, context[key]]);
  hash.update(JSON.stringify(sorted));
  return hash.digest('hex').slice(0, 16);
}

const LOCK_STALE_MS = 5 * 60_000;

async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed process must not block forever.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Drop older assemblies of the same lab and source once a day old (a running local cloud may still use a recent one). */
function pruneOld(prefix: string, keep: string): void {
  for (const name of readdirSync(assemblyCacheDir)) {
    const full = join(assemblyCacheDir, name);
    if (name.startsWith(prefix) && full !== keep && !name.endsWith('.lock') && Date.now() - statSync(full).mtimeMs > 86_400_000) {
      rmSync(full, { recursive: true, force: true });
    }
  }
}

/** The assembly directory of `lab` built from its `source` folder with `context`; synthesizes when not cached. */
export async function labAssembly(lab: string, source: Target, context: Record<string, string> = {}, log: (line: string) => void = () => {}): Promise<string> {
  const fullContext = { ...context, labSource: source };
  const prefix = `${lab}-${source}-`;
  const final = join(assemblyCacheDir, `${prefix}${assemblyKey(lab, fullContext)}`);
  if (existsSync(join(final, 'manifest.json'))) return final;
  mkdirSync(assemblyCacheDir, { recursive: true });
  return withLock(`${final}.lock`, async () => {
    if (existsSync(join(final, 'manifest.json'))) return final; // built while we waited
    log(`Synthesizing the ${lab} stack from ${source}/ (cdk synth; cached until the code changes) …`);
    const building = `${final}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    try {
      await synthesize({ appDir: infraDir, outDir: building, context: fullContext, stackName: stackNameFor(lab) });
      if (!existsSync(final)) renameSync(building, final);
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
    pruneOld(prefix, final);
    return final;
  });
}
