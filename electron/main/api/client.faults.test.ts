// Every fault kind of docs/e2e-api.md#simulator-faults maps to the right DomainError; GETs retry ≤ 2 times, writes
// never.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FaultInput } from '../../simulator/index'
import { createE2EClient } from './index'
import { html, json, localServer, rejectionOf, simHarness, type SimHarness } from '../../../tests/support/api-harness'

let h: SimHarness
let nodeId = 0
const scope = () => ({ apiKey: h.target.apiKey, projectId: h.target.projectId ?? 0, location: 'Delhi' as const })

beforeAll(async () => {
  h = await simHarness('empty')
})
afterAll(() => h.stop())
beforeEach(() => {
  h.reset('empty')
  nodeId = h.sim.control.addNodes({ ...scope(), count: 3 })[0] ?? 0
  h.sim.control.clearLog()
})

const getCount = () => h.sim.control.countRequests({ method: 'GET', path: 'nodes/' })

async function listWith(fault: FaultInput, opts: Parameters<SimHarness['client']>[0] = {}) {
  h.sim.control.injectFault({ method: 'GET', route: 'nodes/', ...fault } as FaultInput)
  return rejectionOf(h.client(opts).listNodes())
}

describe('GET faults', () => {
  it('HTML 429 → RATE_LIMITED with retryAfterMs ≥ 30 s, not retried', async () => {
    expect(await listWith({ kind: 'http429', html: true })).toMatchObject({
      data: { code: 'RATE_LIMITED', status: 429, retryAfterMs: 30_000, retryable: true }
    })
    expect(getCount()).toBe(1)
  })
  it('429 honours a longer Retry-After', async () => {
    expect(await listWith({ kind: 'http429', html: true, retryAfterSec: 120 })).toMatchObject({
      data: { retryAfterMs: 120_000 }
    })
  })
  it.each([
    [{ kind: 'http5xx', status: 502, body: 'html' }, 'SERVER', 502],
    [{ kind: 'http5xx', status: 500, body: 'json' }, 'SERVER', 500],
    [{ kind: 'errorsInside200' }, 'SERVER', 200],
    [{ kind: 'drop' }, 'NETWORK', undefined]
  ] as const)('%o → %s after 2 retries (3 requests)', async (fault, code, status) => {
    const e = await listWith(fault as FaultInput)
    expect(e).toMatchObject({ data: { code, retryable: true } })
    if (status !== undefined) expect(e).toMatchObject({ data: { status } })
    expect(getCount()).toBe(3)
  })
  it("5xx JSON carries E2E's own words", async () => {
    expect(await listWith({ kind: 'http5xx', status: 503, body: 'json' })).toMatchObject({
      data: { message: expect.stringContaining('Something went wrong on our side') }
    })
  })
  it('a transient 503 is retried and the list comes back', async () => {
    h.sim.control.injectFault({ kind: 'http5xx', status: 503, body: 'html', method: 'GET', route: 'nodes/', times: 2 })
    const onRequest = vi.fn()
    expect(await h.client({ onRequest }).listNodes()).toHaveLength(3)
    expect(getCount()).toBe(3)
    expect(onRequest).toHaveBeenCalledTimes(3)
    expect(onRequest).toHaveBeenCalledWith({ method: 'GET', path: 'nodes/' })
  })
  it('backs off with jitter between retries', async () => {
    const sleep = vi.fn(async (_ms: number) => {})
    await listWith({ kind: 'http5xx', status: 500, body: 'html' }, { sleep, random: () => 0.5 })
    expect(sleep.mock.calls.map((c) => c[0])).toEqual([250, 500])
    sleep.mockClear()
    await listWith({ kind: 'http5xx', status: 500, body: 'html' }, { sleep, random: () => 0 })
    expect(sleep.mock.calls.map((c) => c[0])).toEqual([125, 250])
  })
  it('status_code bodies: 400 → VALIDATION, 429 → RATE_LIMITED', async () => {
    expect(await listWith({ kind: 'statusCodeBody', status: 400 })).toMatchObject({
      data: { code: 'VALIDATION', message: expect.stringContaining('Invalid request') }
    })
    h.sim.control.clearFaults()
    expect(await listWith({ kind: 'statusCodeBody', status: 429 })).toMatchObject({
      data: { code: 'RATE_LIMITED', retryAfterMs: 30_000 }
    })
  })
  it('hang → TIMEOUT with a small timeoutMs, retried like any GET', async () => {
    const started = Date.now()
    expect(await listWith({ kind: 'hang' }, { timeoutMs: 150 })).toMatchObject({
      data: { code: 'TIMEOUT', retryable: true }
    })
    expect(getCount()).toBe(3)
    expect(Date.now() - started).toBeLessThan(3000)
  })
  it('token expiry → AUTH, not retried, and stays expired', async () => {
    expect(await listWith({ kind: 'tokenExpiry', times: 1 })).toMatchObject({
      data: { code: 'AUTH', status: 401, message: expect.stringContaining('expired') }
    })
    expect(getCount()).toBe(1)
    expect(await rejectionOf(h.client().listNodes())).toMatchObject({ data: { code: 'AUTH' } })
  })
  it('an abort cancels a hanging call', async () => {
    h.sim.control.injectFault({ kind: 'hang', method: 'GET', route: 'nodes/' })
    const ac = new AbortController()
    const p = rejectionOf(h.client().listNodes({ signal: ac.signal }))
    setTimeout(() => ac.abort(), 50)
    expect(await p).toMatchObject({ data: { code: 'CANCELLED' } })
    expect(getCount()).toBe(1)
  })
  it('a refused connection → NETWORK', async () => {
    const srv = await localServer(() => {})
    const baseUrl = srv.baseUrl
    await srv.stop()
    const c = createE2EClient({ ...h.target, baseUrl }, { sleep: async () => {}, maxGetRetries: 0 })
    expect(await rejectionOf(c.listProjects())).toMatchObject({
      data: { code: 'NETWORK', message: expect.stringContaining('refused') }
    })
  })
})

