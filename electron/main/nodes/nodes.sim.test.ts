// The engine against the simulator over real HTTP, with the real API client. Our FakeClock drives the pollers and
// the simulator's virtual clock is moved in step, so an hour of polling takes a few seconds.
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type StartedSimulator } from '../../simulator/index'
import { createE2EClient } from '../api/index'
import type { ClientFactory, E2EClient } from '../api/client.types'
import { FakeClock, flushAsync } from '../../../tests/support/fake-clock'
import { HOUR_MS } from '../poller/request-counter'
import { engineHarness, FakeApi } from '../../../tests/support/engine-fakes'

const STEP_MS = 5_000
let sim: StartedSimulator | null = null

afterEach(async () => {
  await sim?.stop()
  sim = null
})

async function simHarness(transitions: 'instant' | 'real') {
  sim = await startSimulator({ seed: 'empty', transitions })
  const s = sim
  const project = s.demo.projects[0]
  if (!project) throw new Error('simulator has no project')
  const scope = { apiKey: s.demo.apiKey, projectId: project.projectId, location: 'Delhi' as const }
  const inFlight = new Set<Promise<unknown>>()
  const settle = async (): Promise<void> => {
    await flushAsync()
    while (inFlight.size) {
      await Promise.allSettled([...inFlight])
      await flushAsync()
    }
  }
  const clock = new FakeClock(Date.UTC(2026, 1, 3, 8, 0, 0), settle)
  const requestTimes: { at: number; method: string; path: string }[] = []
  // Real client; every call is tracked so the fake clock waits for the HTTP round trip before moving on.
  const createClient: ClientFactory = (target, options = {}) => {
    const real = createE2EClient(target, {
      ...options,
      onRequest: (info) => {
        requestTimes.push({ at: clock.now(), ...info })
        options.onRequest?.(info)
      }
    })
    return new Proxy(real, {
      get(obj, key: keyof E2EClient) {
        const fn = obj[key] as unknown
        // Promise resolution asks for `then`: only wrap the client's real methods.
        if (typeof fn !== 'function') return fn
        return (...args: unknown[]) => {
          const p = (fn as (...a: unknown[]) => Promise<unknown>)(...args)
          inFlight.add(p)
          void p.then(
            () => inFlight.delete(p),
            () => inFlight.delete(p)
          )
          return p
        }
      }
    })
  }
  const h = engineHarness(
    { sim: new FakeApi() },
    {
      clock,
      createClient,
      apiTarget: async () => ({
        baseUrl: s.baseUrl,
        apiKey: s.demo.apiKey,
        authToken: s.demo.authToken,
        projectId: project.projectId,
        location: 'Delhi'
      })
    }
  )
  const listCount = () => s.control.requestLog({ method: 'GET', path: 'nodes/' }).length
  /** Moves both clocks forward together. */
  const run = async (ms: number): Promise<void> => {
    for (let left = ms; left > 0; left -= STEP_MS) {
      const step = Math.min(STEP_MS, left)
      s.control.advanceClock(step)
      await clock.advance(step)
    }
  }
  return { s, h, scope, listCount, run, requestTimes }
}

