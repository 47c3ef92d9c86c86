import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator } from './index'
import { call, dataOf, loose, rows } from '../../tests/support/sim-client'
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

describe('routes and slash rules', () => {
  it('serves every GET route of e2e-api.md#endpoints with the right slash form', async () => {
    for (const path of [
      'iam/multi-crn/',
      'pbac/project/',
      'images/os-category/',
      'images/category-list/',
      'nodes/',
      'ssh_keys/',
      'security_group/',
      'vpc/list/',
      'reserve_ips/',
      'images/saved-images/'
    ]) {
      expect((await call(sim, 'GET', path)).status, path).toBe(200)
    }
  })

  it('404s the wrong slash form and unknown paths with "not found"', async () => {
    const id = rows(await call(sim, 'GET', 'nodes/'))[0]?.id
    for (const path of ['nodes', `nodes/${String(id)}`, 'ssh_keys', 'nodes/upgrade/1/', 'no/such/thing/']) {
      const r = await call(sim, 'GET', path)
      expect(r.status, path).toBe(404)
      expect(r.text.toLowerCase()).toContain('not found')
    }
    // upgrade has no trailing slash: the slash-less form is the real route (405 on GET, not 404)
    expect((await call(sim, 'GET', `nodes/upgrade/${String(id)}`)).status).toBe(405)
  })

  it('returns the OS catalog with upper-case OS and the legacy nested object', async () => {
    const list = dataOf(await call(sim, 'GET', 'images/os-category/')).category_list as Record<string, unknown>[]
    expect(list.map((c) => c.OS)).toEqual(expect.arrayContaining(['Ubuntu', 'Rocky', 'Debian']))
    const legacy = dataOf(await call(sim, 'GET', 'images/category-list/')).category_list as Record<
      string,
      Record<string, unknown>
    >
    expect(Object.keys(legacy['Linux Virtual Node'] ?? {})).toContain('Rocky')
  })

  it('requires all four plan parameters and serves sold-out, E1 and GPU plans', async () => {
    const q = { display_category: 'Linux Virtual Node', category: 'Ubuntu', os: 'Ubuntu', osversion: '22.04' }
    const partial = await call(sim, 'GET', 'images/', { query: { ...q, osversion: '' } })
    expect(partial.status).toBe(400)
    expect(loose(partial).code).toBe(400)
    const plans = rows(await call(sim, 'GET', 'images/', { query: q }))
    expect(plans.find((p) => p.available_inventory_status === false)?.name).toBe('C3.64GB')
    expect(plans.some((p) => String(p.plan).includes('0DISK'))).toBe(true)
    expect(plans.some((p) => p.gpu_card_details !== null)).toBe(true)
    const specs = plans[0]?.specs as Record<string, unknown>
    expect(typeof specs.ram).toBe('string')
    expect(typeof specs.id).toBe('string')
    expect(plans.some((p) => (p.specs as { committed_sku: unknown[] }).committed_sku.length === 0)).toBe(true)
    const chennai = rows(await call(sim, 'GET', 'images/', { query: q, location: 'Chennai' }))
    expect(chennai.every((p) => String(p.plan).endsWith('-Chennai'))).toBe(true)
  })
})

describe('auth', () => {
  it('401s missing credentials with the DRF detail, or 403 by option', async () => {
    const r = await call(sim, 'GET', 'nodes/', { auth: false })
    expect(r.status).toBe(401)
    expect(r.json).toEqual({ detail: 'Authentication credentials were not provided.' })
    sim.control.setOptions({ authFailureStatus: 403 })
    expect((await call(sim, 'GET', 'nodes/', { auth: false })).status).toBe(403)
  })

  it('401s an unknown or mismatched pair', async () => {
    const other = sim.control.addAccount()
    const r = await call(sim, 'GET', 'iam/multi-crn/', {
      account: { apiKey: sim.demo.apiKey, authToken: other.authToken }
    })
    expect(r.status).toBe(401)
    expect(typeof loose(r).detail).toBe('string')
    expect((await call(sim, 'GET', 'iam/multi-crn/', { account: other, projectId: null })).status).toBe(200)
  })

  it('403s writes with a read-only token but allows reads', async () => {
    const ro = sim.control.addAccount({ readOnly: true })
    const opts = { account: ro, projectId: ro.projects[0]?.projectId ?? 0 }
    expect((await call(sim, 'GET', 'nodes/', opts)).status).toBe(200)
    const w = await call(sim, 'POST', 'nodes/', { ...opts, body: { name: 'x', plan: 'p', image: 'i' } })
    expect(w.status).toBe(403)
    expect(w.json).toEqual({ detail: 'You do not have permission to perform this action.' })
  })

  it('expires a token at exp on the virtual clock', async () => {
    const expMs = Date.parse(sim.control.now()) + 60_000
    const acc = sim.control.addAccount({ expiresAt: new Date(expMs) })
    const payload = JSON.parse(Buffer.from(acc.authToken.split('.')[1] ?? '', 'base64url').toString()) as {
      exp: number
    }
    expect(payload.exp).toBe(Math.floor(expMs / 1000))
    expect((await call(sim, 'GET', 'iam/multi-crn/', { account: acc })).status).toBe(200)
    sim.control.advanceClock(61_000)
    expect((await call(sim, 'GET', 'iam/multi-crn/', { account: acc })).status).toBe(401)
  })

  it('expires a token after N calls, then refuses every call', async () => {
    const acc = sim.control.addAccount({ expiresAfterCalls: 2 })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await call(sim, 'GET', 'iam/multi-crn/', { account: acc })).status)
    expect(statuses).toEqual([200, 200, 401, 401])
  })

  it('expireToken makes every call 401', async () => {
    sim.control.expireToken(sim.demo.authToken)
    expect((await call(sim, 'GET', 'nodes/')).status).toBe(401)
  })
})

