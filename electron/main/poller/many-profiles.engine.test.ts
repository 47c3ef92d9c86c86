// Ten profiles through the whole node engine (its pollers, one shared clock, the steady interval from settings):
// they refresh together at start, then steady polling spreads them over the interval, and no profile sends more
// than 60 `GET nodes/` list requests in any hour. (spread.test.ts proves the same of bare pollers; this proves the
// engine wires them into one group.) With the fake client one list is one request; a real list of N pages is N.
import { describe, expect, it } from 'vitest'
import { engineHarness, FakeApi, summary } from '../../../tests/support/engine-fakes'
import { HOUR_MS } from './request-counter'

const MIN = 60_000
const PROFILES = 10

function tenProfiles() {
  const apis: Record<string, FakeApi> = {}
  for (let i = 0; i < PROFILES; i++) apis[`p${i}`] = new FakeApi([summary(1), summary(2, 'OFF')])
  const sent: { profile: string; at: number }[] = []
  const h = engineHarness(apis, {
    createClient: (target, options) => {
      const profile = target.apiKey.replace(/^key-/, '')
      return apis[profile]!.client({
        ...options,
        onRequest: (r) => {
          if (r.method === 'GET' && r.path === 'nodes/') sent.push({ profile, at: h.clock.now() - t0 })
          options?.onRequest?.(r)
        }
      })
    }
  })
  const t0 = h.clock.now()
  return { h, sent }
}

const maxInAnyHour = (times: number[]): number =>
  Math.max(...times.map((from) => times.filter((t) => t >= from && t < from + HOUR_MS).length))

describe('ten profiles in the engine', () => {
  it('refresh together at start, then spread over the steady interval', async () => {
    const { h, sent } = tenProfiles()
    await h.service.start()
    await h.clock.advance(2 * HOUR_MS)
    await h.service.stop()
    expect(new Set(sent.filter((s) => s.at === 0).map((s) => s.profile)).size).toBe(PROFILES)
    // After the first interval, no two profiles' lists are closer than ~interval / profiles (6 s at 60 s).
    const later = sent.filter((s) => s.at >= MIN).sort((a, b) => a.at - b.at)
    let closest = Infinity
    for (let i = 1; i < later.length; i++) closest = Math.min(closest, later[i]!.at - later[i - 1]!.at)
    console.log(
      `[engine] ${PROFILES} profiles @60s: closest two list requests after the first minute ${closest} ms apart`
    )
    expect(closest).toBeGreaterThanOrEqual(0.9 * (MIN / PROFILES) - 1_000)
  })

  it('each profile sends at most 60 GET nodes/ in any hour, and keeps polling', async () => {
    const { h, sent } = tenProfiles()
    await h.service.start()
    await h.clock.advance(3 * HOUR_MS)
    for (let i = 0; i < PROFILES; i++) {
      const times = sent.filter((s) => s.profile === `p${i}`).map((s) => s.at)
      expect(maxInAnyHour(times)).toBeLessThanOrEqual(60)
      expect(times.filter((t) => t >= HOUR_MS && t < 2 * HOUR_MS).length).toBeGreaterThanOrEqual(55)
      expect(h.state(`p${i}`).polling.requestsLastHour).toBeLessThanOrEqual(60)
    }
    await h.service.stop()
  })
})
