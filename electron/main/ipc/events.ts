import type { EventName, EventPayloads } from '../../../shared/ipc/contract'

export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void

/** Main → renderer events. Services emit here; the Electron shell and the preview host each forward them. */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const l of this.listeners) l(event, payload)
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
