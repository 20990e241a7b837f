import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, UsageError } from '../cli.ts';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));

describe('CLI arguments', () => {
  it('parses flags and refuses bad ones with a usage message', () => {
    expect(parseArgs(['--port', '0', '--host=127.0.0.1', '--seed', '9'])).toEqual({ port: 0, host: '127.0.0.1', seed: 9 });
    expect(parseArgs([])).toEqual({ port: 4566 });
    expect(() => parseArgs(['--port', '70000'])).toThrow(new UsageError('--port must be an integer from 0 to 65535, got "70000"'));
    expect(() => parseArgs(['--seed'])).toThrow(/--seed needs a value/);
    expect(() => parseArgs(['--colour', 'red'])).toThrow(/unknown option --colour/);
    expect(() => parseArgs(['--faults', '/nonexistent/faults.json'])).toThrow('--faults: cannot read /nonexistent/faults.json');
  });
});

describe('npm run cloud', () => {
  it('prints the endpoint and environment, applies --faults, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cloud-cli-'));
    const faults = path.join(dir, 'faults.json');
    writeFileSync(faults, JSON.stringify({ rules: [{ service: 'sqs', latencyMs: 1 }] }));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--faults', faults], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no endpoint printed: ${output}`)), 15_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /export AWS_SECRET_ACCESS_KEY=/.test(output) && /listening on (http:\/\/\S+)/.exec(output);
          if (match) (clearTimeout(timer), resolve(match[1]));
        });
      });
      expect(output).toContain(`export AWS_ENDPOINT_URL=${endpoint}`);
      expect(output).toContain('export AWS_REGION=eu-central-1');
      expect(await (await fetch(`${endpoint}/_localcloud/faults`)).json()).toEqual({ rules: [{ service: 'sqs', latencyMs: 1 }] });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
