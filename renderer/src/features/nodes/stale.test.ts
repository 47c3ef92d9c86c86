import { describe, expect, it } from 'vitest'
import { makeProfileNodes } from '../../../../tests/support/builders'
import { staleNotice } from './stale'

const now = Date.parse('2026-02-01T12:00:00Z')
const fetchedAt = '2026-02-01T11:57:00Z'

describe('stale banner text', () => {
  it('says nothing for a live list without errors', () => {
    expect(staleNotice(makeProfileNodes({ fetchedAt }), 'Prod', now)).toBeNull()
  })
  it('gives the cache age when showing the last-known list', () => {
    expect(staleNotice(makeProfileNodes({ fetchedAt, source: 'cache' }), 'Prod', now)?.text).toBe(
      'Prod: Showing the list from 3 min ago. It will refresh on the next poll.'
    )
  })
  it('explains offline with the age', () => {
    const n = staleNotice(
      makeProfileNodes({ fetchedAt, source: 'cache', error: { code: 'NETWORK', message: 'x', reason: 'offline' } }),
      'Prod',
      now
    )
    expect(n?.kind).toBe('warn')
    expect(n?.text).toContain('offline')
    expect(n?.text).toContain('3 min ago')
  })
  it('gives the rate-limit wait from the next poll time', () => {
    const n = staleNotice(
      makeProfileNodes({
        fetchedAt,
        error: { code: 'RATE_LIMITED', message: 'x', reason: 'rate_limited', retryAfterMs: 30_000 },
        polling: { paused: false, intervalMs: 60_000, nextPollAt: '2026-02-01T12:02:00Z', requestsLastHour: 40 }
      }),
      'Prod',
      now
    )
    expect(n?.text).toContain('rate limited')
    expect(n?.text).toContain('waiting 2 min')
  })
  it('falls back to retryAfterMs when no poll is scheduled', () => {
    const n = staleNotice(
      makeProfileNodes({
        fetchedAt,
        error: { code: 'RATE_LIMITED', message: 'x', reason: 'rate_limited', retryAfterMs: 45_000 }
      }),
      'Prod',
      now
    )
    expect(n?.text).toContain('waiting 45 s')
  })
  it('tells the user to fix rejected credentials', () => {
    const n = staleNotice(
      makeProfileNodes({ fetchedAt, error: { code: 'AUTH', message: 'x', reason: 'auth' } }),
      'Prod',
      now
    )
    expect(n?.kind).toBe('error')
    expect(n?.text).toContain('rejected')
    expect(n?.text).toContain('Profiles')
  })
  it('never sends a demo sandbox profile to update credentials it does not have', () => {
    const n = staleNotice(
      makeProfileNodes({ fetchedAt, error: { code: 'AUTH', message: 'x', reason: 'auth' } }),
      'Demo · shop (Delhi)',
      now,
      true
    )
    expect(n?.text).toContain('Restart Nodetray to start a fresh demo')
    expect(n?.text).not.toMatch(/credentials|Profiles/)
  })
  it('uses the message for other reasons', () => {
    const n = staleNotice(
      makeProfileNodes({ fetchedAt: null, error: { code: 'STORAGE', message: 'Disk full.', reason: 'other' } }),
      'Prod',
      now
    )
    expect(n?.text).toBe('Prod: Disk full. No list has been fetched yet.')
  })
})
