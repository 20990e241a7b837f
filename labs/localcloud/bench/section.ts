/** A benchmark section: `run.ts` runs every registered section in order and prints their rows. */
export interface BenchRow {
  section: string;
  scenario: string;
  target: string;
  rate: number;
  unit: string;
  p50Ms?: number;
  p99Ms?: number;
  /** Server CPU time per request in µs: independent of how busy the rest of the machine is. */
  cpuUsPerRequest?: number;
  note?: string;
}

export interface BenchSection {
  name: string;
  run(log: (line: string) => void): Promise<BenchRow[]>;
}
