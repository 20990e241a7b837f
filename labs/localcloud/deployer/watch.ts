/** Watch mode: redeploy after saves under the given folders (debounced; one deployment at a time). */
import fs from 'node:fs';

const IGNORED = /(^|[/\\])(node_modules|cdk\.out|\.outputs|\.git)([/\\]|$)/;
export const DEBOUNCE_MS = 300;

/** Deploys once, then after every change until `signal` aborts (the CLI aborts on Ctrl+C). */
export async function watchAndRedeploy(dirs: string[], redeploy: () => Promise<unknown>, signal: AbortSignal, log: (line: string) => void = console.log): Promise<void> {
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await redeploy();
    } catch (error) {
      log(`Deployment failed: ${(error as Error).message}`);
    } finally {
      running = false;
      if (again && !signal.aborted) {
        again = false;
        void run();
      } else log('\nWatching for changes (Ctrl+C to stop)…');
    }
  };
  const watchers = dirs.map((dir) =>
    fs.watch(dir, { recursive: true }, (_event, file) => {
      if (file && IGNORED.test(String(file))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void run(), DEBOUNCE_MS);
    }),
  );
  await run();
  await new Promise<void>((resolve) => {
    const stop = () => {
      for (const w of watchers) w.close();
      clearTimeout(timer);
      resolve();
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}
