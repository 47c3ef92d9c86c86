// window.nodetray for the browser preview: the same contract-generated API as the Electron preload, carried
// over loopback HTTP (POST /ipc/<channel>), with events read from a fetch stream (GET /events, SSE framing).
// The per-run secret arrives in the URL fragment (`#secret=…`, never sent to a server); it is taken into memory,
// wiped from the address bar and history, and sent as a header on every call. Never a cookie: Chromium would
// also send a cookie to every other port of 127.0.0.1.
import { BRIDGE_GLOBAL, buildBridgeApi, type BridgeApi } from '../../shared/ipc/bridge'
import type { AppErrorData } from '../../shared/domain/errors'
import type { EventName } from '../../shared/ipc/contract'

const SECRET_HEADER = 'x-nodetray-secret'
// This tab's copy, so a reload keeps working: sessionStorage belongs to this origin (port included) and this tab,
// and, unlike a cookie, the browser never sends it anywhere.
const SESSION_KEY = 'nodetray.preview.secret'

function takeSecret(): string | null {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('secret')
  if (fromFragment) {
    history.replaceState(history.state, '', location.pathname + location.search)
    try {
      sessionStorage.setItem(SESSION_KEY, fromFragment)
    } catch {
      // Storage off: the secret lives in memory only, and a reload needs the printed URL again.
    }
    return fromFragment
  }
  try {
    return sessionStorage.getItem(SESSION_KEY)
  } catch {
    return null
  }
}

/**
 * What every call answers while this tab has no secret (opened without `#secret=`, e.g. in a new tab) or the host
 * refuses it (a secret from an earlier run): an error envelope in the bridge's own words, which the window shows
 * as they are (a NOT_AVAILABLE message is shown verbatim, the hint as what to do), instead of a transport failure
 * the window can only call "Something went wrong inside Nodetray".
 */
const OPEN_PRINTED_URL =
  'Open the address that `npm run preview:web` printed (the one ending in #secret=…) in this tab.'
export const NO_SECRET_ERROR: AppErrorData = {
  code: 'NOT_AVAILABLE',
  message: 'This tab has no preview secret, so it cannot reach the preview host.',
  hint: OPEN_PRINTED_URL
}
export const SECRET_REFUSED_ERROR: AppErrorData = {
  code: 'NOT_AVAILABLE',
  message: 'The preview host refused this tab’s secret; each run of the preview host has a new one.',
  hint: OPEN_PRINTED_URL
}

class SecretRefused extends Error {}

type Listener = (payload: unknown) => void

interface QueuedCall {
  channel: string
  input: unknown
  resolve(envelope: unknown): void
  reject(err: unknown): void
}

/** The page's `window.nodetray` over the preview host, sending `secret` (null: this tab has none). */
export function createPreviewApi(secret: string | null): BridgeApi {
  function headers(extra: Record<string, string> = {}): Record<string, string> {
    if (!secret) throw new Error(NO_SECRET_ERROR.message)
    return { [SECRET_HEADER]: secret, ...extra }
  }

  const listeners = new Map<EventName, Set<Listener>>()
  let streaming = false

  function dispatchFrame(frame: string): void {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\n')
    if (!data) return
    const { event, payload } = JSON.parse(data) as { event: EventName; payload: unknown }
    for (const l of listeners.get(event) ?? []) l(payload)
  }

  async function readEvents(): Promise<void> {
    const res = await fetch('/events', { headers: headers(), cache: 'no-store' })
    if (!res.ok || !res.body) throw new Error(`preview host answered ${res.status} for events`)
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffered = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffered += value
      let end: number
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        dispatchFrame(buffered.slice(0, end))
        buffered = buffered.slice(end + 2)
      }
    }
  }

  // Like EventSource: keep the stream open, reconnecting a second after it ends or fails.
  function ensureEvents(): void {
    if (streaming || !secret) return
    streaming = true
    const loop = (): void => {
      readEvents().then(
        () => setTimeout(loop, 1000),
        () => setTimeout(loop, 1000)
      )
    }
    loop()
  }

  let queue: QueuedCall[] = []

  async function post(path: string, body: unknown): Promise<unknown> {
    const res = await fetch(path, {
      method: 'POST',
      credentials: 'omit',
      headers: headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(body)
    })
    if (res.status === 403) throw new SecretRefused()
    // A body over the host's limit: /ipc/<channel> answers an error envelope that says so (the batch, plain text).
    if (res.status === 413 && path !== '/ipc/_batch') return res.json()
    if (!res.ok) throw new Error(`preview host answered ${res.status}`)
    return res.json()
  }

  /** A refused secret is an answer for the window (SECRET_REFUSED_ERROR); anything else fails the call as before. */
  const failed =
    (c: QueuedCall) =>
    (err: unknown): void => {
      if (err instanceof SecretRefused) c.resolve({ ok: false, error: SECRET_REFUSED_ERROR })
      else c.reject(err)
    }

  let started = false

  // The window's start (four calls in one tick) goes out as one request: on a busy machine each extra HTTP request
  // costs the page milliseconds that Electron's IPC does not. Only the start: later, a slow call (a credential
  // check, a create) must not hold up a quick one made in the same tick, so each goes alone.
  function flush(): void {
    const calls = queue
    queue = []
    const batch = !started && calls.length > 1
    started = true
    if (!batch) {
      for (const c of calls) post(`/ipc/${c.channel}`, c.input ?? {}).then(c.resolve, failed(c))
      return
    }
    post(
      '/ipc/_batch',
      calls.map((c) => ({ channel: c.channel, input: c.input ?? {} }))
    ).then(
      (envelopes) => calls.forEach((c, i) => c.resolve((envelopes as unknown[])[i])),
      (err: unknown) => calls.forEach((c) => failed(c)(err))
    )
  }

  return buildBridgeApi({
    invoke(channel, input) {
      // Nothing can work without the secret: say so, without a request the host would refuse anyway.
      if (!secret) return Promise.resolve({ ok: false, error: NO_SECRET_ERROR })
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
}

Object.defineProperty(window, BRIDGE_GLOBAL, {
  value: createPreviewApi(takeSecret()),
  writable: false,
  configurable: false
})
