/**
 * The protected resource: a store only the leader should write to. With fencing it remembers the highest token it
 * has seen and refuses any write with a lower one — the old leader that wakes up after a pause cannot do harm.
 * Without fencing it accepts every write, like most storage that was not built for it.
 */
import type { History } from './history.ts';

export type WriteOutcome = 'accepted' | 'refused';

export class ProtectedStorage {
  private highest = 0;
  readonly accepted: { worker: string; token: number; value: string }[] = [];

  constructor(
    private readonly history: History,
    readonly fencing: boolean,
  ) {}

  write(worker: string, token: number, value: string): WriteOutcome {
    if (!Number.isInteger(token) || token < 0) throw new Error(`write by ${worker}: fencing token must be a non-negative integer, got ${String(token)}`);
    if (this.fencing && token < this.highest) {
      this.history.record({ kind: 'write-refused', worker, token, highest: this.highest });
      return 'refused';
    }
    this.highest = Math.max(this.highest, token);
    this.accepted.push({ worker, token, value });
    this.history.record({ kind: 'write-accepted', worker, token, value });
    return 'accepted';
  }
}
