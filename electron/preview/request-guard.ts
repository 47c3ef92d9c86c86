// The preview host is reachable by anything on this machine, so every request must prove where it comes from:
// our own Host (a DNS-rebinding page sends its own name), our own Origin when one is sent, and, for anything
// that acts (IPC, events, test hooks), the per-run secret in the x-nodetray-secret header. The secret is never
// read from a cookie: Chromium sends 127.0.0.1's cookies to every port of 127.0.0.1, so a cookie would hand it to
// any local server the browser is steered to.
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const SECRET_HEADER = 'x-nodetray-secret'
/** The printed URL carries the secret here (`#secret=…`): a fragment is never sent to any server. */
export const SECRET_FRAGMENT_KEY = 'secret'

export interface PreviewSender {
  host: string | undefined
  origin: string | undefined
  secret: string | undefined
  path: string
}

export function senderOf(req: IncomingMessage): PreviewSender {
  const header = req.headers[SECRET_HEADER]
  return {
    host: req.headers.host,
    origin: req.headers.origin,
    secret: typeof header === 'string' ? header : undefined,
    path: pathOf(req.url)
  }
}

/** The path as the router sees it (dot segments resolved), so the guard and the router never disagree. */
export function pathOf(rawUrl: string | undefined): string {
  try {
    return new URL(rawUrl ?? '/', 'http://preview.invalid').pathname
  } catch {
    return '/'
  }
}

export function secretsEqual(a: string | undefined, b: string): boolean {
  if (!a) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The registry's sender check for IPC: Host, Origin (when sent) and the secret header. */
export function createPreviewSenderCheck(expected: { origin: () => string; secret: string }) {
  return (s: PreviewSender): boolean => {
    const origin = expected.origin()
    if (s.host !== new URL(origin).host) return false
    if (s.origin !== undefined && s.origin !== origin) return false
    return secretsEqual(s.secret, expected.secret)
  }
}

export type PreviewRoute = 'ipc' | 'events' | 'test-hook' | 'static'

export type GuardVerdict = { ok: true; route: PreviewRoute } | { ok: false; status: 403 | 404 | 405; message: string }

export interface GuardExpect {
  /** `http://127.0.0.1:<port>` */
  origin: string
  secret: string
  testHooks: boolean
}

export function isTestHookPath(path: string): boolean {
  return path === '/__test' || path.startsWith('/__test/')
}

export function routeOf(path: string, testHooks: boolean): PreviewRoute {
  if (path.startsWith('/ipc/')) return 'ipc'
  if (path === '/events') return 'events'
  if (testHooks && path.startsWith('/__test/')) return 'test-hook'
  return 'static'
}

const METHOD: Record<PreviewRoute, string> = { ipc: 'POST', events: 'GET', 'test-hook': 'POST', static: 'GET' }

/**
 * Decides a request before any of it is read. Static files (the built renderer and the bridge) hold no secret, so
 * a navigation, which cannot carry a header, loads them with the right Host alone; everything else needs the
 * secret header.
 */
export function guardRequest(s: PreviewSender & { method: string | undefined }, expected: GuardExpect): GuardVerdict {
  if (s.host !== new URL(expected.origin).host) return { ok: false, status: 403, message: 'forbidden: wrong Host' }
  if (s.origin !== undefined && s.origin !== expected.origin)
    return { ok: false, status: 403, message: 'forbidden: wrong Origin' }
  // Without --test-hooks there are no hooks at all: every method on /__test/* is a missing page, never a 405 that
  // hints something is there.
  if (!expected.testHooks && isTestHookPath(s.path)) return { ok: false, status: 404, message: 'not found' }
  const route = routeOf(s.path, expected.testHooks)
  if (route !== 'static' && !secretsEqual(s.secret, expected.secret))
    return { ok: false, status: 403, message: `forbidden: missing or wrong ${SECRET_HEADER} header` }
  if (s.method !== METHOD[route]) return { ok: false, status: 405, message: `method not allowed: use ${METHOD[route]}` }
  return { ok: true, route }
}
