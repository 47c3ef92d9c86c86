// Node-list paging: 1,000 nodes in 10 pages, bounded concurrency, servers that ignore paging, dedupe, page cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createE2EClient } from './index'
import { json, localServer, simHarness, type SimHarness } from '../../../tests/support/api-harness'

let h: SimHarness
beforeAll(async () => {
  h = await simHarness('empty')
  h.sim.control.addNodes({
    apiKey: h.target.apiKey,
    projectId: h.target.projectId ?? 0,
    location: 'Delhi',
    count: 1000,
    status: 'mixed'
  })
})
afterAll(() => h.stop())

describe('against the simulator', () => {
  it('reads 1,000 nodes as 10 pages of 100, each page once', async () => {
    h.sim.control.clearLog()
    const nodes = await h.client().listNodes()
    expect(nodes).toHaveLength(1000)
    expect(new Set(nodes.map((n) => n.id)).size).toBe(1000)
    const pages = h.sim.control
      .requestLog({ method: 'GET', path: 'nodes/' })
      .map((e) => `${e.query['page_no']}/${e.query['per_page']}`)
    expect(pages.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 1}/100`).sort())
  })
  it('treats page 1 as complete when the server ignores paging', async () => {
    h.sim.control.setOptions({ ignorePaging: true })
    h.sim.control.clearLog()
    try {
      expect(await h.client().listNodes()).toHaveLength(1000)
      expect(h.sim.control.countRequests({ method: 'GET', path: 'nodes/' })).toBe(1)
    } finally {
      h.sim.control.setOptions({ ignorePaging: false })
    }
  })
})

describe('against a local server', () => {
  const rows = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: from + i, name: `n${from + i}`, status: 'Running' }))

  it('keeps at most `concurrency` pages in flight, dedupes by id, and caps at 500 pages', async () => {
    let inFlight = 0
    let peak = 0
    const srv = await localServer((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page_no'))
      inFlight++
      peak = Math.max(peak, inFlight)
      setTimeout(() => {
        inFlight--
        // Page p overlaps the previous one by one row; totals claim far more than 500 pages.
        json(res, 200, { code: 200, data: rows(page * 2 - 1, 3), total_count: 30000, total_page_number: 10000 })
      }, 2)
    })
    try {
      const nodes = await createE2EClient({
        baseUrl: srv.baseUrl,
        apiKey: 'k',
        authToken: 't',
        projectId: 1,
        location: 'Delhi'
      }).listNodes({ perPage: 3, concurrency: 3 })
      expect(srv.requests).toHaveLength(500)
      expect(peak).toBeLessThanOrEqual(3)
      expect(nodes).toHaveLength(1001)
      expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length)
    } finally {
      await srv.stop()
    }
  })
  it('a reply with no totals is the whole list', async () => {
    const srv = await localServer((_req, res) => json(res, 200, { code: 200, data: rows(1, 5) }))
    try {
      const c = createE2EClient({ baseUrl: srv.baseUrl, apiKey: 'k', authToken: 't', projectId: 1, location: 'Delhi' })
      expect(await c.listNodes({ perPage: 2 })).toHaveLength(5)
      expect(srv.requests).toHaveLength(1)
    } finally {
      await srv.stop()
    }
  })
  it('keeps rows whose id is a digit string, drops rows without a usable id', async () => {
    const data = [{ id: '12', name: 'a' }, { id: 13.5 }, { id: 'x1' }, { name: 'no id' }, null, { id: 14, name: 'b' }]
    const srv = await localServer((_req, res) =>
      json(res, 200, { code: 200, data, total_count: 6, total_page_number: 1 })
    )
    try {
      const c = createE2EClient({ baseUrl: srv.baseUrl, apiKey: 'k', authToken: 't', projectId: 1, location: 'Delhi' })
      expect((await c.listNodes()).map((n) => [n.id, n.name])).toEqual([
        [12, 'a'],
        [14, 'b']
      ])
    } finally {
      await srv.stop()
    }
  })
  it('a server whose total_count never matches its rows is read twice once, then once per refresh', async () => {
    // 25 rows in 3 pages, but total_count says 40 (counting, say, nodes of another location).
    const srv = await localServer((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page_no'))
      json(res, 200, {
        code: 200,
        data: rows((page - 1) * 10 + 1, page === 3 ? 5 : 10),
        total_count: 40,
        total_page_number: 3
      })
    })
    try {
      const c = createE2EClient({ baseUrl: srv.baseUrl, apiKey: 'k', authToken: 't', projectId: 1, location: 'Delhi' })
      expect(await c.listNodes({ perPage: 10 })).toHaveLength(25)
      expect(srv.requests).toHaveLength(6)
      srv.requests.length = 0
      expect(await c.listNodes({ perPage: 10 })).toHaveLength(25)
      expect(srv.requests).toHaveLength(3)
    } finally {
      await srv.stop()
    }
  })
  it('one failing page fails the list (no silent gaps)', async () => {
    const srv = await localServer((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page_no'))
      if (page === 3) return json(res, 404, { detail: 'Not found.' })
      json(res, 200, { code: 200, data: rows(page * 10, 10), total_count: 50, total_page_number: 5 })
    })
    try {
      const c = createE2EClient({ baseUrl: srv.baseUrl, apiKey: 'k', authToken: 't', projectId: 1, location: 'Delhi' })
      await expect(c.listNodes({ perPage: 10 })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } })
    } finally {
      await srv.stop()
    }
  })
})
