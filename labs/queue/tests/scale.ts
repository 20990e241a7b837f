/**
 * How big the acceptance rush is. Default: 500 tickets, 600 buyers (well under a minute on a loaded 2-core
 * machine). `QUEUE_SCALE=10` runs 5,000 / 6,000, and so on; the ratio stays 5:6. The benchmark runs 50,000 / 60,000.
 */
export const BASE_TICKETS = 500;
export const BASE_BUYERS = 600;

export function scaleFrom(value = process.env.QUEUE_SCALE): number {
  if (value === undefined || value === '') return 1;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new Error(`QUEUE_SCALE must be a number above 0 and at most 100, got "${value}"`);
  return scale;
}

export function rushSize(scale = scaleFrom()) {
  return { tickets: Math.round(BASE_TICKETS * scale), buyers: Math.round(BASE_BUYERS * scale) };
}
