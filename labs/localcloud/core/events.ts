/** Every API call, delivery and injected fault goes through here; tests and the live view subscribe. */
export interface CloudEvent {
  type: 'call' | 'delivery' | 'fault' | 'log' | string;
  service: string;
  /** Operation, e.g. `SendMessage`. */
  action?: string;
  /** Resource ARN or URL, if any. */
  resource?: string;
  detail?: Record<string, unknown>;
  time: number;
}

export type Listener = (event: CloudEvent) => void;

export class EventBus {
  private listeners = new Set<Listener>();

  emit(event: CloudEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener must not break the service that emitted the event.
      }
    }
  }

  /** Lets emitters skip building events nobody reads (the hot path of every request). */
  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
