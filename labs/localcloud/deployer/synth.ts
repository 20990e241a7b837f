/** `cdk synth` of an app into a given output directory, with the pinned CLI and context passed through. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ONLY_STACK_CONTEXT } from '../../../infra/lib/labs.ts';
import { contextArgs } from '../../kit/cdk.ts';
import { repoRoot } from '../../kit/paths.ts';

export interface SynthOptions {
  /** Directory with the app's `cdk.json`. */
  appDir: string;
  outDir: string;
  context?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  /** Synthesize only this stack of the course app (`-c onlyStack=<name>`): faster, and independent of the others. */
  stackName?: string;
}

/** Resolves when the assembly is written; rejects with the CLI's last output lines (no stack trace of ours). */
export function synthesize(options: SynthOptions): Promise<void> {
  const cli = path.join(repoRoot, 'node_modules', 'aws-cdk', 'bin', 'cdk');
  const context = options.stackName ? { ...options.context, [ONLY_STACK_CONTEXT]: options.stackName } : (options.context ?? {});
  const args = [cli, 'synth', '--quiet', '--output', options.outDir, ...contextArgs(context)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.appDir, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => reject(new Error(`cdk synth could not start: ${error.message}`)));
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`cdk synth failed (exit ${code}):\n${output.trim().split('\n').slice(-25).join('\n')}`));
    });
  });
}
