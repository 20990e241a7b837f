/**
 * Queues and messages with the indices that keep every operation cheap: a ready deque (standard queues),
 * per-group deques (FIFO), a min-heap of future visibility times (delays and visibility timeouts, settled lazily)
 * and a map of receipt handles in flight. Validation and the meaning of each operation live in semantics.ts.
 */
import type { SqsMessageAttributes } from './api.ts';

export const enum MessageState {
  Visible = 0,
  Inflight = 1,
  Delayed = 2,
  Gone = 3,
}

export interface StoredMessage {
  id: string;
  body: string;
  md5Body: string;
  attributes?: SqsMessageAttributes;
  md5Attributes?: string;
  /** Bytes counted against MaximumMessageSize (body + attributes). */
  size: number;
  sent: number;
  senderId: string;
  groupId?: string;
  dedupId?: string;
  sequenceNumber?: string;
  traceHeader?: string;
  /** Set on messages moved to a dead-letter queue. */
  sourceArn?: string;
  receiveCount: number;
  firstReceive: number;
  /** When the current receive made it in flight (the 12-hour visibility ceiling counts from here). */
  receivedAt: number;
  visibleAt: number;
  state: MessageState;
  /** Bumped whenever visibleAt changes, so stale heap entries are ignored. */
  version: number;
  handle?: string;
}

/** Array-backed FIFO with O(1) push/shift; compacts once the consumed prefix dominates. */
export class Deque<T> {
  private items: T[] = [];
  private head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(item: T): void {
    this.items.push(item);
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    (this.items as unknown[])[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
  at(index: number): T | undefined {
    return this.items[this.head + index];
  }
  removeAt(index: number): void {
    this.items.splice(this.head + index, 1);
  }
  clear(): void {
    this.items = [];
    this.head = 0;
  }
  *[Symbol.iterator](): Iterator<T> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i];
  }
}

interface HeapEntry {
  at: number;
  order: number;
  version: number;
  message: StoredMessage;
}

/** Min-heap by (time, insertion order). */
export class TimeHeap {
  private items: HeapEntry[] = [];
  private order = 0;
  get size(): number {
    return this.items.length;
  }
  peekTime(): number | undefined {
    return this.items[0]?.at;
  }
  push(message: StoredMessage): void {
    const items = this.items;
    items.push({ at: message.visibleAt, order: this.order++, version: message.version, message });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }
  pop(): HeapEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < items.length && this.less(items[l], items[smallest])) smallest = l;
        if (r < items.length && this.less(items[r], items[smallest])) smallest = r;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest], items[i]];
        i = smallest;
      }
    }
    return top;
  }
  clear(): void {
    this.items = [];
  }
  private less(a: HeapEntry, b: HeapEntry): boolean {
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }
}

export interface QueueConfig {
  DelaySeconds: number;
  MaximumMessageSize: number;
  MessageRetentionPeriod: number;
  ReceiveMessageWaitTimeSeconds: number;
  VisibilityTimeout: number;
  /** Other settable attributes kept verbatim (Policy, RedrivePolicy, ContentBasedDeduplication, …). */
  extra: Record<string, string>;
}

export class QueueState {
  readonly tags = new Map<string, string>();
  lastModified: number;
  lastPurge = -Infinity;
  readonly ready = new Deque<StoredMessage>();
  readonly groups = new Map<string, Deque<StoredMessage>>();
  readonly groupsInflight = new Map<string, number>();
  readonly pending = new TimeHeap();
  readonly inflight = new Map<string, StoredMessage>();
  /** Deduplication ids (FIFO) in insertion order; expiry is monotonic, so the oldest sit first. */
  readonly dedup = new Map<string, { expires: number; messageId: string; sequenceNumber: string }>();
  /** Long polls waiting on this queue and internal watchers (event source mappings); see semantics.ts. */
  readonly waiters = new Set<() => void>();
  readonly watchers = new Set<() => void>();
  wakeTimer?: { cancel(): void };
  wakeAt = Infinity;
  /** Parsed RedrivePolicy, kept next to the raw attribute. */
  redrive?: { targetArn: string; maxReceiveCount: number };
  visibleCount = 0;
  inflightCount = 0;
  delayedCount = 0;
  private sequence = 0n;

  constructor(
    readonly name: string,
    readonly url: string,
    readonly arn: string,
    readonly fifo: boolean,
    public config: QueueConfig,
    readonly created: number,
  ) {
    this.lastModified = created;
  }

  nextSequenceNumber(): string {
    this.sequence += 1n;
    return (18_000_000_000_000_000_000n + this.sequence).toString();
  }

  /** Adds a new message, visible at once or after `delayMs`. */
  enqueue(message: StoredMessage, now: number, delayMs: number): void {
    if (delayMs > 0) {
      message.state = MessageState.Delayed;
      message.visibleAt = now + delayMs;
      this.delayedCount++;
      this.pending.push(message);
    } else {
      message.state = MessageState.Visible;
      message.visibleAt = now;
      this.visibleCount++;
      if (!this.fifo) this.ready.push(message);
    }
    if (this.fifo) {
      const group = message.groupId!;
      let deque = this.groups.get(group);
      if (!deque) this.groups.set(group, (deque = new Deque()));
      deque.push(message);
    }
  }

