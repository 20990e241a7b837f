/**
 * Fault injection in the local cloud over its HTTP endpoint (`/_localcloud/faults`), and a counter of the faults
 * it injected (read from the event stream), so a test can show the faults really happened.
 */
import type { FaultConfig } from '../../localcloud/faults/config.ts';

export async function setFaults(endpoint: string, config: FaultConfig): Promise<void> {
  const response = await fetch(new URL('/_localcloud/faults', endpoint), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
  if (!response.ok) throw new Error(`The local cloud refused the fault config: ${response.status} ${await response.text()}`);
}

export async function clearFaults(endpoint: string): Promise<void> {
  await fetch(new URL('/_localcloud/faults', endpoint), { method: 'DELETE' });
}

/** Counts injected faults by kind until `stop()`. */
export async function countFaults(endpoint: string) {
  const abort = new AbortController();
  const counts: Record<string, number> = {};
  const response = await fetch(new URL('/_localcloud/events?type=fault', endpoint), { signal: abort.signal });
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.startsWith('data: ')) continue;
          const event = JSON.parse(line.slice(6)) as { service?: string; action?: string; detail?: { kind?: string } };
          const key = `${event.service}.${event.action}:${event.detail?.kind}`;
          counts[key] = (counts[key] ?? 0) + 1;
        }
      }
    } catch {
      // Aborted by stop().
    }
  })();
  return {
    /** The counts so far. */
    peek: async () => ({ ...counts }),
    async stop() {
      abort.abort();
      await reading;
      return counts;
    },
  };
}
