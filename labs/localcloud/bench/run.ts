/**
 * `npm run bench:cloud` — not a timed test: prints figures and ratios. Sections run in order; add a section by
 * appending it to `sections` (the compute part adds its own file).
 * Arguments: section names to run only those. Env: BENCH_SECONDS (per wrk run, default 4), BENCH_ROUNDS (best of, default 3), BENCH_MESSAGES (memory run, default 1,000,000).
 */
import { execFileSync } from 'node:child_process';
import type { BenchRow, BenchSection } from './section.ts';
import { messagingSection } from './messaging.ts';
import { computeSection } from './compute.ts';

export const sections: BenchSection[] = [messagingSection, computeSection];

function requireWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // wrk prints its version with exit code 1; only a missing binary is fatal.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error('wrk is not installed: apt-get install wrk (Debian/Ubuntu) or brew install wrk');
      process.exit(2);
    }
  }
}

function printRatios(rows: BenchRow[]): void {
  const rate = (scenario: string, target: string) => rows.find((r) => r.scenario === scenario && r.target === target)?.rate;
  console.log('\nratios (local cloud vs bare node:http ceiling, and vs fauxqs):');
  for (const scenario of ['SendMessage', 'ReceiveMessage+DeleteMessage', 'Publish (fan-out to 3 SQS)']) {
    const [ours, ceiling, fauxqs] = [rate(scenario, 'localcloud'), rate(scenario, 'ceiling'), rate(scenario, 'fauxqs')];
    if (!ours) continue;
    const parts = [ceiling ? `${((ours / ceiling) * 100).toFixed(0)} % of ceiling` : undefined, fauxqs ? `${(ours / fauxqs).toFixed(2)}× fauxqs` : undefined];
    console.log(`  ${scenario.padEnd(28)} ${parts.filter(Boolean).join(', ')}`);
  }
}

async function main(): Promise<void> {
  requireWrk();
  const rows: BenchRow[] = [];
  // `npm run bench:cloud -- sqs+sns` runs only the named sections.
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !sections.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`unknown section ${unknown.join(', ')}; sections: ${sections.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  for (const section of sections.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
    console.log(`\n== ${section.name}`);
    rows.push(...(await section.run((line) => console.log(line))));
  }
  printRatios(rows);
}

await main();