describe('write faults are never retried', () => {
  it.each([
    [{ kind: 'http5xx', status: 502, body: 'html' }, 'SERVER'],
    [{ kind: 'drop' }, 'NETWORK'],
    [{ kind: 'http429', html: true }, 'RATE_LIMITED']
  ] as const)('PUT action with %o → %s, sent once', async (fault, code) => {
    h.sim.control.injectFault({ ...fault, method: 'PUT', route: 'nodes/{id}/actions/' } as FaultInput)
    expect(await rejectionOf(h.client().nodeAction(nodeId, 'lock_vm'))).toMatchObject({ data: { code } })
    expect(h.sim.control.countRequests({ method: 'PUT', path: 'nodes/{id}/actions/' })).toBe(1)
  })
  it('PUT hang → TIMEOUT, sent once', async () => {
    h.sim.control.injectFault({ kind: 'hang', method: 'PUT', route: 'nodes/{id}/actions/' })
    expect(await rejectionOf(h.client({ timeoutMs: 100 }).nodeAction(nodeId, 'reboot'))).toMatchObject({
      data: { code: 'TIMEOUT' }
    })
    expect(h.sim.control.countRequests({ method: 'PUT', path: 'nodes/{id}/actions/' })).toBe(1)
  })
})

describe('odd replies (local server)', () => {
  it('a 200 that is not JSON, or JSON of the wrong shape → INVALID_REPLY with a short snippet', async () => {
    const srv = await localServer((req, res) => {
      if (req.url.includes('ssh_keys')) return html(res, 200, '<html><body>Maintenance window</body></html>')
      json(res, 200, { code: 200, data: { not: 'a list' } })
    })
    try {
      const c = createE2EClient({ ...h.target, baseUrl: srv.baseUrl })
      const e1 = await rejectionOf(c.listSshKeys())
      expect(e1).toMatchObject({
        data: { code: 'INVALID_REPLY', message: expect.stringContaining('Maintenance window') }
      })
      const e2 = await rejectionOf(c.listSecurityGroups())
      expect(e2).toMatchObject({ data: { code: 'INVALID_REPLY' } })
      expect((e2 as Error).message.length).toBeLessThan(400)
    } finally {
      await srv.stop()
    }
  })
  it('sends apikey, Bearer token and JSON content type; the 412 envelope gives its detail', async () => {
    const srv = await localServer((_req, res) =>
      json(res, 412, { code: 412, data: {}, errors: { detail: ['Node is locked'] }, message: 'Bad Request' })
    )
    try {
      const c = createE2EClient({ ...h.target, baseUrl: srv.baseUrl })
      expect(await rejectionOf(c.nodeAction(5, 'power_off'))).toMatchObject({
        data: { code: 'PRECONDITION', message: 'E2E refused: Node is locked' }
      })
      const req = srv.requests[0]
      expect(req?.method).toBe('PUT')
      expect(req?.headers['authorization']).toBe(`Bearer ${h.target.authToken}`)
      expect(req?.headers['content-type']).toBe('application/json')
      expect(JSON.parse(req?.body ?? '')).toEqual({ type: 'power_off' })
      const url = new URL(req?.url ?? '', 'http://x')
      expect(url.pathname).toBe('/myaccount/api/v1/nodes/5/actions/')
      expect(Object.fromEntries(url.searchParams)).toEqual({
        apikey: h.target.apiKey,
        project_id: String(h.target.projectId),
        location: 'Delhi'
      })
    } finally {
      await srv.stop()
    }
  })
})
