/** Shared shapes of the local cloud. Service logic sees `LocalRequest`/`LocalResponse` only through its protocol file. */
import type { ServerResponse } from 'node:http';
import type { Clock } from './clock.ts';
import type { Random } from './random.ts';
import type { EventBus } from './events.ts';
import type { FaultInjector } from '../faults/injector.ts';
import type { FaultErrorKind } from '../faults/config.ts';

export interface LocalRequest {
  method: string;
  /** Path without query string, e.g. `/000000000000/orders`. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Buffer;
  /** Service named in the SigV4 credential scope (`sqs`, `sns`, `lambda`, …), if the request was signed. */
  signingService?: string;
  /** Access key id from the SigV4 credential, if any (IAM enforcement binds function roles to it). */
  accessKeyId?: string;
  /** Remote address, for SenderId-like attributes and logs. */
  remoteAddress?: string;
}

export interface LocalResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Long-lived answers (server-sent events): called after the head is written; owns the response from then on. */
  stream?(res: ServerResponse): void;
}

/** What every service module gets: shared clock, randomness, event stream and a registry of internal APIs. */
export interface CloudContext {
  clock: Clock;
  random: Random;
  events: EventBus;
  region: string;
  accountId: string;
  /** Base URL of this local cloud, e.g. `http://127.0.0.1:4566` (known once listening). */
  endpoint(): string;
  /** Directory for files the services keep (EFS, DynamoDB); created on demand. */
  dataDir: string;
  /** Internal, HTTP-free APIs that services offer each other (e.g. `sqs` for SNS delivery, `lambda` for invokes). */
  registry: Map<string, unknown>;
  /** Fault injection (off until rules are set); services ask it for semantic faults such as duplicates. */
  faults?: FaultInjector;
}

export interface ServiceModule {
  name: string;
  /** True when this module owns the request. Checked in registration order; first match wins. */
  matches(req: LocalRequest): boolean;
  handle(req: LocalRequest): Promise<LocalResponse>;
  /** Operation and resource of a request, for fault rules and the event stream (cheap; no validation). */
  describe?(req: LocalRequest): { action?: string; resource?: string };
  /** An injected error in this service's own wire shape; the front door falls back to a generic one. */
  faultResponse?(req: LocalRequest, kind: FaultErrorKind): LocalResponse;
  /** Stop timers and workers. */
  stop?(): Promise<void> | void;
}

export type ServiceFactory = (ctx: CloudContext) => ServiceModule | Promise<ServiceModule>;
