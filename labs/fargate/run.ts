/**
 * Starts the lab's two services as two processes, as on Fargate: first the backend (loopback only, unless the
 * implementation says otherwise), then the API with `BACKEND_URL` pointing at it.
 *
 *   npx tsx labs/fargate/run.ts [--source exercise|solution] [--api-port 3000] [--backend-port 8080]
 *
 * Prints where both listen; Ctrl-C stops both. `startLab` is used by the tests as well.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sourceFrom, type Source } from './services/implementation.ts';

const MAIN = fileURLToPath(new URL('./services/main.ts', import.meta.url));
const START_TIMEOUT_MS = 20_000;

export interface LabOptions {
  source: Source;
  apiPort: number;
  backendPort: number;
  /** Called with every line a service prints (prefixed with its role). */
  onLine?: (line: string) => void;
}

export interface RunningLab {
  apiUrl: string;
  backendUrl: string;
  stop(): Promise<void>;
}

interface Service {
  child: ChildProcess;
  url: string;
}

/** Spawns `main.ts <role>` and resolves with the URL it prints once it listens. */
function startService(role: 'backend' | 'api', env: NodeJS.ProcessEnv, onLine: (line: string) => void): Promise<Service> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, role], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`${role} did not start within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const errors: string[] = [];
    function fail(message: string) {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new Error(message));
    }
    const read = (stream: NodeJS.ReadableStream, isError: boolean) => {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (isError) errors.push(line);
          onLine(`[${role}] ${line}`);
          const listening = /listening on (\S+)/.exec(line);
          if (listening) {
            clearTimeout(timer);
            resolve({ child, url: listening[1] });
          }
        }
      });
    };
    read(child.stdout!, false);
    read(child.stderr!, true);
    child.once('exit', (code) => fail(`${role} exited with code ${code}${errors.length ? `: ${errors.join(' ')}` : ''}`));
  });
}

function stopService(service: Service): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startLab(options: LabOptions): Promise<RunningLab> {
  const onLine = options.onLine ?? (() => {});
  const common = { LAB_SOURCE: options.source };
  const backend = await startService('backend', { ...common, BACKEND_PORT: String(options.backendPort) }, onLine);
  let api: Service;
  try {
    api = await startService('api', { ...common, API_PORT: String(options.apiPort), BACKEND_URL: backend.url }, onLine);
  } catch (error) {
    await stopService(backend);
    throw error;
  }
  return {
    apiUrl: api.url,
    backendUrl: backend.url,
    stop: async () => {
      await Promise.all([stopService(api), stopService(backend)]);
    },
  };
}

function portFrom(name: string, raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > 65_535) throw new Error(`--${name} must be a port number from 0 to 65535, got "${raw}"`);
  return Number(raw);
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', default: 'exercise' },
      'api-port': { type: 'string', default: '3000' },
      'backend-port': { type: 'string', default: '8080' },
    },
  });
  const lab = await startLab({
    source: sourceFrom(values.source),
    apiPort: portFrom('api-port', values['api-port']),
    backendPort: portFrom('backend-port', values['backend-port']),
    onLine: (line) => console.log(line),
  });
  console.log(`\nbackend (private): ${lab.backendUrl}\napi (public):      ${lab.apiUrl}`);
  console.log(`try: curl ${lab.apiUrl}/api/quote   curl ${lab.apiUrl}/health/backend   — Ctrl-C stops both`);
  const stop = () => void lab.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message.replace(/^LAB_SOURCE/, '--source') : String(error));
    process.exit(1);
  });
}
