// The preview host is reachable by anything on this machine, so every request must prove it comes from the
// page we served: the per-run secret (cookie or header), our own Host, and our own Origin when one is sent.
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const SECRET_COOKIE = 'nodetray_preview'
export const SECRET_HEADER = 'x-nodetray-secret'

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
    secret: (typeof header === 'string' ? header : undefined) ?? readCookie(req.headers.cookie, SECRET_COOKIE),
    path: (req.url ?? '').split('?')[0] ?? ''
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return undefined
}

export function secretsEqual(a: string | undefined, b: string): boolean {
  if (!a) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function createPreviewSenderCheck(expected: { origin: () => string; secret: string }) {
  return (s: PreviewSender): boolean => {
    const origin = expected.origin()
    if (s.host !== new URL(origin).host) return false
    if (s.origin !== undefined && s.origin !== origin) return false
    return secretsEqual(s.secret, expected.secret)
  }
}
