/**
 * The reference diff exercise → solution for `npm run solution`. `git diff --no-index` when git is installed;
 * otherwise a small unified diff of our own: longest common subsequence of lines, hunks with 3 lines of context.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

type Op = { kind: ' ' | '-' | '+'; line: string };

const splitLines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** Line operations turning `a` into `b`, from the longest common subsequence (O(n·m), fine for lab files). */
function lineOps(a: string[], b: string[]): Op[] {
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: ' ', line: a[i++] }), j++;
    // Deletions before insertions, as diff and git print them.
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', line: a[i++] });
    else ops.push({ kind: '+', line: b[j++] });
  }
  return ops;
}

const range = (start: number, count: number) => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`);

/** A unified diff of two texts ('' when equal); `from`/`to` name them in the header. */
export function unifiedDiff(before: string, after: string, from: string, to: string, context = 3): string {
  const ops = lineOps(splitLines(before), splitLines(after));
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';
  // Group changes whose context would touch into one hunk.
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const last = hunks.at(-1);
    if (last && index - last[1] <= 2 * context) last[1] = index;
    else hunks.push([index, index]);
  }
  const out = [`--- ${from}`, `+++ ${to}`];
  for (const [first, lastChange] of hunks) {
    const start = Math.max(0, first - context);
    const end = Math.min(ops.length, lastChange + context + 1);
    const lineA = ops.slice(0, start).filter((op) => op.kind !== '+').length + 1;
    const lineB = ops.slice(0, start).filter((op) => op.kind !== '-').length + 1;
    const body = ops.slice(start, end);
    const countA = body.filter((op) => op.kind !== '+').length;
    const countB = body.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${range(lineA, countA)} +${range(lineB, countB)} @@`, ...body.map((op) => `${op.kind}${op.line}`));
  }
  return `${out.join('\n')}\n`;
}

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Our own diff of two folders below `root`, file by file in name order; a missing file counts as empty. */
export function diffFolders(root: string, fromDir: string, toDir: string): string {
  const names = [...new Set([...filesBelow(join(root, fromDir)), ...filesBelow(join(root, toDir))])].sort();
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  return names
    .map((name) => {
      const a = join(root, fromDir, name);
      const b = join(root, toDir, name);
      return unifiedDiff(read(a), read(b), existsSync(a) ? `a/${fromDir}/${name}` : '/dev/null', existsSync(b) ? `b/${toDir}/${name}` : '/dev/null');
    })
    .join('');
}

/** `git diff --no-index` of two folders below `root`; undefined when git is not available. */
export function gitDiffFolders(root: string, fromDir: string, toDir: string, git = 'git'): string | undefined {
  const run = spawnSync(git, ['diff', '--no-index', '--no-color', '--no-ext-diff', '--', fromDir, toDir], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  // Exit 0: no differences, 1: differences; anything else (or no git at all) means: use our own diff.
  if (run.error || (run.status !== 0 && run.status !== 1)) return undefined;
  return run.stdout;
}

export function diffExerciseToSolution(labFolder: string, git = 'git'): { diff: string; tool: 'git' | 'builtin' } {
  const fromGit = gitDiffFolders(labFolder, 'exercise', 'solution', git);
  if (fromGit !== undefined) return { diff: fromGit, tool: 'git' };
  return { diff: diffFolders(labFolder, 'exercise', 'solution'), tool: 'builtin' };
}
