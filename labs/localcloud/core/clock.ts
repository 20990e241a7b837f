/**
 * Time source for every service. Tests use a manual clock so visibility timeouts, delays and
 * deduplication windows need no real sleeps; the CLI uses the system clock.
 */
export interface Timer {
  cancel(): void;
}

export interface Clock {
  now(): number;
  /** Run `fn` once `ms` have passed on this clock. */
  schedule(ms: number, fn: () => void): Timer;
}

export interface ManualClock extends Clock {
  /** Move time forward, firing due timers in order. */
  advance(ms: number): void;
  set(epochMs: number): void;
}

export const systemClock = (): Clock => ({
  now: () => Date.now(),
  schedule(ms, fn) {
    const handle = setTimeout(fn, Math.max(0, ms));
    handle.unref?.();
    return { cancel: () => clearTimeout(handle) };
  },
});

export function manualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
  let current = start;
  let nextId = 0;
  const timers = new Map<number, { due: number; fn: () => void }>();

  const fireDue = () => {
    for (;;) {
      let nextKey: number | undefined;
      let nextDue = Infinity;
      for (const [id, t] of timers) if (t.due <= current && t.due < nextDue) [nextKey, nextDue] = [id, t.due];
      if (nextKey === undefined) return;
      const timer = timers.get(nextKey)!;
      timers.delete(nextKey);
      timer.fn();
    }
  };

  return {
    now: () => current,
    schedule(ms, fn) {
      const id = nextId++;
      timers.set(id, { due: current + Math.max(0, ms), fn });
      return { cancel: () => void timers.delete(id) };
    },
    advance(ms) {
      current += ms;
      fireDue();
    },
    set(epochMs) {
      current = epochMs;
      fireDue();
    },
  };
}