  /** Moves every message whose delay or visibility timeout has run out back to visible. Returns how many moved. */
  settle(now: number): number {
    let moved = 0;
    for (let at = this.pending.peekTime(); at !== undefined && at <= now; at = this.pending.peekTime()) {
      const { message, version } = this.pending.pop()!;
      if (message.version !== version || message.state === MessageState.Gone || message.state === MessageState.Visible) continue;
      if (message.state === MessageState.Inflight) {
        this.inflightCount--;
        this.inflight.delete(message.handle!);
        message.handle = undefined;
        if (this.fifo) this.changeGroupInflight(message.groupId!, -1);
      } else {
        this.delayedCount--;
      }
      message.state = MessageState.Visible;
      this.visibleCount++;
      if (!this.fifo) this.ready.push(message);
      moved++;
    }
    return moved;
  }

  /**
   * Picks up to `max` receivable messages in delivery order. `accept` decides per candidate: true takes it
   * (the caller makes it in flight), false means the caller removed it (expired or moved to a dead-letter queue).
   */
  collect(max: number, accept: (message: StoredMessage) => boolean): StoredMessage[] {
    const taken: StoredMessage[] = [];
    if (!this.fifo) {
      while (taken.length < max) {
        const message = this.ready.shift();
        if (!message) break;
        if (message.state !== MessageState.Visible) continue;
        if (accept(message)) taken.push(message);
      }
      return taken;
    }
    for (const [group, deque] of this.groups) {
      if (taken.length >= max) break;
      if ((this.groupsInflight.get(group) ?? 0) > 0) continue;
      // Only the head run of visible messages is receivable; a delayed message blocks those behind it.
      for (let i = 0; taken.length < max && i < deque.length; ) {
        const message = deque.at(i)!;
        if (message.state !== MessageState.Visible) break;
        if (accept(message)) {
          taken.push(message);
          i++;
        }
        // A rejected message was removed from the deque by the caller; index i now holds the next one.
      }
    }
    return taken;
  }

  /** Moves a visible message in flight under a new receipt handle until `now + visibilityMs`. */
  markInflight(message: StoredMessage, handle: string, now: number, visibilityMs: number): void {
    this.visibleCount--;
    this.inflightCount++;
    message.state = MessageState.Inflight;
    message.handle = handle;
    message.receivedAt = now;
    message.visibleAt = now + visibilityMs;
    message.version++;
    this.inflight.set(handle, message);
    this.pending.push(message);
    if (this.fifo) this.changeGroupInflight(message.groupId!, +1);
  }

  changeVisibility(message: StoredMessage, now: number, visibilityMs: number): void {
    message.visibleAt = now + visibilityMs;
    message.version++;
    this.pending.push(message);
  }

  /** Removes a message for good (delete, expiry, dead-letter move). */
  remove(message: StoredMessage): void {
    if (message.state === MessageState.Visible) this.visibleCount--;
    else if (message.state === MessageState.Inflight) {
      this.inflightCount--;
      this.inflight.delete(message.handle!);
      if (this.fifo) this.changeGroupInflight(message.groupId!, -1);
    } else if (message.state === MessageState.Delayed) this.delayedCount--;
    else return;
    message.state = MessageState.Gone;
    if (this.fifo) {
      const deque = this.groups.get(message.groupId!)!;
      for (let i = 0; i < deque.length; i++) {
        if (deque.at(i) === message) {
          deque.removeAt(i);
          break;
        }
      }
      if (deque.length === 0) this.groups.delete(message.groupId!);
    }
    // Standard queues skip Gone messages lazily when they reach the head of `ready`.
  }

  /** Moves the head of the ready deque to its tail (fault injection: reordering on standard queues). */
  rotateReady(): void {
    const head = this.ready.shift();
    if (head) this.ready.push(head);
  }

  purge(): void {
    for (const message of this.allMessages()) message.state = MessageState.Gone;
    this.ready.clear();
    this.groups.clear();
    this.groupsInflight.clear();
    this.pending.clear();
    this.inflight.clear();
    this.visibleCount = this.inflightCount = this.delayedCount = 0;
  }

  /** Every stored message once, in delivery order where there is one. */
  *allMessages(): Iterable<StoredMessage> {
    if (this.fifo) {
      for (const deque of this.groups.values()) yield* deque;
      return;
    }
    const seen = new Set<StoredMessage>();
    for (const message of this.inflight.values()) if (!seen.has(message)) (seen.add(message), yield message);
    for (const message of this.ready) if (message.state === MessageState.Visible && !seen.has(message)) (seen.add(message), yield message);
    for (const message of this.delayedMessages()) if (!seen.has(message)) (seen.add(message), yield message);
  }

  /** Delayed messages are only referenced from the heap; drain it once and rebuild it with the live entries. */
  private *delayedMessages(): Iterable<StoredMessage> {
    if (this.delayedCount === 0) return;
    const live = new Set<StoredMessage>();
    for (let entry = this.pending.pop(); entry; entry = this.pending.pop()) {
      const state = entry.message.state;
      if (state === MessageState.Delayed || state === MessageState.Inflight) live.add(entry.message);
    }
    for (const message of live) this.pending.push(message);
    for (const message of live) if (message.state === MessageState.Delayed) yield message;
  }

  private changeGroupInflight(group: string, delta: number): void {
    const next = (this.groupsInflight.get(group) ?? 0) + delta;
    if (next <= 0) this.groupsInflight.delete(group);
    else this.groupsInflight.set(group, next);
  }
}
