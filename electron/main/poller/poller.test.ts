import { describe, expect, it } from 'vitest'
import { FakeClock } from '../../../tests/support/fake-clock'
import { backoffMs, createPoller, type RunResult } from './poller'
import { HOUR_MS, RequestCounter } from './request-counter'

const MIN = 60_000

function harness(opts: { interval?: () => number; result?: () => RunResult; durationMs?: number } = {}) {
  const clock = new FakeClock()
  const starts: number[] = []
  let running = 0
  let maxRunning = 0
  const poller = createPoller({
    clock,
    intervalMs: opts.interval ?? (() => MIN),
    run: async () => {
      starts.push(clock.now())
      running++
      maxRunning = Math.max(maxRunning, running)
      if (opts.durationMs) await new Promise<void>((r) => clock.setTimeout(r, opts.durationMs ?? 0))
      running--
      return opts.result ? opts.result() : { ok: true }
    }
  })
  const t0 = clock.now()
  const gaps = () => starts.slice(1).map((s, i) => s - (starts[i] ?? 0))
  const rel = () => starts.map((s) => s - t0)
  return { clock, poller, starts, gaps, rel, maxRunning: () => maxRunning }
}

/** The most runs inside any one-hour window. */
function maxPerHour(starts: number[]): number {
  let best = 0
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i] ?? 0
    best = Math.max(best, starts.filter((s) => s >= from && s < from + HOUR_MS).length)
  }
  return best
}

describe('poller', () => {
  it('polls a steady profile every 60 s: 60 runs in a simulated hour', async () => {
    const h = harness()
    h.poller.start()
    await h.clock.advance(2 * HOUR_MS)
    const firstHour = h.rel().filter((t) => t < HOUR_MS).length
    console.log(
      `[poller] steady profile @60s: ${firstHour} runs in the first simulated hour, max ${maxPerHour(h.starts)} in any hour`
    )
    expect(firstHour).toBe(60)
    expect(maxPerHour(h.starts)).toBeLessThanOrEqual(60)
    expect(new Set(h.gaps())).toEqual(new Set([MIN]))
  })

  it('polls every 5 s only while something is transitional, then falls back to the steady cadence', async () => {
    let moving = true
    const h = harness({ interval: () => (moving ? 5_000 : MIN) })
    h.poller.start()
    await h.clock.advance(2 * MIN - 1)
    expect(h.starts.length).toBe(24) // 0, 5, ... 115 s
    moving = false
    h.poller.reschedule()
    const before = h.starts.length
    await h.clock.advance(HOUR_MS - 2 * MIN)
    const after = h.starts.length - before
    console.log(
      `[poller] 2 min transitional then steady: ${h.starts.length} runs in the hour (${before} fast, ${after} steady)`
    )
    expect(after).toBeLessThanOrEqual(58)
    expect(h.gaps().slice(before - 1)).toEqual(Array(after).fill(MIN))
  })

  it('sends nothing while suspended and refreshes at once on resume', async () => {
    const h = harness()
    h.poller.start()
    await h.clock.advance(1)
    expect(h.starts.length).toBe(1)
    h.poller.setSuspended(true)
    h.poller.poke()
    await h.poller.runNow()
    await h.clock.advance(HOUR_MS)
    expect(h.starts.length).toBe(1)
    expect(h.poller.nextAt).toBeNull()
    h.poller.setSuspended(false)
    await h.clock.advance(0)
    expect(h.rel()).toEqual([0, HOUR_MS + 1])
  })

  it('a user pause stops timed runs and pokes, but an explicit refresh still runs; unpause refreshes', async () => {
    const h = harness()
    h.poller.start()
    await h.clock.advance(1)
    h.poller.setPaused(true)
    await h.clock.advance(10 * MIN)
    h.poller.poke()
    await h.clock.advance(1)
    expect(h.starts.length).toBe(1)
    await h.poller.runNow()
    expect(h.starts.length).toBe(2)
    h.poller.setPaused(false)
    await h.clock.advance(0)
    expect(h.starts.length).toBe(3)
  })

  it('backs off 5 s · 2^n after consecutive errors, capped at 10 min, and recovers', async () => {
    let failing = true
    const h = harness({ result: () => (failing ? { ok: false, error: { code: 'NETWORK' } } : { ok: true }) })
    h.poller.start()
    await h.clock.advance(40 * MIN)
    const gaps = h.gaps()
    expect(gaps.slice(0, 9)).toEqual([5, 10, 20, 40, 80, 160, 320, 600, 600].map((s) => s * 1000))
    expect(Math.max(...gaps)).toBe(10 * MIN)
    failing = false
    await h.clock.advance(10 * MIN)
    const n = h.starts.length
    await h.clock.advance(5 * MIN)
    expect(h.gaps().slice(n - 1)).toEqual(Array(5).fill(MIN))
    expect(backoffMs(1)).toBe(5_000)
    expect(backoffMs(50)).toBe(10 * MIN)
  })

  it('waits at least 30 s after a 429, longer when the API says so', async () => {
    const results: RunResult[] = [
      { ok: false, error: { code: 'RATE_LIMITED' } },
      { ok: false, error: { code: 'RATE_LIMITED', retryAfterMs: 90_000 } },
      { ok: true }
    ]
    const h = harness({ interval: () => 5_000, result: () => results.shift() ?? { ok: true } })
    h.poller.start()
    await h.clock.advance(3 * MIN)
    expect(h.gaps().slice(0, 3)).toEqual([30_000, 90_000, 5_000])
  })

  it('a poke after a 429 does not jump the rate-limit wait', async () => {
    const results: RunResult[] = [{ ok: false, error: { code: 'RATE_LIMITED', retryAfterMs: 60_000 } }]
    const h = harness({ result: () => results.shift() ?? { ok: true } })
    h.poller.start()
    await h.clock.advance(20_000)
    h.poller.poke()
    await h.clock.advance(1)
    expect(h.starts.length).toBe(1)
  })

  it('never overlaps runs: slow runs delay ticks, concurrent refreshes share one follow-up run', async () => {
    const h = harness({ interval: () => 5_000, durationMs: 8_000 })
    h.poller.start()
    await h.clock.advance(1)
    const waits = [h.poller.runNow(), h.poller.runNow(), h.poller.runNow()]
    h.poller.poke()
    await h.clock.advance(21_000)
    await Promise.all(waits)
    expect(h.maxRunning()).toBe(1)
    // first run 0–8 s, the coalesced follow-up 8–16 s, then the 5 s cadence measured from the end of a run
    expect(h.rel().slice(0, 3)).toEqual([0, 8_000, 21_000])
    await h.clock.advance(10 * MIN)
    expect(h.maxRunning()).toBe(1)
  })

  it('debounces pokes to one refresh per 10 s', async () => {
    const h = harness()
    h.poller.start()
    await h.clock.advance(30_000)
    h.poller.poke()
    h.poller.poke()
    await h.clock.advance(5_000)
    h.poller.poke()
    await h.clock.advance(4_000)
    expect(h.rel()).toEqual([0, 30_000])
    await h.clock.advance(2_000)
    h.poller.poke()
    await h.clock.advance(1)
    expect(h.rel()).toEqual([0, 30_000, 41_000])
  })
})

describe('RequestCounter', () => {
  it('counts the last hour only', () => {
    const c = new RequestCounter()
    for (let t = 0; t < 3 * HOUR_MS; t += MIN) c.add(t)
    expect(c.count(3 * HOUR_MS - MIN)).toBe(60)
    expect(c.count(10 * HOUR_MS)).toBe(0)
  })
})
