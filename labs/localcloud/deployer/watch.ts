/** Watch mode: redeploy after saves under the given folders (debounced; one deployment at a time; Ctrl+C stops). */
import fs from 'node:fs';

const IGNORED = /(^|[/\\])(node_modules|cdk\.out|\.outputs|\.git)([/\\]|$)/;
const DEBOUNCE_MS = 300;

export async function watchAndRedeploy(dirs: string[], redeploy: () => Promise<unknown>, log: (line: string) => void = console.log): Promise<void> {
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
      log('\nWatching for changes (Ctrl+C to stop)…');
      if (again) {
        again = false;
        void run();
      }
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
    process.once('SIGINT', () => {
      for (const w of watchers) w.close();
      clearTimeout(timer);
      resolve();
    });
  });
}
