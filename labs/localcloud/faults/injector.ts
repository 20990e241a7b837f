/**
 * Decides, with seeded dice, which faults happen to a request; every injected fault is announced on the event bus
 * (`type: 'fault'`). The front door applies latency, dropped connections and errors; services ask `roll` for
 * semantic faults (duplicates, reordering).
 */
import type { EventBus } from '../core/events.ts';
import type { Clock } from '../core/clock.ts';
import { seededRandom, type Random } from '../core/random.ts';
import { globMatches, parseFaultConfig, type FaultConfig, type FaultErrorKind, type FaultRule } from './config.ts';

export type FaultKind = 'latency' | 'error' | 'drop' | 'duplicate' | 'reorder';

const rateOf: Record<Exclude<FaultKind, 'latency'>, keyof FaultRule> = {
  error: 'errorRate',
  drop: 'dropRate',
  duplicate: 'duplicateRate',
  reorder: 'reorderRate',
};

/** What the front door should do to one request. */
export interface RequestFaults {
  latencyMs: number;
  drop: boolean;
  error?: FaultErrorKind;
}

export class FaultInjector {
  private config: FaultConfig = { rules: [] };
  private random: Random;

  constructor(
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly defaultSeed: number,
  ) {
    this.random = seededRandom(defaultSeed);
  }

  get active(): boolean {
    return this.config.rules.length > 0;
  }

  get(): FaultConfig {
    return structuredClone(this.config);
  }

  /** Replaces the configuration (validated) and restarts the dice, so the same config gives the same faults. */
  set(value: unknown): FaultConfig {
    this.config = parseFaultConfig(value);
    this.random = seededRandom(this.config.seed ?? this.defaultSeed);
    return this.get();
  }

  clear(): void {
    this.set({ rules: [] });
  }

  /** First rule that matches; undefined when none does. */
  match(service: string, operation?: string, resource?: string): FaultRule | undefined {
    if (!this.active) return undefined;
    return this.config.rules.find((r) => globMatches(r.service, service) && globMatches(r.operation, operation) && globMatches(r.resource, resource));
  }

  /** Rolls the dice for one probabilistic fault; emits the event when it happens. */
  roll(service: string, operation: string | undefined, resource: string | undefined, kind: Exclude<FaultKind, 'latency'>): boolean {
    const rule = this.match(service, operation, resource);
    const rate = rule?.[rateOf[kind]];
    if (typeof rate !== 'number' || !this.random.chance(rate)) return false;
    this.announce(service, operation, resource, kind, kind === 'error' ? { error: rule!.error ?? 'throttle' } : {});
    return true;
  }

  /** Faults the front door applies to one request, decided in a fixed order so a seed replays the same run. */
  forRequest(service: string, operation?: string, resource?: string): RequestFaults {
    const rule = this.match(service, operation, resource);
    if (!rule) return { latencyMs: 0, drop: false };
    let latencyMs = rule.latencyMs ?? 0;
    if (rule.jitterMs) latencyMs += Math.round(this.random.next() * rule.jitterMs);
    if (latencyMs > 0) this.announce(service, operation, resource, 'latency', { latencyMs });
    const drop = this.roll(service, operation, resource, 'drop');
    const error = !drop && this.roll(service, operation, resource, 'error') ? (rule.error ?? 'throttle') : undefined;
    return { latencyMs, drop, error };
  }

  private announce(service: string, action: string | undefined, resource: string | undefined, kind: FaultKind, detail: Record<string, unknown>): void {
    this.events.emit({ type: 'fault', service, action, resource, detail: { kind, ...detail }, time: this.clock.now() });
  }
}
