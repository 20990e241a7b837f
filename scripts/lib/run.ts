/** Runs a child process; output is collected and shown only when it fails, so progress lines stay readable. */
import { spawn } from 'node:child_process';

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
