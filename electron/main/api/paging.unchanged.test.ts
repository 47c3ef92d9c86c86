// A steady refresh whose pages did not change reuses what the last one read (no parse, no mapping); a page that
// changed in any byte is read anew, so a change is never hidden behind the reuse.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { NodeSummary } from '../../../shared/domain/node'
import { json, localServer, simHarness, type SimHarness } from '../../../tests/support/api-harness'
import { createE2EClient } from './index'

let h: SimHarness
let ids: number[]
beforeAll(async () => {
  h = await simHarness('empty')
  ids = h.sim.control.addNodes({
    apiKey: h.target.apiKey,
    projectId: h.target.projectId ?? 0,
    location: 'Delhi',
    count: 1000,
    status: 'Running'
  })
})
afterAll(() => h.stop())

const byId = (nodes: NodeSummary[]) => new Map(nodes.map((n) => [n.id, n]))

describe('unchanged pages', () => {
  it('a page that changed is read anew; the unchanged pages keep their nodes as they were', async () => {
    const client = h.client()
    const first = byId(await client.listNodes())
    const second = byId(await client.listNodes())
    expect(second.size).toBe(1000)
    // Nothing changed: the very same node objects (nothing was parsed or mapped again).
    for (const [id, node] of second) expect(node).toBe(first.get(id))

    const moved = ids[537]!
    h.sim.control.setNode({ nodeId: moved, status: 'Powered off', name: 'renamed-537' })
    const third = byId(await client.listNodes())
    expect(third.size).toBe(1000)
    expect(third.get(moved)).toMatchObject({ name: 'renamed-537', status: 'OFF', rawStatus: 'Powered off' })
    // Its page was parsed again (new objects), the other nine were not.
    const renewed = [...third].filter(([id, node]) => node !== second.get(id)).map(([id]) => id)
    expect(renewed).toContain(moved)
    expect(renewed).toHaveLength(100)
  })

  it('a refresh with no page changed gives the same nodes in a list of its own; one change gives the new list', async () => {
    const client = h.client()
    const first = await client.listNodes()
    const second = await client.listNodes()
    expect(second).toEqual(first)
    expect(second).not.toBe(first)
    // What a caller does to the list it got never reaches the next one.
    second.length = 0
    const third = await client.listNodes()
    expect(third.map((n) => n.id)).toEqual(first.map((n) => n.id))

    const gone = ids[10]!
    h.sim.control.setNode({ nodeId: gone, name: 'renamed-10' })
    const fourth = await client.listNodes()
    expect(fourth.find((n) => n.id === gone)?.name).toBe('renamed-10')
    expect(fourth).toHaveLength(1000)
  })

  it('a page size change starts from scratch', async () => {
    const client = h.client()
    const hundred = byId(await client.listNodes())
    const fifty = byId(await client.listNodes({ perPage: 50 }))
    expect(fifty.size).toBe(1000)
    for (const [id, node] of fifty) {
      expect(node).not.toBe(hundred.get(id))
      expect(node).toEqual(hundred.get(id))
    }
  })

  it('the same text under another status is not a reuse: a 200 that became a 500 still fails', async () => {
    const body = JSON.stringify({
      code: 200,
      data: [{ id: 1, name: 'a', status: 'Running' }],
      total_count: 1,
      total_page_number: 1
    })
    let status = 200
    const srv = await localServer((_req, res) => json(res, status, JSON.parse(body)))
    try {
      const client = createE2EClient(
        { baseUrl: srv.baseUrl, apiKey: 'k'.repeat(16), authToken: 't'.repeat(16), projectId: 1, location: 'Delhi' },
        { sleep: async () => undefined, maxGetRetries: 0 }
      )
      const [a] = await client.listNodes()
      const [b] = await client.listNodes()
      expect(b).toBe(a)
      status = 500
      await expect(client.listNodes()).rejects.toMatchObject({ data: { code: 'SERVER', status: 500 } })
    } finally {
      await srv.stop()
    }
  })

  it('an unchanged page is not parsed again', async () => {
    const client = h.client()
    await client.listNodes()
    const parse = vi.spyOn(JSON, 'parse')
    try {
      await client.listNodes()
      const pages = parse.mock.calls.filter(
        ([text]) => typeof text === 'string' && text.includes('"total_page_number"')
      )
      expect(pages).toHaveLength(0)
    } finally {
      parse.mockRestore()
    }
  })
})
