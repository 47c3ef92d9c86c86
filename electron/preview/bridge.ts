// window.nodetray for the browser preview: the same contract-generated API as the Electron preload, carried
// over loopback HTTP (POST /ipc/<channel>) with events over Server-Sent Events. The per-run secret travels in
// an HttpOnly cookie the host set, so page scripts cannot read it.
import { BRIDGE_GLOBAL, buildBridgeApi, type BridgeApi } from '../../shared/ipc/bridge'
import type { EventName } from '../../shared/ipc/contract'

type Listener = (payload: unknown) => void
const listeners = new Map<EventName, Set<Listener>>()
let source: EventSource | null = null

function ensureEvents(): void {
  if (source) return
  source = new EventSource('/events', { withCredentials: true })
  source.onmessage = (msg: MessageEvent<string>) => {
    const { event, payload } = JSON.parse(msg.data) as { event: EventName; payload: unknown }
    for (const l of listeners.get(event) ?? []) l(payload)
  }
}

const api: BridgeApi = buildBridgeApi({
  async invoke(channel, input) {
    const res = await fetch(`/ipc/${channel}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {})
    })
    return res.json()
  },
  subscribe(event, listener) {
    ensureEvents()
    let set = listeners.get(event)
    if (!set) listeners.set(event, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }
})

Object.defineProperty(window, BRIDGE_GLOBAL, { value: api, writable: false, configurable: false })
