import { describe, expect, it } from 'vitest'
import type { ProfileNodes } from '../../../shared/domain/node-state'
import { DomainError } from '../errors'
import { HOUR_MS } from '../poller/request-counter'
import { engineHarness, FakeApi, profileView, summary } from '../../../tests/support/engine-fakes'

const offline = () => new DomainError('NETWORK', 'Could not reach E2E', { retryable: true })
const cachedAt = '2026-02-01T10:00:00.000Z'

describe('nodes service: lists, last-known and polling', () => {
  it('shows every profile’s last-known list at once (source cache), then the live one, and saves it', async () => {
    const api = new FakeApi([summary(1), summary(2, 'OFF')])
    api.fail = offline() // hold the live list back
    const h = engineHarness(
      { a: api, b: new FakeApi() },
      { cached: { a: { nodes: [summary(1, 'OFF')], fetchedAt: cachedAt } } }
    )
    const seen: ProfileNodes[] = []
    h.service.onChanged((s) => seen.push(s))
    await h.service.start()
    const firstA = seen.find((s) => s.profileId === 'a')
    expect(firstA).toMatchObject({ source: 'cache', fetchedAt: cachedAt, nodes: [{ id: 1, status: 'OFF' }] })
    expect(h.state('b').source).toBe('none')

    await h.clock.advance(1)
    // offline: the cached list stays, with the reason
    expect(h.state('a')).toMatchObject({ source: 'cache', fetchedAt: cachedAt, nodes: [{ id: 1, status: 'OFF' }] })
    expect(h.state('a').error).toMatchObject({ code: 'NETWORK', reason: 'offline' })

    api.fail = null
    await h.service.refresh('a')
    const live = h.state('a')
    expect(live).toMatchObject({ source: 'live', error: null, refreshing: false })
    expect(live.nodes.map((n) => [n.id, n.status])).toEqual([
      [1, 'RUNNING'],
      [2, 'OFF']
    ])
    expect(h.saved.get('a')).toEqual({ nodes: live.nodes, fetchedAt: live.fetchedAt })
    await h.service.stop()
  })

  it('stamps every state it sends with a higher rev across profiles, and a snapshot with the last one sent', async () => {
    const h = engineHarness({ a: new FakeApi([summary(1)]), b: new FakeApi([summary(2)]) })
    const seen: ProfileNodes[] = []
    h.service.onChanged((s) => seen.push(s))
    await h.service.start()
    await h.clock.advance(1)
    const revs = seen.map((s) => s.rev ?? 0)
    expect(revs.length).toBeGreaterThan(2)
    // One counter for all profiles, only ever up: a window can tell an older state from a newer one.
    expect(revs).toEqual([...revs].sort((x, y) => x - y))
    expect(new Set(revs).size).toBe(revs.length)
    for (const id of ['a', 'b']) {
      const last = seen.filter((s) => s.profileId === id).at(-1)
      expect(h.service.snapshot().find((s) => s.profileId === id)?.rev).toBe(last?.rev)
    }
    await h.service.stop()
  })

  it('keeps the last list on errors and names the reason: rate limited, credentials rejected', async () => {
    const api = new FakeApi([summary(1)])
    const h = engineHarness({ a: api })
    await h.service.start()
    await h.clock.advance(1)
    expect(h.state('a').source).toBe('live')
    api.fail = new DomainError('RATE_LIMITED', 'Too many requests', { status: 429, retryAfterMs: 45_000 })
    await h.service.refresh('a')
    expect(h.state('a')).toMatchObject({
      source: 'live',
      nodes: [{ id: 1 }],
      error: { code: 'RATE_LIMITED', reason: 'rate_limited' }
    })
    api.fail = new DomainError('AUTH', 'E2E rejected the API key or token', { status: 401 })
    await h.service.refresh('a')
    expect(h.state('a').error).toMatchObject({ code: 'AUTH', reason: 'auth' })
    expect(h.state('a').nodes).toHaveLength(1)
    await h.service.stop()
  })

  it('refresh(unknown) throws NOT_FOUND; refresh() of all counts the profiles', async () => {
    const h = engineHarness({ a: new FakeApi(), b: new FakeApi() })
    await h.service.start()
    await expect(h.service.refresh('nope')).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } })
    expect(await h.service.refresh()).toBe(2)
    await h.service.stop()
  })

  it('does not emit when nothing changed', async () => {
    const h = engineHarness({ a: new FakeApi([summary(1)]) })
    await h.service.start()
    await h.clock.advance(1)
    const seen: ProfileNodes[] = []
    h.service.onChanged((s) => seen.push(s))
    h.service.setPaused(false) // already unpaused
    h.service.poke() // too soon after the first poll
    expect(seen).toEqual([])
    await h.service.stop()
  })

  it('polls a steady profile at most 60 times an hour and counts the requests it sent', async () => {
    const api = new FakeApi([summary(1), summary(2, 'OFF')])
    const h = engineHarness({ a: api })
    await h.service.start()
    await h.clock.advance(HOUR_MS - 1)
    console.log(
      `[nodes] steady profile @60s over a simulated hour (fake client): ${api.calls.listNodes} list calls, requestsLastHour=${h.state('a').polling.requestsLastHour}`
    )
    expect(api.calls.listNodes).toBe(60)
    expect(h.state('a').polling).toMatchObject({ intervalMs: 60_000, paused: false, requestsLastHour: 60 })
    await h.service.stop()
  })

  it('polls every 5 s while a node is transitional, and not at all while suspended', async () => {
    const api = new FakeApi([summary(1, 'CREATING')])
    const h = engineHarness({ a: api })
    await h.service.start()
    await h.clock.advance(60_000 - 1)
    expect(api.calls.listNodes).toBe(12)
    expect(h.state('a').polling.intervalMs).toBe(5_000)
    api.set(1, { status: 'RUNNING' })
    await h.clock.advance(5 * 60_000)
    const fastThenSteady = api.calls.listNodes
    expect(fastThenSteady).toBeLessThanOrEqual(12 + 1 + 5)
    expect(h.state('a').polling.intervalMs).toBe(60_000)

    h.service.setSuspended(true)
    expect(h.state('a').polling).toMatchObject({ paused: true, nextPollAt: null })
    await h.clock.advance(HOUR_MS)
    h.service.poke()
    await h.service.refresh('a')
    expect(api.calls.listNodes).toBe(fastThenSteady)
    h.service.setSuspended(false)
    await h.clock.advance(0)
    expect(api.calls.listNodes).toBe(fastThenSteady + 1)
    await h.service.stop()
  })

  it('adds and drops profiles at runtime and rebuilds a client when the profile changes', async () => {
    const a = new FakeApi([summary(1)])
    const b = new FakeApi([summary(7)])
    const h = engineHarness({ a, b })
    h.setProfiles([profileView('a')])
    await h.service.start()
    await h.clock.advance(1)
    expect(h.service.snapshot().map((s) => s.profileId)).toEqual(['a'])
    h.setProfiles([profileView('a'), profileView('b')])
    await h.clock.advance(1)
    expect(h.state('b').nodes.map((n) => n.id)).toEqual([7])
    h.setProfiles([profileView('b')])
    await h.clock.advance(HOUR_MS)
    expect(h.service.snapshot().map((s) => s.profileId)).toEqual(['b'])
    const aCalls = a.calls.listNodes
    await h.clock.advance(HOUR_MS)
    expect(a.calls.listNodes).toBe(aCalls)

    const built = h.clientsBuilt.filter((x) => x === 'b').length
    h.setProfiles([profileView('b', { projectId: '999' })])
    await h.clock.advance(1)
    expect(h.clientsBuilt.filter((x) => x === 'b').length).toBe(built + 1)
    expect(h.state('b')).toMatchObject({ source: 'live', nodes: [{ id: 7 }] })
    await h.service.stop()
  })

  it('backs off after errors and recovers', async () => {
    const api = new FakeApi([summary(1)])
    api.fail = offline()
    const h = engineHarness({ a: api })
    await h.service.start()
    await h.clock.advance(5 * 60_000)
    // 0, 5, 15, 35, 75, 155 s (backoff 5·2^n), then 315 s is past the window
    expect(api.calls.listNodes).toBe(6)
    api.fail = null
    await h.clock.advance(10 * 60_000)
    expect(h.state('a')).toMatchObject({ source: 'live', error: null })
    await h.service.stop()
  })
})
