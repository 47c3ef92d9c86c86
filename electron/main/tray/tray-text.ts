// Words the tray shows: counts, ages and pending-action labels. Kept apart from the menu shape so both the
// model and its tests read them from one place.
import type { StaleReason } from '../../../shared/domain/errors'
import { openCreateText, type PendingCreate } from '../../../shared/domain/node-state'

export interface StatusCounts {
  running: number
  changing: number
  off: number
  failed: number
  unknown: number
}

/** "12 running · 2 changing · 3 off · 1 failed"; zero counts are left out so the line stays short. */
export function summaryText(c: StatusCounts): string {
  const parts: string[] = []
  if (c.running) parts.push(`${c.running} running`)
  if (c.changing) parts.push(`${c.changing} changing`)
  if (c.off) parts.push(`${c.off} off`)
  if (c.failed) parts.push(`${c.failed} failed`)
  if (c.unknown) parts.push(`${c.unknown} unknown`)
  return parts.length ? parts.join(' · ') : 'No nodes'
}

/** "just now", "2 min ago", "3 h ago", "4 d ago": minute precision, because the menu is rebuilt about once a minute. */
export function ageText(fetchedAtIso: string, now: number): string {
  const ms = Math.max(0, now - Date.parse(fetchedAtIso))
  const min = Math.floor(ms / 60_000)
  if (min < 1) return 'just now'
  if (min < 60) return `${min} min ago`
  const h = Math.floor(min / 60)
  if (h < 24) return `${h} h ago`
  return `${Math.floor(h / 24)} d ago`
}

/** The line under a profile's name: how old its data is, and why when it is stale. */
export function freshnessText(
  data: { fetchedAt: string | null; refreshing: boolean; error: { reason: StaleReason } | null } | undefined,
  now: number
): string {
  if (!data) return 'not loaded yet'
  const seen = data.fetchedAt ? `last seen ${ageText(data.fetchedAt, now)}` : 'never loaded'
  const updated = data.fetchedAt
    ? `updated ${ageText(data.fetchedAt, now)}`
    : data.refreshing
      ? 'loading…'
      : 'not loaded yet'
  switch (data.error?.reason) {
    case undefined:
      return updated
    case 'auth':
      return 'credentials rejected'
    case 'rate_limited':
      return data.fetchedAt ? `rate limited · ${updated}` : 'rate limited'
    case 'offline':
      return `offline · ${seen}`
    case 'timeout':
      return `not answering · ${seen}`
    case 'server':
      return `server error · ${seen}`
    case 'invalid_reply':
      return `unreadable reply · ${seen}`
    case 'other':
      return `refresh failed · ${seen}`
  }
}

/** A create still open: in flight ("web-01 · Creating…"), or its outcome being checked, with the time left. */
export function createText(c: PendingCreate, now: number): string | null {
  const text = openCreateText(c, now)
  return text === null ? null : `◐ ${text}`
}
