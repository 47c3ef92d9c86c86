// The cut first snapshot the window paints from: each profile's first N nodes in the list's name order, with the
// full count, and the plain snapshot untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareNodesByName } from '../../shared/domain/node-status'
import type { ProfileNodes } from '../../shared/domain/node-state'
import { startMainHarness, valueOf, type MainHarness } from './harness'

let h: MainHarness
beforeAll(async () => {
  h = await startMainHarness()
  const conn = await h.demo.ensureStarted()
  const first = conn.projects[0]!
  h.sim.control.addNodes({
    apiKey: conn.apiKey,
    projectId: first.projectId,
    location: first.location,
    count: 250,
    status: 'mixed'
  })
  await h.main.nodes.refresh()
})
afterAll(() => h.close())

describe('nodes:snapshot with firstByName', () => {
  it('cuts each profile to its first rows by name and says how many there are', async () => {
    const full: ProfileNodes[] = valueOf(await h.call('nodes:snapshot', {}), 'full snapshot')
    const cut: ProfileNodes[] = valueOf(await h.call('nodes:snapshot', { firstByName: 40 }), 'cut snapshot')
    const big = full.find((p) => p.nodes.length > 40)!
    expect(big.totalNodes).toBeUndefined()
    const bigCut = cut.find((p) => p.profileId === big.profileId)!
    expect(bigCut.totalNodes).toBe(big.nodes.length)
    expect(bigCut.nodes.map((n) => n.id)).toEqual(
      [...big.nodes]
        .sort(compareNodesByName)
        .slice(0, 40)
        .map((n) => n.id)
    )
    // Small profiles come whole and unmarked.
    for (const p of cut.filter((x) => x.profileId !== big.profileId)) {
      expect(p.totalNodes).toBeUndefined()
      expect(p.nodes.length).toBe(full.find((x) => x.profileId === p.profileId)!.nodes.length)
    }
  })
})
