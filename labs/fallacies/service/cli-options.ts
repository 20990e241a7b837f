/** Command-line options and log lines of the service's CLI (`cli.ts`). */
import { parseArgs } from 'node:util';
import { faultKinds, parseFault, type FaultRates } from './faults.ts';
import type { FlakyOrderServiceOptions, RequestLogEntry } from './server.ts';

export const USAGE = `Usage: npx tsx labs/fallacies/service/cli.ts [--seed N] [--port N] [--delay-ms N] [--retry-after S]
                                           [--script f1,f2,…] [--rates fault=p,…|none]
Faults: ${faultKinds.join(', ')}`;

function integer(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

function parseRates(value: string): FaultRates {
  if (value === 'none') return {};
  const rates: Record<string, number> = {};
  for (const pair of value.split(',')) {
    const [fault, rate] = pair.split('=');
    if (rate === undefined || rate.trim() === '' || Number.isNaN(Number(rate))) throw new Error(`--rates expects fault=probability pairs, got "${pair}"`);
    rates[parseFault(fault.trim())] = Number(rate);
  }
  return rates as FaultRates;
}

export function parseCli(argv: string[]): FlakyOrderServiceOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      seed: { type: 'string' },
      port: { type: 'string' },
      'delay-ms': { type: 'string' },
      'retry-after': { type: 'string' },
      script: { type: 'string' },
      rates: { type: 'string' },
    },
  });
  return {
    seed: integer('seed', values.seed, 0),
    port: integer('port', values.port, 0),
    delayMs: integer('delay-ms', values['delay-ms'], 0),
    retryAfterSeconds: integer('retry-after', values['retry-after'], 0),
    script: values.script === undefined ? undefined : values.script.split(',').map((f) => parseFault(f.trim())),
    faults: values.rates === undefined ? undefined : parseRates(values.rates),
  };
}

export function describeEntry(entry: RequestLogEntry): string {
  const key = entry.idempotencyKey ? `key ${entry.idempotencyKey.slice(0, 8)}…` : 'no key';
  const outcome =
    entry.status === undefined
      ? 'dropped before the service saw it'
      : `${entry.status}${entry.replayed ? ' (replayed from the key store)' : ''}, ${entry.created} new order(s)` +
        (entry.fault === 'drop-response' ? ', response dropped' : '');
  return `#${entry.n} POST /orders  ${entry.fault.padEnd(13)} ${key.padEnd(14)} → ${outcome}`;
}
