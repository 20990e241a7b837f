/** Runs the pinned CDK CLI against the course app in `infra/` (never a global `cdk`: `aws-cdk@latest` is broken). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths.ts';

export const infraDir = path.join(repoRoot, 'infra');

export function contextArgs(context: Record<string, string>): string[] {
  return Object.entries(context).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}

export function runCdk(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const cli = path.join(repoRoot, 'node_modules', 'aws-cdk', 'bin', 'cdk');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: infraDir, stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** Environment for talking to the real AWS account: drop the local cloud endpoint if the shell has it set. */
export function awsEnv(region: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_REGION: region, AWS_DEFAULT_REGION: region };
  delete env.AWS_ENDPOINT_URL;
  return env;
}
