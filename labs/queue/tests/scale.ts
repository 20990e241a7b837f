/**
 * How big the acceptance rush is. Scale 1 is the case: 500 tickets, 600 buyers. The default is half of it
 * (250 / 300, the same 5:6 ratio): on this course's loaded 2-core machine scale 1 took 45 s with light load and
 * 110 s with heavy load, too long for every `npm test`. `QUEUE_SCALE=1` runs 500 / 600, `QUEUE_SCALE=10`
 * 5,000 / 6,000; the benchmark runs 50,000 / 60,000.
 */
export const FULL_TICKETS = 500;
export const FULL_BUYERS = 600;
export const DEFAULT_SCALE = 0.5;

export function scaleFrom(value = process.env.QUEUE_SCALE): number {
  if (value === undefined || value === '') return DEFAULT_SCALE;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new Error(`QUEUE_SCALE must be a number above 0 and at most 100, got "${value}"`);
  return scale;
}

export function rushSize(scale = scaleFrom()) {
  return { tickets: Math.max(1, Math.round(FULL_TICKETS * scale)), buyers: Math.max(2, Math.round(FULL_BUYERS * scale)) };
}
