// Request log for assertions ("POST nodes/ was sent exactly once"). It never holds a raw api key or token.
import type { RequestFilter, RequestLogEntry } from './types'

const MAX_ENTRIES = 50_000

/** 'nodes/{id}/actions/' or 'nodes/*' → regex on one path segment per placeholder */
export function pathPattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]*\}|\*/g, '[^/]+')
  return new RegExp(`^${escaped}$`)
}

export function redactQuery(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of query) out[k] = k.toLowerCase() === 'apikey' ? '***' : v
  return out
}

export const accountHint = (apiKey: string): string => `…${apiKey.slice(-4)}`

export class RequestLog {
  private entries: RequestLogEntry[] = []
  private seq = 0

  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { seq: ++this.seq, ...entry }
    this.entries.push(full)
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES)
    return full
  }

  list(filter: RequestFilter = {}): RequestLogEntry[] {
    const re = filter.path === undefined ? null : pathPattern(filter.path)
    const method = filter.method?.toUpperCase()
    return this.entries
      .filter(
        (e) =>
          (method === undefined || e.method === method) &&
          (re === null || re.test(e.route) || re.test(e.path)) &&
          (filter.status === undefined || e.status === filter.status) &&
          (filter.fault === undefined || e.fault === filter.fault) &&
          (filter.sinceSeq === undefined || e.seq > filter.sinceSeq)
      )
      .map((e) => ({ ...e, query: { ...e.query } }))
  }

  count(filter: RequestFilter): number {
    return this.list(filter).length
  }

  clear(): void {
    this.entries = []
  }
}
