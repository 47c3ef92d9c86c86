// The demo simulator is reachable by anything on this machine, including a browser steered by a web page.
import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { isLoopbackHost } from './host-check'
import { startSimulator } from './index'
import { call } from '../../tests/support/sim-client'
import type { StartedSimulator } from './types'

const started: StartedSimulator[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()))
})
const start = async (): Promise<StartedSimulator> => {
  const sim = await startSimulator({ seed: 'demo', transitions: 'instant' })
  started.push(sim)
  return sim
}

/** GET with a chosen Host header (fetch cannot set one), credentials as the app sends them. */
function getWithHost(sim: StartedSimulator, host: string | null, path: string): Promise<number> {
  const base = new URL(sim.baseUrl)
  const { apiKey, authToken, projects } = sim.demo
  const query = `apikey=${apiKey}&project_id=${projects[0]?.projectId ?? 0}&location=Delhi`
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: base.port,
        path: `${path}?${query}`,
        setHost: host !== null,
        headers: { authorization: `Bearer ${authToken}`, ...(host !== null ? { host } : {}) }
      },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      }
    )
    req.on('error', reject)
    req.end()
  })
}

describe('simulator Host check (DNS rebinding)', () => {
  it('answers its loopback names with its own port only; anything else gets 421', async () => {
    const sim = await start()
    const port = new URL(sim.baseUrl).port
    const nodes = '/myaccount/api/v1/nodes/'
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`])
      expect(await getWithHost(sim, host, nodes), host).toBe(200)
    for (const host of [
      `rebind.attacker.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `localhost.:${port}`,
      `127.0.0.1:${Number(port) + 1}`,
      '127.0.0.1',
      `user@127.0.0.1:${port}`,
      `127.0.0.1:${port}/x`
    ])
      expect(await getWithHost(sim, host, nodes), JSON.stringify(host)).toBe(421)
    // Node's HTTP server itself refuses an HTTP/1.1 request without Host (400) before we see it.
    expect([400, 421]).toContain(await getWithHost(sim, null, nodes))
    // The control API sits behind the same check.
    expect(await getWithHost(sim, `evil.example:${port}`, '/__control/now')).toBe(421)
  })

  it('isLoopbackHost reads the port as a number, not a prefix', () => {
    expect(isLoopbackHost('127.0.0.1:4000', 4000)).toBe(true)
    expect(isLoopbackHost('127.0.0.1:40000', 4000)).toBe(false)
    expect(isLoopbackHost('127.0.0.1:04000', 4000)).toBe(false)
    expect(isLoopbackHost(undefined, 4000)).toBe(false)
  })

  it('the control API runs only its own operations', async () => {
    const sim = await start()
    for (const op of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const res = await fetch(`${sim.controlUrl}/${op}`, {
        method: 'POST',
        headers: { 'x-sim-secret': sim.controlSecret, 'content-type': 'application/json' },
        body: '{}'
      })
      expect(res.status, op).toBe(404)
    }
  })
})

describe('demo credentials', () => {
  it('are fresh each run, work for that run only, and survive a reset', async () => {
    const a = await start()
    const b = await start()
    expect(a.demo.apiKey).not.toBe(b.demo.apiKey)
    expect(a.demo.authToken).not.toBe(b.demo.authToken)
    expect(a.demo.apiKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect((await call(a, 'GET', 'nodes/')).status).toBe(200)
    expect((await call(a, 'GET', 'nodes/', { account: b.demo })).status).toBe(401)
    const before = { ...a.demo }
    a.control.reset('demo')
    expect({ apiKey: a.demo.apiKey, authToken: a.demo.authToken }).toEqual({
      apiKey: before.apiKey,
      authToken: before.authToken
    })
    expect((await call(a, 'GET', 'nodes/')).status).toBe(200)
  })
})
