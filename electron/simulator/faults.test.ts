import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator } from './index'
import { call, dataOf, loose, planSlug, rows } from '../../tests/support/sim-client'
import type { StartedSimulator } from './types'

let sim: StartedSimulator
beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', transitions: 'instant' })
})
afterAll(async () => {
  await sim.stop()
})
beforeEach(() => {
  sim.control.reset()
})

const createBody = { name: 'retry-me', plan: planSlug('C3.8GB'), image: 'Ubuntu-22.04-Distro' }
const names = async (): Promise<unknown[]> => rows(await call(sim, 'GET', 'nodes/')).map((n) => n.name)

describe('faults', () => {
  it('latency delays the reply', async () => {
    sim.control.injectFault({ kind: 'latency', ms: 150, route: 'nodes/' })
    const t0 = performance.now()
    await call(sim, 'GET', 'nodes/')
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140)
    const t1 = performance.now()
    await call(sim, 'GET', 'ssh_keys/')
    expect(performance.now() - t1).toBeLessThan(140)
  })

  it('http429 answers HTML with Retry-After and does not apply the write', async () => {
    sim.control.injectFault({ kind: 'http429', html: true, retryAfterSec: 30, route: 'POST nodes/', times: 1 })
    const r = await call(sim, 'POST', 'nodes/', { body: createBody })
    expect(r.status).toBe(429)
    expect(r.headers.get('content-type')).toContain('text/html')
    expect(r.headers.get('retry-after')).toBe('30')
    expect(r.json).toBeNull()
    expect(await names()).not.toContain('retry-me')
  })

  it('http429 with applyChange performs the write, then answers 429 (e2e-api.md#quirks-checklist, item 15)', async () => {
    sim.control.injectFault({ kind: 'http429', html: true, applyChange: true, route: 'POST nodes/', times: 1 })
    expect((await call(sim, 'POST', 'nodes/', { body: createBody })).status).toBe(429)
    expect(await names()).toContain('retry-me')
    expect(sim.control.countRequests({ method: 'POST', path: 'nodes/' })).toBe(1)
    expect(sim.control.countRequests({ method: 'GET', path: 'nodes/' })).toBe(1)
  })

  it('http5xx as HTML or JSON, scoped to the next N calls on a route', async () => {
    sim.control.injectFault({ kind: 'http5xx', status: 502, body: 'html', route: 'GET nodes/', times: 2 })
    const a = await call(sim, 'GET', 'nodes/')
    expect(a.status).toBe(502)
    expect(a.text).toContain('<html>')
    expect((await call(sim, 'GET', 'ssh_keys/')).status).toBe(200) // other route untouched
    expect((await call(sim, 'GET', 'nodes/')).status).toBe(502)
    expect((await call(sim, 'GET', 'nodes/')).status).toBe(200) // times exhausted
    sim.control.injectFault({ kind: 'http5xx', status: 500, body: 'json', method: 'GET', route: 'nodes/{id}/' })
    const id = rows(await call(sim, 'GET', 'nodes/'))[0]?.id
    const b = await call(sim, 'GET', `nodes/${String(id)}/`)
    expect(b.status).toBe(500)
    expect(loose(b).code).toBe(500)
  })

  it('errorsInside200 and statusCodeBody bodies', async () => {
    sim.control.injectFault({ kind: 'errorsInside200', times: 1 })
    const a = await call(sim, 'GET', 'nodes/')
    expect(a.status).toBe(200)
    expect(loose(a).errors).toBe(true)
    sim.control.injectFault({ kind: 'statusCodeBody', status: 400, times: 1 })
    const b = await call(sim, 'GET', 'nodes/')
    expect(b.status).toBe(400)
    expect(loose(b).status_code).toBe(400)
    sim.control.injectFault({ kind: 'statusCodeBody', status: 429, times: 1 })
    const c = await call(sim, 'GET', 'nodes/')
    expect(loose(c)).toMatchObject({ status_code: 429 })
    expect(typeof loose(c).errors).toBe('string')
  })

  it('drop destroys the socket without a reply', async () => {
    sim.control.injectFault({ kind: 'drop', times: 1 })
    await expect(call(sim, 'GET', 'nodes/')).rejects.toThrow()
    expect((await call(sim, 'GET', 'nodes/')).status).toBe(200)
    expect(sim.control.requestLog({ fault: 'drop' })).toHaveLength(1)
  })

  it('hang never replies (until the client gives up)', async () => {
    sim.control.injectFault({ kind: 'hang', times: 1 })
    const ctrl = new AbortController()
    const pending = fetch(`${sim.baseUrl}/nodes/`, { signal: ctrl.signal })
    const winner = await Promise.race([
      pending.then(
        () => 'replied',
        () => 'failed'
      ),
      new Promise((r) => setTimeout(() => r('hung'), 300))
    ])
    expect(winner).toBe('hung')
    ctrl.abort()
    await pending.catch(() => undefined)
  })

  it('tokenExpiry answers 401 and the token stays expired', async () => {
    sim.control.injectFault({ kind: 'tokenExpiry', route: 'GET nodes/', times: 1 })
    expect((await call(sim, 'GET', 'ssh_keys/')).status).toBe(200)
    const r = await call(sim, 'GET', 'nodes/')
    expect(r.status).toBe(401)
    expect(typeof loose(r).detail).toBe('string')
    expect((await call(sim, 'GET', 'ssh_keys/')).status).toBe(401)
  })

  it('probability draws from the seeded PRNG: same seed, same pattern', async () => {
    const pattern = async (): Promise<number[]> => {
      sim.control.reset()
      sim.control.injectFault({ kind: 'http5xx', status: 503, body: 'json', probability: 0.5 })
      const out: number[] = []
      for (let i = 0; i < 12; i++) out.push((await call(sim, 'GET', 'iam/multi-crn/')).status)
      return out
    }
    const first = await pattern()
    expect(first).toContain(503)
    expect(first).toContain(200)
    expect(await pattern()).toEqual(first)
  })

  it('clearFaults removes everything', async () => {
    sim.control.injectFault({ kind: 'http5xx', status: 503, body: 'json' })
    sim.control.clearFaults()
    expect((await call(sim, 'GET', 'nodes/')).status).toBe(200)
  })
})

