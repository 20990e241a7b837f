/**
 * Entry point of both containers and of `run.ts`: `main.ts backend` or `main.ts api` (`SERVICE` in the image). Configuration comes from
 * the environment only (12-factor), so the same image runs locally, in the local tests and on Fargate.
 * Bad configuration ends with one sentence and exit code 1; SIGTERM (what ECS sends before it stops a task)
 * closes the server and ends the process.
 */
import { createBackend } from './backend.ts';
import { listen, type RunningServer } from './http.ts';
import { loadImplementation, sourceFrom } from './implementation.ts';

const roles = ['backend', 'api'] as const;
type Role = (typeof roles)[number];

async function start(role: Role): Promise<RunningServer> {
  const impl = await loadImplementation(sourceFrom(process.env.LAB_SOURCE));
  if (role === 'backend') return listen(createBackend(), impl.readBackendConfig(process.env));
  const config = impl.readApiConfig(process.env);
  const running = await listen(impl.createApi(config), config);
  console.log(`api: backend is ${config.backendUrl}, timeout ${config.timeoutMs} ms`);
  return running;
}

async function main(): Promise<void> {
  // The role comes from the command line locally and from SERVICE in the container image.
  const role = (process.argv[2] ?? process.env.SERVICE) as Role;
  if (!roles.includes(role)) throw new Error(`usage: main.ts <${roles.join('|')}> (or SERVICE=…), got "${role ?? ''}"`);
  const running = await start(role);
  console.log(`${role}: listening on ${running.url}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