describe('nodes engine against the simulator', () => {
  it('steady profile: at most 60 GET nodes/ per simulated hour', async () => {
    const { s, h, scope, listCount, run } = await simHarness('instant')
    s.control.addNodes({ ...scope, count: 3, status: 'Running' })
    await h.service.start()
    await run(HOUR_MS - 1)
    const n = listCount()
    console.log(`[sim] steady profile @60s: ${n} GET nodes/ in one simulated hour`)
    expect(n).toBe(60)
    expect(h.state('sim')).toMatchObject({ source: 'live', error: null, polling: { intervalMs: 60_000 } })
    expect(h.state('sim').nodes).toHaveLength(3)
    await h.service.stop()
  }, 60_000)

  it('create: polls every 5 s only while the node is Creating, announces it once, then back to 60 s', async () => {
    const { s, h, listCount, run } = await simHarness('real')
    await h.service.start()
    await run(STEP_MS)
    const os = (await h.service.catalogOs('sim'))[0]
    const v = os?.versions[0]
    if (!v) throw new Error('no OS in the simulator catalog')
    const plan = (await h.service.catalogPlans({ profileId: 'sim', ...v })).find((p) => p.available && !p.requiresDisk)
    if (!plan) throw new Error('no plan in the simulator catalog')
    const create = {
      profileId: 'sim',
      requestId: '0b6a3d6e-0c9f-4d0e-8a55-6c3c1b0a9f11',
      name: 'web-01',
      plan: plan.slug,
      image: plan.image,
      count: 1,
      sshKeys: [],
      backups: false,
      ipv6: false
    }
    // a double-submitted wizard: one POST
    const [result, again] = await Promise.all([h.service.create(create), h.service.create(create)])
    expect(again).toEqual(result)
    expect(result.outcome).toBe('created')
    expect(s.control.requestLog({ method: 'POST', path: 'nodes/' })).toHaveLength(1)
    const atCreate = listCount()
    await run(4 * 60_000)
    const fast = listCount() - atCreate
    expect(h.state('sim').nodes[0]?.status).toBe('RUNNING')
    expect(h.state('sim').polling.intervalMs).toBe(60_000)
    const running = h.notifications.filter((n) => n.title.startsWith('web-01 is running'))
    expect(running).toHaveLength(1)
    await run(HOUR_MS - 4 * 60_000 - 2 * STEP_MS)
    const total = listCount()
    console.log(
      `[sim] create (real transitions, 90–180 s): ${fast} GET nodes/ in the 4 min after create, ${total} in the hour`
    )
    // Creating lasts at most 180 s: at most 36 fast polls, then the 60 s cadence.
    expect(fast).toBeGreaterThanOrEqual(18)
    expect(total).toBeLessThanOrEqual(1 + 37 + 60)
    expect(h.notifications.filter((n) => n.title.startsWith('web-01 is running'))).toHaveLength(1)
    await h.service.stop()
  }, 60_000)

  it('suspended: no request for an hour; resume refreshes at once', async () => {
    const { s, h, scope, listCount, run } = await simHarness('instant')
    s.control.addNodes({ ...scope, count: 2, status: 'Running' })
    await h.service.start()
    await run(STEP_MS)
    const before = s.control.requestLog().length
    h.service.setSuspended(true)
    h.service.poke()
    await run(HOUR_MS)
    console.log(`[sim] suspended for a simulated hour: ${s.control.requestLog().length - before} requests`)
    expect(s.control.requestLog().length).toBe(before)
    const lists = listCount()
    h.service.setSuspended(false)
    await run(1)
    expect(listCount()).toBe(lists + 1)
    await h.service.stop()
  }, 60_000)

  it('waits at least 30 s after a 429 and shows the list as rate limited meanwhile', async () => {
    const { s, h, scope, run, requestTimes } = await simHarness('instant')
    s.control.addNodes({ ...scope, count: 2, status: 'Running' })
    await h.service.start()
    await run(STEP_MS)
    s.control.injectFault({ kind: 'http429', html: true, method: 'GET', route: 'nodes/', times: 1 })
    await h.service.refresh('sim')
    expect(h.state('sim').error).toMatchObject({ code: 'RATE_LIMITED', reason: 'rate_limited' })
    expect(h.state('sim').nodes).toHaveLength(2)
    const limitedAt = requestTimes[requestTimes.length - 1]?.at ?? 0
    await run(2 * 60_000)
    const next = requestTimes.find((r) => r.at > limitedAt && r.path === 'nodes/')
    expect(next).toBeDefined()
    expect((next?.at ?? 0) - limitedAt).toBeGreaterThanOrEqual(30_000)
    expect(h.state('sim').error).toBeNull()
    await h.service.stop()
  }, 60_000)
})
