// Builds the domain-shaped `window.nodetray` API from the contract: `nodes:delete` becomes
// `api.nodes.delete(input)`. There is deliberately no generic invoke(channel) on the page.
import type { Envelope } from './envelope'
import type { EventName, EventPayloads, InvokeChannel, InvokeInput, InvokeResult } from './contract'
import { EVENT_NAMES, INVOKE_CHANNELS } from './channels'

type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S
type AreaOf<C> = C extends `${infer A}:${string}` ? A : never
type VerbOf<C> = C extends `${string}:${infer V}` ? CamelCase<V> : never
type Area = AreaOf<InvokeChannel>

export type InvokeApi = {
  [A in Area]: {
    [C in InvokeChannel as C extends `${A}:${string}` ? VerbOf<C> : never]: (
      input: InvokeInput<C>
    ) => Promise<Envelope<InvokeResult<C>>>
  }
}

export interface EventsApi {
  /** Subscribe; returns the unsubscribe function for effect cleanup. The IPC event object never reaches the page. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}

export type BridgeApi = InvokeApi & { events: EventsApi }

export interface BridgeTransport {
  invoke(channel: InvokeChannel, input: unknown): Promise<unknown>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

export const BRIDGE_GLOBAL = 'nodetray'

export function toCamel(verb: string): string {
  return verb.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

export function buildBridgeApi(transport: BridgeTransport): BridgeApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const channel of INVOKE_CHANNELS) {
    const [area, verb] = channel.split(':') as [string, string]
    const group = (api[area] ??= {})
    group[toCamel(verb)] = (input: unknown) => transport.invoke(channel, input ?? {})
  }
  const events: EventsApi = {
    on(event, listener) {
      if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`)
      return transport.subscribe(event, listener as (payload: unknown) => void)
    }
  }
  return Object.freeze({ ...api, events }) as unknown as BridgeApi
}
