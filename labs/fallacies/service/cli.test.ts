import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeEntry, parseCli } from './cli-options.ts';

describe('service command line', () => {
  it('parses options and names a wrong one', () => {
    expect(parseCli(['--seed', '7', '--script', 'drop-response,ok', '--rates', 'delay=0.5'])).toMatchObject({
      seed: 7,
      script: ['drop-response', 'ok'],
      faults: { delay: 0.5 },
    });
    expect(parseCli(['--rates', 'none']).faults).toEqual({});
    expect(() => parseCli(['--port', '1.5'])).toThrow('--port must be an integer ≥ 0, got "1.5"');
    expect(() => parseCli(['--script', 'boom'])).toThrow(/Unknown fault "boom"/);
    expect(() => parseCli(['--rates', 'delay'])).toThrow('--rates expects fault=probability pairs, got "delay"');
  });

  it('logs what happened to each request', () => {
    expect(describeEntry({ n: 3, fault: 'drop-response', idempotencyKey: 'abcdefghijk', status: 201, created: 1, replayed: false })).toBe(
      '#3 POST /orders  drop-response key abcdefgh…  → 201, 1 new order(s), response dropped',
    );
    expect(describeEntry({ n: 1, fault: 'drop-request', status: undefined, created: 0, replayed: false })).toMatch(/no key .*→ dropped before the service saw it/);
  });

  it('starts the service, prints its URL and logs a request', async () => {
    const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const cli = join(fileURLToPath(new URL('.', import.meta.url)), 'cli.ts');
    const child = spawn(process.execPath, [tsx, cli, '--script', 'drop-response'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15_000);
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      await fetch(`${url}/orders`, { method: 'POST', body: '{"item":"book","quantity":1}' }).catch(() => undefined);
      await expect.poll(() => output, { timeout: 5000 }).toMatch(/#1 POST \/orders {2}drop-response .*response dropped/);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'close');
    }
  });
});
