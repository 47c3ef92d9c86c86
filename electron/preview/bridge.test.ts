// @vitest-environment jsdom
// The preview bridge in a page: the secret moves from the fragment into memory and this tab's storage, leaves the
// address bar, and goes out as a header on every call; events arrive over a fetch stream, frames split anyhow.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { BridgeApi } from '../../shared/ipc/bridge'
import { asAppError, unwrap } from '../../renderer/src/lib/ipc'
import { plainErrorText } from '../../renderer/src/lib/plain-error'

const SECRET = 'c0ffee'.repeat(8)
const encoder = new TextEncoder()
let pushEvent: (text: string) => void = () => undefined
const calls: { url: string; headers: Record<string, string>; body?: string }[] = []

function fakeFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = String(input)
  calls.push({
    url,
    headers: { ...(init.headers as Record<string, string>) },
    ...(init.body ? { body: String(init.body) } : {})
  })
  if (url === '/events') {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        pushEvent = (text) => controller.enqueue(encoder.encode(text))
        controller.enqueue(encoder.encode(': connected\n\n'))
      }
    })
    return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }))
  }
  return Promise.resolve(Response.json({ ok: true, value: { echoed: url } }))
}

let api: BridgeApi
beforeAll(async () => {
  history.replaceState(null, '', `/?view=nodes#secret=${SECRET}`)
  vi.stubGlobal('fetch', vi.fn(fakeFetch))
  await import('./bridge')
  api = (window as unknown as { nodetray: BridgeApi }).nodetray
})
afterAll(() => vi.unstubAllGlobals())

describe('preview bridge', () => {
  it('takes the secret out of the address bar and keeps it for this tab only, never in a cookie', () => {
    expect(location.hash).toBe('')
    expect(location.href).not.toContain(SECRET)
    expect(location.search).toBe('?view=nodes')
    expect(sessionStorage.getItem('nodetray.preview.secret')).toBe(SECRET)
    expect(document.cookie).toBe('')
  })

  it('sends the secret as a header on every call', async () => {
    await api.app.info({})
    await api.settings.get({})
    const ipc = calls.filter((c) => c.url.startsWith('/ipc/'))
    expect(ipc.length).toBeGreaterThan(0)
    for (const c of ipc) expect(c.headers['x-nodetray-secret']).toBe(SECRET)
  })

  it('reads events from the fetch stream with the header, however the frames are split', async () => {
    const seen: unknown[] = []
    api.events.on('nodes:changed', (p) => seen.push(p))
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/events')).toBe(true))
    expect(calls.find((c) => c.url === '/events')?.headers['x-nodetray-secret']).toBe(SECRET)
    pushEvent('data: {"event":"nodes:changed","pay')
    pushEvent('load":{"n":1}}\n')
    pushEvent(
      '\ndata: {"event":"nodes:changed","payload":{"n":2}}\n\ndata: {"event":"settings:changed","payload":{}}\n\n'
    )
    await vi.waitFor(() => expect(seen).toEqual([{ n: 1 }, { n: 2 }]))
  })
})

// Outside tester: the preview page opened in a new tab (no #secret=) showed "Something went wrong inside Nodetray".
describe('preview bridge without the secret', () => {
  it('answers every call with its own words, which the window shows as they are, and sends nothing', async () => {
    const { createPreviewApi, NO_SECRET_ERROR } = await import('./bridge')
    const before = calls.length
    const bare = createPreviewApi(null)
    const envelope = await bare.app.info({})
    expect(envelope).toEqual({ ok: false, error: NO_SECRET_ERROR })
    expect(calls.length).toBe(before)
    // What the window's error banner says (ErrorText → plainError), through the renderer's own unwrap.
    const shown = await unwrap(bare.profiles.list({})).catch((e: unknown) => plainErrorText(asAppError(e)))
    expect(shown).toBe(
      'This tab has no preview secret, so it cannot reach the preview host. ' +
        'Open the address that `npm run preview:web` printed (the one ending in #secret=…) in this tab.'
    )
    expect(shown).not.toMatch(/Something went wrong/)
  })

  it('a secret the host refuses (an earlier run’s) is said to be so, not a generic failure', async () => {
    const { createPreviewApi } = await import('./bridge')
    vi.mocked(fetch).mockImplementationOnce(() => Promise.resolve(new Response('forbidden', { status: 403 })))
    const stale = createPreviewApi('0'.repeat(48))
    const shown = await unwrap(stale.settings.get({})).catch((e: unknown) => plainErrorText(asAppError(e)))
    expect(shown).toMatch(/^The preview host refused this tab’s secret.* Open the address that `npm run preview:web`/)
  })
})

describe('preview bridge, a body over the host’s limit', () => {
  it('hands the window the host’s 413 envelope for /ipc/<channel>, not a transport failure', async () => {
    const { createPreviewApi } = await import('./bridge')
    const tooLarge = { ok: false, error: { code: 'VALIDATION', message: 'The request body is larger than 1 MiB.' } }
    vi.mocked(fetch).mockImplementationOnce(() => Promise.resolve(Response.json(tooLarge, { status: 413 })))
    const api2 = createPreviewApi(SECRET)
    expect(await api2.settings.get({})).toEqual(tooLarge)
  })
})
