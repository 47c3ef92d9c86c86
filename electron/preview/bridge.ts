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

interface QueuedCall {
  channel: string
  input: unknown
  resolve(envelope: unknown): void
  reject(err: unknown): void
}
let queue: QueuedCall[] = []

async function post(path: string, body: unknown): Promise<unknown> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })
  if (!res.ok) throw new Error(`preview host answered ${res.status}`)
  return res.json()
}

let started = false

// The window's start (four calls in one tick) goes out as one request: on a busy machine each extra HTTP request
// costs the page milliseconds that Electron's IPC does not. Only the start: later, a slow call (a credential check,
// a create) must not hold up a quick one made in the same tick, so each goes alone.
function flush(): void {
  const calls = queue
  queue = []
  const batch = !started && calls.length > 1
  started = true
  if (!batch) {
    for (const c of calls) post(`/ipc/${c.channel}`, c.input ?? {}).then(c.resolve, c.reject)
    return
  }
  post(
    '/ipc/_batch',
    calls.map((c) => ({ channel: c.channel, input: c.input ?? {} }))
  ).then(
    (envelopes) => calls.forEach((c, i) => c.resolve((envelopes as unknown[])[i])),
    (err: unknown) => calls.forEach((c) => c.reject(err))
  )
}

const api: BridgeApi = buildBridgeApi({
  invoke(channel, input) {
    return new Promise((resolve, reject) => {
      if (queue.length === 0) queueMicrotask(flush)
      queue.push({ channel, input, resolve, reject })
    })
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