describe('request log', () => {
  it('records method, route, status and virtual time, never the api key or token', async () => {
    sim.control.injectFault({ kind: 'http5xx', status: 504, body: 'html', times: 1 })
    await call(sim, 'GET', 'nodes/')
    await call(sim, 'POST', 'nodes/', { body: createBody })
    const log = sim.control.requestLog()
    expect(log.map((e) => [e.method, e.route, e.status])).toEqual([
      ['GET', 'nodes/', 504],
      ['POST', 'nodes/', 200]
    ])
    expect(log[0]?.fault).toBe('http5xx')
    expect(log[0]?.path).toBe('/myaccount/api/v1/nodes/')
    expect(log[0]?.query.apikey).toBe('***')
    expect(log[0]?.account).toBe(`…${sim.demo.apiKey.slice(-4)}`)
    const text = JSON.stringify(log)
    expect(text).not.toContain(sim.demo.apiKey)
    expect(text).not.toContain(sim.demo.authToken)
    expect(sim.control.countRequests({ method: 'POST', path: 'nodes/' })).toBe(1)
    expect(sim.control.countRequests({ path: '/myaccount/api/v1/nodes/' })).toBe(2)
    sim.control.clearLog()
    expect(sim.control.requestLog()).toEqual([])
  })

  it('latencyMs option slows every API reply', async () => {
    sim.control.setOptions({ latencyMs: 120 })
    const t0 = performance.now()
    expect(dataOf(await call(sim, 'GET', 'iam/multi-crn/'))).toBeTruthy()
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110)
  })
})
