import { waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProfileNodes } from '../../../shared/domain/node-state'
import { createFakeApi } from '../../../tests/support/renderer/fake-api'
import { makeNode, makeProfileNodes } from '../../../tests/support/builders'
import { installBridge, resetForTests } from '../../../tests/support/renderer/reset'
import { FIRST_PAINT_ROWS, useNodesStore } from './nodes.store'

afterEach(() => resetForTests())

describe('nodes store: first paint from a cut snapshot', () => {
  it('shows the cut lists at once, then fetches the full ones after that paint', async () => {
    const nodes = Array.from({ length: 300 }, (_, i) => makeNode({ id: i + 1, name: `n-${i + 1}` }))
    const full: ProfileNodes[] = [makeProfileNodes({ nodes })]
    const cut: ProfileNodes[] = [makeProfileNodes({ nodes: nodes.slice(0, FIRST_PAINT_ROWS), totalNodes: 300 })]
    let releaseFull: () => void = () => undefined
    const fullReady = new Promise<void>((r) => (releaseFull = r))
    const seen: number[] = []
    installBridge(
      createFakeApi({
        'nodes:snapshot': async (input) => {
          seen.push(input.firstByName ?? 0)
          if (input.firstByName) return cut
          await fullReady
          return full
        }
      })
    )
    const loading = useNodesStore.getState().load()
    await waitFor(() => expect(useNodesStore.getState().byProfile['p1']?.nodes).toHaveLength(FIRST_PAINT_ROWS))
    await waitFor(() => expect(seen).toEqual([FIRST_PAINT_ROWS, 0]))
    expect(useNodesStore.getState().byProfile['p1']?.totalNodes).toBe(300)
    releaseFull()
    await loading
    expect(useNodesStore.getState().byProfile['p1']?.nodes).toHaveLength(300)
    expect(useNodesStore.getState().byProfile['p1']?.totalNodes).toBeUndefined()
  })
})

describe('nodes store: small accounts', () => {
  it('asks once when no profile was cut', async () => {
    const seen: number[] = []
    const small = [makeProfileNodes({ nodes: [makeNode({ id: 1, name: 'web-01' })] })]
    installBridge(
      createFakeApi({
        'nodes:snapshot': (input) => {
          seen.push(input.firstByName ?? 0)
          return small
        }
      })
    )
    await useNodesStore.getState().load()
    expect(seen).toEqual([FIRST_PAINT_ROWS])
    expect(useNodesStore.getState().byProfile['p1']?.nodes).toHaveLength(1)
  })
})

// The first-run demo pick reloads the lists while main streams each profile's first list: a snapshot computed before
// an event can arrive after it (the preview's calls and events travel on different connections).
describe('nodes store: a snapshot and the events that overtake it', () => {
  const refreshing = (profileId: string, rev: number) =>
    makeProfileNodes({ profileId, nodes: [], refreshing: true, fetchedAt: null, rev })
  const listed = (profileId: string, rev: number) =>
    makeProfileNodes({ profileId, nodes: [makeNode({ id: rev, name: `${profileId}-node` })], rev })

  it('keeps a profile’s list that arrived while the older snapshot was on its way', async () => {
    let answer: (v: ProfileNodes[]) => void = () => undefined
    installBridge(createFakeApi({ 'nodes:snapshot': () => new Promise<ProfileNodes[]>((r) => (answer = r)) }))
    const loading = useNodesStore.getState().loadRest()
    // Main took the snapshot (p2 still refreshing, rev 2), then p2's list came (rev 4) and was sent at once.
    useNodesStore.getState().apply(listed('p2', 4))
    answer([listed('p1', 3), refreshing('p2', 2)])
    await loading
    const { byProfile } = useNodesStore.getState()
    expect(byProfile['p2']?.nodes).toHaveLength(1)
    expect(byProfile['p2']?.refreshing).toBe(false)
    expect(byProfile['p1']?.nodes).toHaveLength(1)
  })

  it('an event older than the snapshot held changes nothing; a newer one replaces it', () => {
    useNodesStore.setState({ byProfile: { p1: listed('p1', 5) } })
    useNodesStore.getState().apply(refreshing('p1', 3))
    expect(useNodesStore.getState().byProfile['p1']?.refreshing).toBe(false)
    useNodesStore.getState().apply(refreshing('p1', 6))
    expect(useNodesStore.getState().byProfile['p1']?.refreshing).toBe(true)
  })

  it('a profile added while the snapshot travelled stays; one the snapshot no longer has goes', async () => {
    useNodesStore.setState({ byProfile: { old: listed('old', 1) } })
    let answer: (v: ProfileNodes[]) => void = () => undefined
    installBridge(createFakeApi({ 'nodes:snapshot': () => new Promise<ProfileNodes[]>((r) => (answer = r)) }))
    const loading = useNodesStore.getState().loadRest()
    useNodesStore.getState().apply(listed('new', 9))
    answer([listed('p1', 7)])
    await loading
    expect(Object.keys(useNodesStore.getState().byProfile).sort()).toEqual(['new', 'p1'])
  })
})
