/** Starts a benchmark target in its own process and reads its endpoint and memory. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url));

export interface Target {
  name: string;
  endpoint: string;
  pid: number;
  rssBytes(): number;
  /** CPU time (user + system) the server process has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export function runProcess(args: string[], until: RegExp, timeoutMs = 600_000): { child: ChildProcess; line: Promise<RegExpExecArray> } {
  const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', entry, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const line = new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args[0]}: no answer within ${timeoutMs} ms`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = until.exec(output);
      if (match) (clearTimeout(timer), resolve(match));
    });
    child.on('exit', (code) => (clearTimeout(timer), reject(new Error(`${args[0]} exited with ${code}: ${output}`))));
  });
  return { child, line };
}

export async function startTarget(name: 'localcloud' | 'fauxqs' | 'ceiling'): Promise<Target> {
  const { child, line } = runProcess([name], /READY (\S+)/, 30_000);
  const [, endpoint] = await line;
  return {
    name,
    endpoint,
    pid: child.pid!,
    // VmRSS of the server process alone (Linux).
    rssBytes: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    cpuMs: () => cpuMsOf(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** utime + stime from /proc/<pid>/stat (Linux), in ms; clock ticks are 100 per second there. */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
