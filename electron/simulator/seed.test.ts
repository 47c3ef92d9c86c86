import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator } from './index'
import { call, loose, rows } from '../../tests/support/sim-client'
import type { StartedSimulator } from './types'

const started: StartedSimulator[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()))
})
const start = async (...args: Parameters<typeof startSimulator>): Promise<StartedSimulator> => {
  const sim = await startSimulator(...args)
  started.push(sim)
  return sim
}

async function everything(sim: StartedSimulator): Promise<unknown[]> {
  const out: unknown[] = []
  for (const p of sim.demo.projects) {
    for (const location of sim.demo.locations) {
      out.push(rows(await call(sim, 'GET', 'nodes/', { projectId: p.projectId, location })))
      out.push(rows(await call(sim, 'GET', 'reserve_ips/', { projectId: p.projectId, location })))
    }
  }
  return out
}

describe('seeds', () => {
  it('same seed → identical accounts, node lists, IPs (the demo credentials alone are fresh each run)', async () => {
    const a = await start({ seed: 'demo', transitions: 'instant' })
    const b = await start({ seed: 'demo', transitions: 'instant' })
    const { apiKey: _ka, authToken: _ta, ...restA } = a.demo
    const { apiKey: _kb, authToken: _tb, ...restB } = b.demo
    expect(restB).toEqual(restA)
    expect(await everything(b)).toEqual(await everything(a))
    const c = await start({ seed: 7 })
    const d = await start({ seed: 8 })
    expect(c.demo.apiKey).not.toBe(d.demo.apiKey)
  })

  it('demo: 2 projects × 2 locations with mixed states, flags and a committed node ending within 7 days', async () => {
    const sim = await start({ seed: 'demo' })
    expect(sim.demo.projects).toHaveLength(2)
    const all = []
    for (const p of sim.demo.projects) {
      for (const location of sim.demo.locations) {
        const list = rows(await call(sim, 'GET', 'nodes/', { projectId: p.projectId, location }))
        expect(list.length, `${p.name}/${location}`).toBeGreaterThan(0)
        all.push(...list)
      }
    }
    expect(all.length).toBeGreaterThanOrEqual(8)
    expect(all.length).toBeLessThanOrEqual(14)
    const statuses = new Set(all.map((n) => n.status))
    for (const s of ['Running', 'Powered off', 'Creating', 'Failed']) expect(statuses).toContain(s)
    expect(all.some((n) => n.is_locked === true)).toBe(true)
    expect(all.some((n) => n.is_accidental_protection === true)).toBe(true)
    expect(all.map((n) => n.name)).toEqual(expect.arrayContaining(['web-01', 'db-primary', 'gpu-trainer']))
    const committed = all.find((n) => n.vm_type === 'committed_vm')
    const detail = loose(
      await call(sim, 'GET', `nodes/${String(committed?.id)}/`, { location: String(committed?.location) })
    ).data as Record<string, unknown>
    const end = Date.parse(String((detail.committed_details as Record<string, unknown>[])[0]?.committed_end_date))
    const days = (end - Date.parse(sim.control.now())) / 86_400_000
    expect(days).toBeGreaterThan(0)
    expect(days).toBeLessThan(7)
    expect(rows(await call(sim, 'GET', 'reserve_ips/')).some((r) => r.status === 'Reserved')).toBe(true)
    expect(rows(await call(sim, 'GET', 'security_group/'))[0]?.name).toMatch(/^default_sg_delhi_\d+$/)
  })

  it('demo Creating nodes finish within a few seconds in fast mode', async () => {
    const sim = await start({ seed: 'demo' })
    const creating = async (): Promise<number> => {
      let n = 0
      for (const p of sim.demo.projects) {
        for (const location of sim.demo.locations) {
          n += rows(await call(sim, 'GET', 'nodes/', { projectId: p.projectId, location })).filter(
            (x) => x.status === 'Creating'
          ).length
        }
      }
      return n
    }
    expect(await creating()).toBeGreaterThan(0)
    sim.control.advanceClock(6500)
    expect(await creating()).toBe(0)
  })

  it('reset restores the seed and drops faults', async () => {
    const sim = await start({ seed: 'empty' })
    sim.control.addNodes({
      apiKey: sim.demo.apiKey,
      projectId: sim.demo.projects[0]?.projectId ?? 0,
      location: 'Delhi',
      count: 3
    })
    sim.control.injectFault({ kind: 'http5xx', status: 503, body: 'json' })
    sim.control.reset()
    const r = await call(sim, 'GET', 'nodes/')
    expect(r.status).toBe(200)
    expect(rows(r)).toEqual([])
  })
})
