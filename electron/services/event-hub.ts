import type { EventPayload, EventSink } from '../../shared/ipc/api';
import type { Events } from '../../shared/ipc/contract';

export type EventListener = <E extends keyof Events>(name: E, payload: EventPayload<E>) => void;

/** Fans service events out to every attached transport (IPC windows, loopback sockets). */
export class EventHub implements EventSink {
  private readonly listeners = new Set<EventListener>();

  emit<E extends keyof Events>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  /** Returns the function that detaches the listener. */
  onDidEmit(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
