// Refresh in one round trip: with the last list's page count known, every page is asked for at once; a list that
// changes while its pages are fetched loses no node and shows none twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pagingProxy, type PagingProxy } from '../../../tests/support/paging-proxy'
import type { E2EClient } from './client.types'
import { simHarness, type SimHarness } from '../../../tests/support/api-harness'

let h: SimHarness
let proxy: PagingProxy
let client: E2EClient
let ids: number[]

const scope = () => ({ apiKey: h.target.apiKey, projectId: h.target.projectId ?? 0, location: 'Delhi' as const })

beforeEach(async () => {
  h = await simHarness('empty')
  ids = h.sim.control.addNodes({ ...scope(), count: 1000, status: 'Running' })
  proxy = await pagingProxy(h.target.baseUrl)
  client = h.client({}, { baseUrl: proxy.baseUrl })
})
afterEach(async () => {
  await proxy.stop()
  await h.stop()
})

/** Learns the page count (first refresh), then clears what the proxy saw. */
async function warm(): Promise<void> {
  expect(await client.listNodes()).toHaveLength(1000)
  proxy.arrived.length = 0
}

/** Deletes a node behind the client's back (straight to the simulator). */
async function deleteElsewhere(id: number): Promise<void> {
  h.sim.control.setNode({ nodeId: id, isLocked: false, isAccidentalProtection: false })
  await h.client().deleteNode(id, { reserveIp: false })
}

const sortedIds = (nodes: { id: number }[]) => nodes.map((n) => n.id).sort((a, b) => a - b)

describe('known page count', () => {
  it('the first refresh asks for page 1 alone; the next asks for all 10 pages before any reply', async () => {
    proxy.hold = true
    const first = client.listNodes()
    await proxy.untilHeld(1)
    await new Promise((r) => setTimeout(r, 50))
    expect(proxy.held()).toEqual([1])
    proxy.hold = false
    await proxy.release()
    expect(await first).toHaveLength(1000)

    proxy.arrived.length = 0
    proxy.hold = true
    const second = client.listNodes()
    await proxy.untilHeld(10)
    expect(proxy.held().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    proxy.hold = false
    await proxy.release()
    expect(await second).toHaveLength(1000)
    expect(proxy.arrived).toHaveLength(10)
  })

  it('fetches the pages the list grew by since last time', async () => {
    await warm()
    const added = h.sim.control.addNodes({ ...scope(), count: 150, status: 'Running' })
    const nodes = await client.listNodes()
    expect(sortedIds(nodes)).toEqual([...ids, ...added].sort((a, b) => a - b))
    expect([...proxy.arrived].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
  })

  it('a list that shrank since last time is read in the same round trip', async () => {
    await warm()
    for (const id of ids.slice(900)) await deleteElsewhere(id)
    const nodes = await client.listNodes()
    expect(sortedIds(nodes)).toEqual(ids.slice(0, 900))
    // The ten pages, then one confirming read of the nine that remain (100 known nodes went missing).
    expect(proxy.arrived.slice(0, 10).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })
})

describe('a list that changes while its pages are fetched', () => {
  it('a node that slides onto an already-read page is not lost', async () => {
    await warm()
    proxy.hold = true
    const refresh = client.listNodes()
    await proxy.untilHeld(10)
    await proxy.release([1]) // page 1 sees the list before the delete…
    const gone = ids[0]!
    await deleteElsewhere(gone) // …which moves the first node of page 2 onto page 1
    proxy.hold = false
    await proxy.release()
    const nodes = await refresh
    expect(sortedIds(nodes)).toEqual(ids.slice(1))
  })

  it('a node that slides onto a page not yet read is listed once', async () => {
    await warm()
    proxy.hold = true
    const refresh = client.listNodes()
    await proxy.untilHeld(10)
    await proxy.release([2, 3, 4, 5, 6, 7, 8, 9, 10]) // page 2 still starts with node 101…
    await deleteElsewhere(ids[0]!) // …and page 1, read after the delete, ends with it
    proxy.hold = false
    await proxy.release()
    const nodes = await refresh
    expect(nodes).toHaveLength(999)
    expect(sortedIds(nodes)).toEqual(ids.slice(1))
  })

  it('nodes created during the fetch are listed, each once', async () => {
    await warm()
    proxy.hold = true
    const refresh = client.listNodes()
    await proxy.untilHeld(10)
    await proxy.release([1, 2, 3, 4, 5])
    const added = h.sim.control.addNodes({ ...scope(), count: 30, status: 'Running' })
    proxy.hold = false
    await proxy.release()
    const nodes = await refresh
    expect(sortedIds(nodes)).toEqual([...ids, ...added].sort((a, b) => a - b))
  })

  it('a first refresh (page count unknown) is checked the same way', async () => {
    proxy.hold = true
    const refresh = client.listNodes()
    await proxy.untilHeld(1)
    await proxy.release([1])
    await proxy.untilHeld(9)
    await deleteElsewhere(ids[0]!)
    proxy.hold = false
    await proxy.release()
    expect(sortedIds(await refresh)).toEqual(ids.slice(1))
  })
})
