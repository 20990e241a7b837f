/**
 * The recorded history of an election run. Events are appended in the order they happen in the (single-threaded)
 * process, so the array order is the true order; `at` is milliseconds since the run started, for people.
 */
export type HistoryEvent =
  | { kind: 'acquire'; worker: string; token: number; expiresAt: number }
  | { kind: 'renew'; worker: string; token: number; expiresAt: number }
  | { kind: 'lost'; worker: string; token: number }
  | { kind: 'pause'; worker: string; ms: number }
  | { kind: 'resume'; worker: string }
  | { kind: 'crash'; worker: string }
  | { kind: 'write-accepted'; worker: string; token: number; value: string }
  | { kind: 'write-refused'; worker: string; token: number; highest: number };

export type Recorded = HistoryEvent & { at: number };

export class History {
  readonly events: Recorded[] = [];
  private readonly start = Date.now();

  record(event: HistoryEvent): void {
    this.events.push({ ...event, at: Date.now() - this.start });
  }

  ofKind<K extends HistoryEvent['kind']>(kind: K): Extract<Recorded, { kind: K }>[] {
    return this.events.filter((e): e is Extract<Recorded, { kind: K }> => e.kind === kind);
  }

  /** One line per event, for failure messages. */
  describe(): string {
    return this.events.map((e) => `${String(e.at).padStart(5)} ms ${JSON.stringify(e)}`).join('\n');
  }
}