describe('scoping', () => {
  it('404s an unknown project and 400s an unknown location', async () => {
    const r = await call(sim, 'GET', 'nodes/', { projectId: 999 })
    expect(r.status).toBe(404)
    expect(r.text.toLowerCase()).toContain('not found')
    const bad = await call(sim, 'GET', 'nodes/', { location: 'Mumbai' })
    expect(bad.status).toBe(400)
    expect(loose(bad)).toMatchObject({ code: 400, message: 'Bad Request' })
  })

  it('uses the default project when project_id is absent', async () => {
    const withDefault = rows(await call(sim, 'GET', 'nodes/')).map((n) => n.id)
    const without = rows(await call(sim, 'GET', 'nodes/', { projectId: null })).map((n) => n.id)
    expect(without).toEqual(withDefault)
    const other = rows(await call(sim, 'GET', 'nodes/', { projectId: sim.demo.projects[1]?.projectId ?? 0 })).map(
      (n) => n.id
    )
    expect(other.some((id) => withDefault.includes(id))).toBe(false)
  })

  it('404s a node id from another project or location', async () => {
    const id = rows(await call(sim, 'GET', 'nodes/'))[0]?.id
    expect((await call(sim, 'GET', `nodes/${String(id)}/`)).status).toBe(200)
    expect((await call(sim, 'GET', `nodes/${String(id)}/`, { location: 'Chennai' })).status).toBe(404)
    expect(
      (await call(sim, 'GET', `nodes/${String(id)}/`, { projectId: sim.demo.projects[1]?.projectId ?? 0 })).status
    ).toBe(404)
  })

  it('keeps another account out of the demo project', async () => {
    const other = sim.control.addAccount()
    expect(
      (await call(sim, 'GET', 'nodes/', { account: other, projectId: sim.demo.projects[0]?.projectId ?? 0 })).status
    ).toBe(404)
  })
})

describe('control API over HTTP', () => {
  it('rejects a wrong or missing secret and works with the right one', async () => {
    const post = (secret: string | null): Promise<Response> =>
      fetch(`${sim.controlUrl}/advanceClock`, {
        method: 'POST',
        body: JSON.stringify({ ms: 1000 }),
        headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-sim-secret': secret }) }
      })
    expect((await post('nope')).status).toBe(403)
    expect((await post(null)).status).toBe(403)
    const before = Date.parse(sim.control.now())
    const ok = await post(sim.controlSecret)
    expect(ok.status).toBe(200)
    expect(Date.parse(((await ok.json()) as { now: string }).now)).toBeGreaterThanOrEqual(before + 1000)
  })

  it('injects a fault over HTTP with validation', async () => {
    const headers = { 'content-type': 'application/json', 'x-sim-secret': sim.controlSecret }
    const bad = await fetch(`${sim.controlUrl}/injectFault`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'http5xx', status: 418 })
    })
    expect(bad.status).toBe(400)
    const ok = await fetch(`${sim.controlUrl}/injectFault`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'http5xx', status: 503, body: 'json', route: 'GET nodes/', times: 1 })
    })
    expect(ok.status).toBe(200)
    expect((await call(sim, 'GET', 'nodes/')).status).toBe(503)
    expect((await call(sim, 'GET', 'nodes/')).status).toBe(200)
  })

  // Outside tester: GET and DELETE were answered like POST.
  it('answers POST and GET, and 405 for any other method', async () => {
    const control = (op: string, method: string): Promise<Response> =>
      fetch(`${sim.controlUrl}/${op}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-sim-secret': sim.controlSecret },
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{}' })
      })
    expect((await control('now', 'POST')).status).toBe(200)
    expect((await control('now', 'GET')).status).toBe(200)
    for (const method of ['DELETE', 'PUT', 'PATCH', 'OPTIONS']) {
      const res = await control('clearFaults', method)
      expect(res.status, method).toBe(405)
      expect(res.headers.get('allow')).toBe('POST, GET')
      expect(((await res.json()) as { error: string }).error).toBe(`method ${method} not allowed: use POST (or GET)`)
    }
    // The secret is still checked first.
    const anon = await fetch(`${sim.controlUrl}/now`, { method: 'DELETE' })
    expect(anon.status).toBe(403)
  })

  // Outside tester: countRequests {"route":"nodes/"} counted every request (the field is `path`).
  it('countRequests and requestLog refuse a filter field they do not know, naming the allowed ones', async () => {
    const post = (op: string, body: unknown): Promise<Response> =>
      fetch(`${sim.controlUrl}/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sim-secret': sim.controlSecret },
        body: JSON.stringify(body)
      })
    for (const op of ['countRequests', 'requestLog']) {
      const res = await post(op, { route: 'nodes/' })
      expect(res.status, op).toBe(400)
      expect(await res.json()).toEqual({
        error: 'unknown filter field "route": the filter takes method, path, status, fault, sinceSeq'
      })
      const two = await post(op, { route: 'nodes/', verb: 'GET', method: 'GET' })
      expect(((await two.json()) as { error: string }).error).toMatch(/^unknown filter fields "route", "verb": /)
    }
    sim.control.clearLog()
    await call(sim, 'GET', 'nodes/')
    await call(sim, 'GET', 'ssh_keys/')
    expect(await (await post('countRequests', { path: 'nodes/' })).json()).toEqual({ count: 1 })
    expect(await (await post('countRequests', {})).json()).toEqual({ count: 2 })
    expect(sim.control.countRequests({})).toBe(2)
  })
})
