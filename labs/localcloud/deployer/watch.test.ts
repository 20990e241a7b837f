import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchAndRedeploy } from './watch.ts';

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('watch mode', () => {
  it('deploys once, redeploys after a save (one deployment for a burst), ignores cdk.out and stops on abort', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-'));
    fs.mkdirSync(path.join(dir, 'cdk.out'));
    let deployments = 0;
    const stop = new AbortController();
    const watching = watchAndRedeploy([dir], async () => void deployments++, stop.signal, () => {});
    await until(() => deployments === 1);
    fs.writeFileSync(path.join(dir, 'cdk.out', 'template.json'), '{}');
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(dir, 'handler.ts'), `export const v = ${i};`);
    await until(() => deployments === 2);
    await new Promise((r) => setTimeout(r, 600));
    expect(deployments).toBe(2);
    stop.abort();
    await watching;
    fs.writeFileSync(path.join(dir, 'handler.ts'), 'late');
    await new Promise((r) => setTimeout(r, 500));
    expect(deployments).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
