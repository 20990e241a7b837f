/** Runs a child process; output is collected and shown only when it fails, so progress lines stay readable. */
import { spawn, type ChildProcess } from 'node:child_process';

/** Builds still running; stopped with us when we are interrupted, so no build is left orphaned. */
const live = new Set<ChildProcess>();

function stopLiveChildren(signal: NodeJS.Signals): void {
  for (const child of live) child.kill('SIGTERM');
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

function track(child: ChildProcess): void {
  if (live.size === 0) {
    process.on('SIGINT', stopLiveChildren);
    process.on('SIGTERM', stopLiveChildren);
  }
  live.add(child);
  child.on('close', () => {
    live.delete(child);
    if (live.size === 0) {
      process.off('SIGINT', stopLiveChildren);
      process.off('SIGTERM', stopLiveChildren);
    }
  });
}

export interface RunResult {
  code: number;
  output: string;
}

export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    track(child);
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Like `run`, but a non-zero exit becomes an error that carries the tail of the output. */
export async function runOrThrow(what: string, command: string, args: string[], options: Parameters<typeof run>[2]): Promise<void> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const tail = result.output.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${what} failed (exit ${result.code}):\n${tail}`);
  }
}

/** A binary from node_modules/.bin. */
export const bin = (root: string, name: string) => `${root}/node_modules/.bin/${name}`;
