// Many profiles: steady polling spreads them over the interval; nobody polls more often than its interval.
import { describe, expect, it } from 'vitest'
import { FakeClock } from '../../../tests/support/fake-clock'
import { createPoller, FAST_INTERVAL_MS, type Poller } from './poller'
import { HOUR_MS } from './request-counter'

const MIN = 60_000

function profiles(n: number, interval: () => number = () => MIN, durationMs = 300) {
  const clock = new FakeClock()
  const t0 = clock.now()
  const starts: { profile: number; at: number }[] = []
  const pollers: Poller[] = Array.from({ length: n }, (_, profile) =>
    createPoller({
      clock,
      intervalMs: interval,
      run: async () => {
        starts.push({ profile, at: clock.now() - t0 })
        await new Promise<void>((r) => clock.setTimeout(r, durationMs))
        return { ok: true }
      }
    })
  )
  return { clock, pollers, starts }
}

/** Smallest distance between two different profiles' runs, among runs at or after `from`. */
function closest(starts: { profile: number; at: number }[], from: number): number {
  const later = starts.filter((s) => s.at >= from).sort((a, b) => a.at - b.at)
  let best = Infinity
  for (let i = 1; i < later.length; i++) best = Math.min(best, later[i]!.at - later[i - 1]!.at)
  return best
}

const maxPerHour = (times: number[]): number =>
  Math.max(...times.map((from) => times.filter((t) => t >= from && t < from + HOUR_MS).length))

describe('many profiles', () => {
  it('refresh together at start, then spread over the steady interval', async () => {
    const p = profiles(10)
    for (const poller of p.pollers) poller.start()
    await p.clock.advance(2 * HOUR_MS)
    expect(p.starts.filter((s) => s.at === 0)).toHaveLength(10)
    const spacing = closest(p.starts, MIN)
    console.log(`[poller] 10 profiles @60s: closest two profiles' runs after the first minute ${spacing} ms apart`)
    expect(spacing).toBeGreaterThanOrEqual(0.9 * (MIN / 10) - 1_000)
  })

  it('each profile still polls at most once per interval: ≤ 60 list refreshes per hour', async () => {
    const p = profiles(10)
    for (const poller of p.pollers) poller.start()
    await p.clock.advance(3 * HOUR_MS)
    for (let profile = 0; profile < 10; profile++) {
      const times = p.starts.filter((s) => s.profile === profile).map((s) => s.at)
      expect(maxPerHour(times)).toBeLessThanOrEqual(60)
      expect(times.filter((t) => t >= HOUR_MS && t < 2 * HOUR_MS).length).toBeGreaterThanOrEqual(55)
    }
  })

  it('fast polling (a node is moving) is never delayed for the others', async () => {
    const p = profiles(10, () => FAST_INTERVAL_MS, 0)
    for (const poller of p.pollers) poller.start()
    await p.clock.advance(MIN)
    const first = p.starts.filter((s) => s.profile === 0).map((s) => s.at)
    expect(first.slice(0, 4)).toEqual([0, 5_000, 10_000, 15_000])
  })

  it('a stopped profile no longer holds a slot', async () => {
    const p = profiles(2)
    for (const poller of p.pollers) poller.start()
    p.pollers[1]!.stop()
    await p.clock.advance(5 * MIN)
    const zero = p.starts.filter((s) => s.profile === 0).map((s) => s.at)
    expect(zero.slice(0, 3)).toEqual([0, MIN + 300, 2 * MIN + 600])
  })
})
