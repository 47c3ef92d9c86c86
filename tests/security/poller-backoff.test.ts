// The poller decides how often Nodetray asks E2E for a profile's nodes: too often costs the user's API budget (and
// earns 429s), never again leaves a stale list. These pin what a user would notice: a crashing refresh backs off
// like a failed one, a stopped poller stays quiet, pausing or waking never starts a second overlapping request,
// waking refreshes at once, and a poke is debounced to one request per ten seconds.
import { describe, expect, it } from 'vitest'
import { FakeClock } from '../support/fake-clock'
import { BACKOFF_BASE_MS, createPoller, POKE_MIN_GAP_MS, type RunResult } from '../../electron/main/poller/poller'

const MIN = 60_000

function harness(opts: { result?: () => Promise<RunResult>; durationMs?: number } = {}) {
  const clock = new FakeClock()
  const t0 = clock.now()
  const starts: number[] = []
  const schedule: (number | null)[] = []
  let running = 0
  let maxRunning = 0
  const poller = createPoller({
    clock,
    intervalMs: () => MIN,
    onSchedule: (at) => schedule.push(at === null ? null : at - t0),
    run: async () => {
      starts.push(clock.now() - t0)
      running++
      maxRunning = Math.max(maxRunning, running)
      try {
        if (opts.durationMs) await new Promise<void>((r) => clock.setTimeout(r, opts.durationMs ?? 0))
        return opts.result ? await opts.result() : { ok: true }
      } finally {
        running--
      }
    }
  })
  return { clock, poller, starts, schedule, maxRunning: () => maxRunning }
}

describe('poller: what reaches the API', () => {
  it('a refresh that throws counts as a failure and backs off, instead of stopping or hammering', async () => {
    const h = harness({
      result: async () => {
        throw new Error('bug in a mapper')
      }
    })
    h.poller.start()
    await h.clock.advance(1)
    expect(h.starts).toEqual([0])
    expect(h.poller.consecutiveErrors).toBe(1)
    await h.clock.advance(BACKOFF_BASE_MS + 2 * BACKOFF_BASE_MS)
    expect(h.starts).toEqual([0, BACKOFF_BASE_MS, 3 * BACKOFF_BASE_MS])
    expect(h.poller.consecutiveErrors).toBe(3)
  })

  it('says whether a request is in flight', async () => {
    const h = harness({ durationMs: 2_000 })
    expect(h.poller.inFlight).toBe(false)
    h.poller.start()
    await h.clock.advance(1)
    expect(h.poller.inFlight).toBe(true)
    await h.clock.advance(2_000)
    expect(h.poller.inFlight).toBe(false)
  })

  it('reports each change of the next planned run once', async () => {
    const h = harness()
    h.poller.start()
    await h.clock.advance(3 * MIN)
    h.poller.reschedule()
    h.poller.reschedule()
    for (let i = 1; i < h.schedule.length; i++) expect(h.schedule[i], `entry ${i}`).not.toBe(h.schedule[i - 1])
    expect(h.schedule.slice(0, 3)).toEqual([0, null, MIN])
  })

  it('a stopped poller sends nothing: not on a poke, not on waking, not on unpausing', async () => {
    const h = harness()
    h.poller.start()
    await h.clock.advance(1)
    h.poller.stop()
    await h.clock.advance(5 * MIN)
    h.poller.poke()
    h.poller.setSuspended(true)
    h.poller.setSuspended(false)
    h.poller.setPaused(true)
    h.poller.setPaused(false)
    await h.clock.advance(5 * MIN)
    expect(h.starts).toEqual([0])
    expect(h.poller.nextAt).toBeNull()
  })

  it('waking from sleep refreshes at once, even before the next planned run; saying "awake" when awake does not', async () => {
    const h = harness()
    h.poller.start()
    await h.clock.advance(10_000)
    h.poller.setSuspended(false) // not suspended: nothing to do
    await h.clock.advance(1)
    expect(h.starts).toEqual([0])
    h.poller.setSuspended(true)
    await h.clock.advance(10_000)
    expect(h.starts).toEqual([0])
    // Woken 20 s in, with the next steady run 40 s away: the list may be stale after a sleep, so refresh now.
    h.poller.setSuspended(false)
    await h.clock.advance(0)
    expect(h.starts).toEqual([0, 20_001])
  })

  it('pausing or sleeping and back while a request is in flight never starts a second one beside it', async () => {
    const h = harness({ durationMs: 3_000 })
    h.poller.start()
    await h.clock.advance(1)
    h.poller.setPaused(true)
    h.poller.setPaused(false)
    h.poller.setSuspended(true)
    h.poller.setSuspended(false)
    await h.clock.advance(10_000)
    expect(h.maxRunning()).toBe(1)
    expect(h.starts).toEqual([0])
  })

  it('a poke refreshes when the last request is ten seconds old or more, and not before', async () => {
    const h = harness()
    h.poller.start()
    await h.clock.advance(POKE_MIN_GAP_MS - 1)
    h.poller.poke()
    await h.clock.advance(0)
    expect(h.starts).toEqual([0])
    await h.clock.advance(1)
    h.poller.poke()
    await h.clock.advance(0)
    expect(h.starts).toEqual([0, POKE_MIN_GAP_MS])
  })

  it('two profiles started together both load at once', async () => {
    const clock = new FakeClock()
    const starts: string[] = []
    const make = (name: string) =>
      createPoller({
        clock,
        intervalMs: () => MIN,
        run: async () => {
          starts.push(`${name}@${clock.now()}`)
          return { ok: true }
        }
      })
    const a = make('a')
    const b = make('b')
    a.start()
    b.start()
    await clock.advance(0)
    expect(starts.sort()).toEqual([`a@${clock.now()}`, `b@${clock.now()}`])
  })

  describe('spreading profiles while one is mid-request', () => {
    /** Profile A's request takes 30 s, B's 5 s; both start together on one clock. */
    function pair() {
      const clock = new FakeClock()
      const t0 = clock.now()
      const runs: string[] = []
      const make = (name: string, durationMs: number) =>
        createPoller({
          clock,
          intervalMs: () => MIN,
          run: async () => {
            runs.push(`${name}@${(clock.now() - t0) / 1000}`)
            await new Promise<void>((r) => clock.setTimeout(r, durationMs))
            return { ok: true }
          }
        })
      const a = make('a', 30_000)
      const b = make('b', 5_000)
      a.start()
      b.start()
      return { clock, a, b, runs }
    }

    it('a profile planning its next run keeps clear of where a busy profile will run next', async () => {
      const p = pair()
      // B finishes at 5 s and would run again at 65 s; A, busy since 0 s, is due at 60 s: B moves half an interval on.
      await p.clock.advance(95_000)
      expect(p.runs.filter((r) => r.startsWith('b'))).toEqual(['b@0', 'b@90'])
    })

    it('a paused profile, even mid-request, holds no slot', async () => {
      const p = pair()
      await p.clock.advance(1_000)
      p.a.setPaused(true)
      await p.clock.advance(94_000)
      expect(p.runs.filter((r) => r.startsWith('b'))).toEqual(['b@0', 'b@65'])
    })
  })
})
