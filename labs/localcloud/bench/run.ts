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
  const find = (scenario: string, target: string) => rows.find((r) => r.scenario === scenario && r.target === target);
  console.log('\nratios of the local cloud to the bare node:http ceiling and to fauxqs');
  console.log('  (throughput: best run under the current machine load; capacity: server CPU µs per request, load-independent)');
  for (const scenario of ['SendMessage', 'ReceiveMessage+DeleteMessage', 'Publish (fan-out to 3 SQS)']) {
    const [ours, ceiling, fauxqs] = [find(scenario, 'localcloud'), find(scenario, 'ceiling'), find(scenario, 'fauxqs')];
    if (!ours?.rate) continue;
    const parts: string[] = [];
    if (ceiling?.rate) parts.push(`throughput ${((ours.rate / ceiling.rate) * 100).toFixed(0)} % of ceiling`);
    if (fauxqs?.rate) parts.push(`${(ours.rate / fauxqs.rate).toFixed(2)}× fauxqs`);
    if (ours.cpuUsPerRequest && ceiling?.cpuUsPerRequest) parts.push(`capacity ${((ceiling.cpuUsPerRequest / ours.cpuUsPerRequest) * 100).toFixed(0)} % of ceiling`);
    if (ours.cpuUsPerRequest && fauxqs?.cpuUsPerRequest) parts.push(`${(fauxqs.cpuUsPerRequest / ours.cpuUsPerRequest).toFixed(2)}× fauxqs`);
    console.log(`  ${scenario.padEnd(28)} ${parts.join(', ')}`);
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
