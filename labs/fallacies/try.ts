/**
 * Try your client by hand: starts a seeded flaky service, places orders with your client (or the
 * reference solution) and tells you which orders went missing or were recorded twice.
 *   npx tsx labs/fallacies/try.ts [--target exercise|solution] [--orders 20] [--seed 7] [--delay-ms 1000]
 */
import { parseArgs } from 'node:util';
import { loadTarget, resolveTarget } from '../kit/target.ts';
import type { ClientModule } from './contract.ts';
import { describeEntry } from './service/cli-options.ts';
import { startFlakyOrderService } from './service/server.ts';

function count(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: { target: { type: 'string' }, orders: { type: 'string' }, seed: { type: 'string' }, 'delay-ms': { type: 'string' } },
  });
  const target = resolveTarget(values.target ?? 'exercise');
  const orders = count('orders', values.orders, 20, 1);
  const seed = count('seed', values.seed, 7, 0);
  const delayMs = count('delay-ms', values['delay-ms'], 1000, 0);
  const { placeOrder } = await loadTarget<ClientModule>('fallacies', 'client.ts', target);
  const service = await startFlakyOrderService({ seed, delayMs, onRequest: (entry) => console.log(`  ${describeEntry(entry)}`) });
  console.log(`Placing ${orders} orders with ${target}/client.ts against a flaky service (seed ${seed}, delays ${delayMs} ms)…`);
  try {
    for (let i = 1; i <= orders; i++) {
      const item = `item-${i}`;
      try {
        const receipt = await placeOrder(service.url, { item, quantity: 1 }, { timeoutMs: Math.max(50, delayMs / 4) });
        console.log(`${item}: placed as ${receipt?.id ?? '(no id in the answer)'}`);
      } catch (error) {
        console.log(`${item}: FAILED — ${(error as Error).message}`);
      }
    }
    await service.idle();
    const recorded = new Map<string, number>();
    for (const order of service.orders()) recorded.set(order.item, (recorded.get(order.item) ?? 0) + 1);
    const items = Array.from({ length: orders }, (_, i) => `item-${i + 1}`);
    const missing = items.filter((item) => !recorded.has(item));
    const twice = items.filter((item) => (recorded.get(item) ?? 0) > 1);
    console.log(`\nRecorded exactly once: ${orders - missing.length - twice.length} of ${orders}`);
    if (missing.length > 0) console.log(`Missing: ${missing.join(', ')}`);
    if (twice.length > 0) console.log(`Recorded more than once: ${twice.map((item) => `${item} ×${recorded.get(item)}`).join(', ')}`);
    return missing.length + twice.length === 0 ? 0 : 1;
  } finally {
    await service.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);
