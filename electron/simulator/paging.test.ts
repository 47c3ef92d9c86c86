import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator } from './index'
import { call, loose, rows } from '../../tests/support/sim-client'
import type { StartedSimulator } from './types'

let sim: StartedSimulator
beforeAll(async () => {
  sim = await startSimulator({ seed: 'empty' })
})
afterAll(async () => {
  await sim.stop()
})
beforeEach(() => {
  sim.control.reset()
})

const scope = (): { apiKey: string; projectId: number; location: 'Delhi' } => ({
  apiKey: sim.demo.apiKey,
  projectId: sim.demo.projects[0]?.projectId ?? 0,
  location: 'Delhi'
})

describe('paging', () => {
  it('pages 1-based with both totals beside data, and returns all rows without paging params', async () => {
    sim.control.addNodes({ ...scope(), count: 25 })
    const all = await call(sim, 'GET', 'nodes/')
    expect(rows(all)).toHaveLength(25)
    expect(loose(all)).toMatchObject({ total_count: 25, total_page_number: 1 })
    const p3 = await call(sim, 'GET', 'nodes/', { query: { page_no: 3, per_page: 10 } })
    expect(rows(p3)).toHaveLength(5)
    expect(loose(p3)).toMatchObject({ total_count: 25, total_page_number: 3 })
    const p1 = rows(await call(sim, 'GET', 'nodes/', { query: { page_no: 1, per_page: 10 } }))
    expect(p1[0]?.id).toBe(rows(all)[0]?.id)
    expect(rows(await call(sim, 'GET', 'nodes/', { query: { page_no: 4, per_page: 10 } }))).toEqual([])
    expect((await call(sim, 'GET', 'nodes/', { query: { page_no: 'x', per_page: 10 } })).status).toBe(400)
  })

  it('pages every list, and ignorePaging returns everything', async () => {
    for (const path of ['vpc/list/', 'ssh_keys/', 'security_group/', 'reserve_ips/', 'pbac/project/']) {
      const r = await call(sim, 'GET', path, { query: { page_no: 1, per_page: 1 } })
      expect(rows(r), path).toHaveLength(1)
      expect(typeof loose(r).total_count, path).toBe('number')
      expect(typeof loose(r).total_page_number, path).toBe('number')
    }
    sim.control.addNodes({ ...scope(), count: 30 })
    sim.control.setOptions({ ignorePaging: true })
    const r = await call(sim, 'GET', 'nodes/', { query: { page_no: 2, per_page: 10 } })
    expect(rows(r)).toHaveLength(30)
    expect(loose(r)).toMatchObject({ total_count: 30, total_page_number: 1 })
  })

  it('list rows carry the list fields (e2e-api.md#list-nodes), strings for sizes, no vm_id, and every empty-IP spelling', async () => {
    sim.control.addNodes({ ...scope(), count: 8, status: 'Creating' })
    sim.control
      .getNodes(scope())
      .forEach((n) => sim.control.setNode({ nodeId: n.id, status: 'Creating', publicIp: null }))
    const list = rows(await call(sim, 'GET', 'nodes/'))
    expect(new Set(list.map((n) => JSON.stringify(n.public_ip_address)))).toEqual(
      new Set(['""', 'null', '"[]"', '"--"'])
    )
    for (const key of [
      'id',
      'name',
      'plan',
      'status',
      'is_locked',
      'public_ip_address',
      'private_ip_address',
      'rescue_mode_status',
      'is_accidental_protection',
      'isEncryptionEnabled',
      'created_at',
      'location',
      'vcpus',
      'memory',
      'disk',
      'vm_type'
    ]) {
      expect(list[0], key).toHaveProperty(key)
    }
    expect(list[0]).not.toHaveProperty('vm_id')
    expect(list[0]?.memory).toBe('8 GB')
  })

  it('keeps reserved-IP extras beside data', async () => {
    const r = loose(await call(sim, 'GET', 'reserve_ips/'))
    expect(r).toHaveProperty('reserved_ip_details')
    expect(r.reserve_ip_price).toBe('INR 249.0 (excluding GST)')
    expect(r).toHaveProperty('is_limit_available')
  })
})

describe('performance', () => {
  it('adds 10,000 nodes well under a second and pages through them by 100 quickly', async () => {
    const t0 = performance.now()
    const ids = sim.control.addNodes({ ...scope(), count: 10_000, status: 'mixed' })
    const addMs = performance.now() - t0
    expect(ids).toHaveLength(10_000)
    expect(addMs).toBeLessThan(500)
    const t1 = performance.now()
    const seen = new Set<unknown>()
    let pages = 0
    let totalPages = 1
    for (let page = 1; page <= totalPages; page++) {
      const r = await call(sim, 'GET', 'nodes/', { query: { page_no: page, per_page: 100 } })
      totalPages = Number(loose(r).total_page_number)
      for (const row of rows(r)) seen.add(row.id)
      pages++
    }
    const pageMs = performance.now() - t1
    expect(pages).toBe(100)
    expect(seen.size).toBe(10_000)
    expect(pageMs).toBeLessThan(5000)
    console.info(`[perf] addNodes(10k) ${addMs.toFixed(0)} ms; 100 pages of 100 over HTTP ${pageMs.toFixed(0)} ms`)
  })
})
