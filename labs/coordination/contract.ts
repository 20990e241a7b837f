/**
 * The shapes the lab's code agrees on: the lease students implement in `exercise/lease.ts`, and the Lamport clock
 * of `exercise/lamport.ts`. The harness and the tests only talk to these interfaces.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Where the lease lives: one item `{ pk: leaseName, holder, token, expiresAt }` in a DynamoDB table keyed by `pk`. */
export interface LeaseTable {
  db: DynamoDBDocumentClient;
  tableName: string;
  leaseName: string;
}

/** What a worker holds while it leads. `token` is the fencing token: it grows with every new holder. */
export interface Lease {
  holder: string;
  token: number;
  /** Epoch milliseconds; the lease is free for others once `expiresAt < now`. */
  expiresAt: number;
}

export interface LeaseModule {
  /** Takes the lease when it is free or expired (a new term: `token` + 1); `undefined` when someone else holds it. */
  acquireLease(table: LeaseTable, worker: string, ttlMs: number, now: number): Promise<Lease | undefined>;
  /** Extends the lease while `lease` is still the current one; `undefined` when it was lost. */
  renewLease(table: LeaseTable, lease: Lease, ttlMs: number, now: number): Promise<Lease | undefined>;
}

/** A Lamport clock of one process. Every method returns the clock's value after the event. */
export interface LamportClock {
  /** The current value, without an event. */
  now(): number;
  /** A local event. */
  tick(): number;
  /** Sending a message: an event; the result travels with the message. */
  send(): number;
  /** Receiving a message that carries `messageTime`. */
  receive(messageTime: number): number;
}

export interface LamportModule {
  createLamportClock(): LamportClock;
}
