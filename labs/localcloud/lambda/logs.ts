/** Lambda's own log lines (START, END, REPORT) and the Tail of an invocation's log. */

/** Lambda returns at most the last 4 KB of the log with LogType Tail. */
export const TAIL_BYTES = 4096;

export const startLine = (requestId: string): string => `START RequestId: ${requestId} Version: $LATEST\n`;
export const endLine = (requestId: string): string => `END RequestId: ${requestId}\n`;

export interface ReportFigures {
  requestId: string;
  durationMs: number;
  memorySize: number;
  maxMemoryUsedMb: number;
  initMs?: number;
  status?: 'timeout' | 'error';
}

export function reportLine(f: ReportFigures): string {
  // Since August 2025 the init phase of on-demand functions is billed too.
  const billed = Math.max(1, Math.ceil(f.durationMs + (f.initMs ?? 0)));
  let line =
    `REPORT RequestId: ${f.requestId}\tDuration: ${f.durationMs.toFixed(2)} ms\tBilled Duration: ${billed} ms\t` +
    `Memory Size: ${f.memorySize} MB\tMax Memory Used: ${f.maxMemoryUsedMb} MB`;
  if (f.initMs !== undefined) line += `\tInit Duration: ${f.initMs.toFixed(2)} ms`;
  if (f.status) line += `\tStatus: ${f.status}`;
  return `${line}\t\n`;
}

/** Base64 of the last 4 KB of `log` (cut on a byte boundary, as Lambda does). */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)).toString('base64');
}
