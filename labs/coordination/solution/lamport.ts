/** A Lamport clock (Lamport 1978): a counter that every event advances and every message carries. */
import type { LamportClock } from '../contract.ts';

export function createLamportClock(): LamportClock {
  let time = 0;
  return {
    now: () => time,
    tick: () => ++time,
    send: () => ++time,
    receive(messageTime: number) {
      if (!Number.isInteger(messageTime) || messageTime < 0) throw new Error(`receive: message time must be a non-negative integer, got ${String(messageTime)}`);
      // Later than everything the sender had seen when it sent, and later than our own past.
      time = Math.max(time, messageTime) + 1;
      return time;
    },
  };
}
