/**
 * What the lab's AWS deployment costs while it exists, and what the same traffic would cost on Lambda.
 * Prices from the course's facts table (`aws-facts.md` §3, §9; us-east-1 list prices, checked 2026-11-23);
 * eu-central-1 is typically 10–30 % higher for Fargate. Run `npx tsx labs/fargate/cost.ts` for the table.
 */
import { fileURLToPath } from 'node:url';

export const HOURS_PER_MONTH = 730;

export const prices = {
  /** ALB, per load-balancer hour (LCUs extra, negligible at lab traffic). */
  albHour: 0.0225,
  /** Every public IPv4 address, in use or idle. */
  publicIpv4Hour: 0.005,
  /** Fargate Linux/x86. */
  fargateVcpuHour: 0.04048,
  fargateGbHour: 0.004445,
  /** Lambda x86, first tier, and the always-free monthly allowance. */
  lambdaPerMillionRequests: 0.2,
  lambdaGbSecond: 0.0000166667,
  lambdaFreeRequests: 1_000_000,
  lambdaFreeGbSeconds: 400_000,
  /** API Gateway HTTP API in front of the function (`aws-facts.md` §4). */
  httpApiPerMillionRequests: 1.0,
} as const;

/** Per hour for one Fargate task of the given size. */
export const fargateTaskHour = (vcpu: number, gb: number): number => vcpu * prices.fargateVcpuHour + gb * prices.fargateGbHour;

export interface CostLine {
  item: string;
  perHour: number;
}

/** The lab's stack while it exists: ALB (with one public IPv4 per AZ, two AZs), two smallest tasks, the API task's IPv4. */
export function labStackCost(): CostLine[] {
  const task = fargateTaskHour(0.25, 0.5);
  return [
    { item: 'Application Load Balancer', perHour: prices.albHour },
    { item: 'ALB public IPv4 addresses (2 AZs)', perHour: 2 * prices.publicIpv4Hour },
    { item: 'Fargate task api (0.25 vCPU, 0.5 GB, x86)', perHour: task },
    { item: 'Fargate task backend (0.25 vCPU, 0.5 GB, x86)', perHour: task },
    { item: 'Public IPv4 of the api task', perHour: prices.publicIpv4Hour },
  ];
}

/** The smallest always-on web service: an idle ALB (two public IPv4s) and one smallest task with a public IPv4, per month. */
export function idleContainerMonth(): number {
  return HOURS_PER_MONTH * (prices.albHour + 3 * prices.publicIpv4Hour + fargateTaskHour(0.25, 0.5));
}

/** Lambda per month for `requests` invocations of `durationS` seconds at `memoryGb`; the free tier applied unless told otherwise. */
export function lambdaMonth(requests: number, memoryGb: number, durationS: number, freeTier = true): number {
  const gbSeconds = requests * memoryGb * durationS;
  const billableRequests = freeTier ? Math.max(0, requests - prices.lambdaFreeRequests) : requests;
  const billableGbSeconds = freeTier ? Math.max(0, gbSeconds - prices.lambdaFreeGbSeconds) : gbSeconds;
  return (billableRequests / 1_000_000) * prices.lambdaPerMillionRequests + billableGbSeconds * prices.lambdaGbSecond;
}

/** Requests per month at which Lambda behind an HTTP API (no free tier) costs as much as the idle container setup. */
export function breakEvenRequests(memoryGb: number, durationS: number): number {
  const perRequest = lambdaMonth(1_000_000, memoryGb, durationS, false) / 1_000_000 + prices.httpApiPerMillionRequests / 1_000_000;
  return idleContainerMonth() / perRequest;
}

const usd = (value: number, digits = 2) => `$${value.toFixed(digits)}`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lines = labStackCost();
  for (const line of lines) console.log(`${line.item.padEnd(48)} ${usd(line.perHour, 4)}/h  ${usd(line.perHour * HOURS_PER_MONTH)}/month`);
  const total = lines.reduce((sum, l) => sum + l.perHour, 0);
  console.log(`${'total (plus VPC endpoints, see README)'.padEnd(48)} ${usd(total, 4)}/h  ${usd(total * HOURS_PER_MONTH)}/month`);
  console.log(`\nidle ALB + one smallest task, per month: ${usd(idleContainerMonth())}`);
  const breakEven = breakEvenRequests(0.125, 0.2);
  console.log(`break-even with HTTP API + Lambda (128 MB, 200 ms): ${(breakEven / 1e6).toFixed(1)} M requests/month = ${(breakEven / (HOURS_PER_MONTH * 3600)).toFixed(1)} requests/s on average`);
  console.log(`Lambda, 100,000 requests × 200 ms × 128 MB, per month: ${usd(lambdaMonth(100_000, 0.125, 0.2))} with free tier, ${usd(lambdaMonth(100_000, 0.125, 0.2, false), 4)} without`);
}
