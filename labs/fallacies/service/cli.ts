/**
 * Starts the flaky order service for students:
 *   npx tsx labs/fallacies/service/cli.ts --seed 7
 * Options: --seed N, --port N (default: a free one), --delay-ms N, --retry-after S,
 *          --script drop-response,ok,…   --rates drop-request=0.1,delay=0.05,…   (--rates none: no faults)
 */
import { describeEntry, parseCli, USAGE } from './cli-options.ts';
import { startFlakyOrderService, type FlakyOrderServiceOptions } from './server.ts';

async function main(): Promise<void> {
  let options: FlakyOrderServiceOptions;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  try {
    const service = await startFlakyOrderService({ ...options, onRequest: (entry) => console.log(describeEntry(entry)) });
    const plan = options.script ? `script ${options.script.join(', ')}` : `seed ${options.seed ?? 1}`;
    console.log(`Flaky order service on ${service.url} (${plan}). POST /orders, GET /orders, GET /log. Ctrl+C stops it.`);
    const stop = () => void service.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

await main();
