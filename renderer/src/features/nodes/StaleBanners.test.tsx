import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile, makeProfileNodes } from '../../../../tests/support/builders'
import { StaleBanners } from './StaleBanners'

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString()
const demo = (id: string, name: string) => makeProfile({ id, name, isDemo: true })
const rejected = (profileId: string, fetchedMinutesAgo: number) =>
  makeProfileNodes({
    profileId,
    fetchedAt: minutesAgo(fetchedMinutesAgo),
    source: 'cache',
    error: { code: 'AUTH', message: 'E2E rejected the API key or token (401).', reason: 'auth' }
  })

describe('stale banners', () => {
  it('profiles with the same problem share one banner even when their lists are of different ages; it gives the oldest', () => {
    const profiles = { a: demo('a', 'Demo · one'), b: demo('b', 'Demo · two'), c: demo('c', 'Demo · three') }
    render(<StaleBanners states={[rejected('a', 1), rejected('b', 2), rejected('c', 1)]} profiles={profiles} />)
    const banners = screen.getAllByTestId('stale-banner')
    expect(banners).toHaveLength(1)
    expect(banners[0]).toHaveTextContent(/^All 3 profiles: the demo sandbox's simulated account stopped accepting/)
    expect(banners[0]).toHaveTextContent('Showing the list from 2 min ago.')
  })

  it('different problems keep their own banners', () => {
    const profiles = { a: demo('a', 'Demo · one'), b: makeProfile({ id: 'b', name: 'Prod' }) }
    const offline = makeProfileNodes({
      profileId: 'b',
      fetchedAt: minutesAgo(3),
      source: 'cache',
      error: { code: 'NETWORK', message: 'Cannot reach the E2E API', reason: 'offline' }
    })
    render(<StaleBanners states={[rejected('a', 1), offline]} profiles={profiles} />)
    expect(screen.getAllByTestId('stale-banner').map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^Demo · one: the demo sandbox/),
      expect.stringMatching(/^Prod: offline — .*Showing the list from 3 min ago/)
    ])
  })
})
