/** Acceptance tests for the Lamport clock: the three rules, then the clock condition over seeded message runs. */
import { describe, expect, it } from 'vitest';
import { clockConditionViolations } from '../harness/happens-before.ts';
import { simulateMessages } from '../harness/messages.ts';
import { createLamportClock } from './target.ts';

describe('Lamport clock', () => {
  it('advances by one on a local event', () => {
    const clock = createLamportClock();
    expect([clock.tick(), clock.tick(), clock.now()]).toEqual([1, 2, 2]);
  });

  it('counts a send as an event and returns the time that travels with the message', () => {
    const clock = createLamportClock();
    clock.tick();
    expect(clock.send()).toBe(2);
    expect(clock.now()).toBe(2);
  });

  it('jumps past the time of a received message', () => {
    const clock = createLamportClock();
    clock.tick();
    expect(clock.receive(9)).toBe(10);
    expect(clock.receive(3), 'an old message still advances the clock').toBe(11);
  });

  it.each([1, 2, 3, 4, 5])('orders every happens-before pair of a seeded run with reordered messages (seed %i)', (seed) => {
    const events = simulateMessages({ processes: 3, events: 40, seed, createClock: createLamportClock });
    expect(clockConditionViolations(events).slice(0, 5)).toEqual([]);
  });
});
