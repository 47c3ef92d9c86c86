import { waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProfileNodes } from '../../../shared/domain/node-state'
import { setBridgeForTests } from '../lib/ipc'
import { createFakeApi } from '../testing/fake-api'
import { makeNode, makeProfileNodes } from '../testing/fixtures'
import { resetStartup, startLoading, startLoadingAfter } from './events'
import { FIRST_PAINT_ROWS, holdFullListsUntil, useNodesStore } from './nodes.store'

afterEach(() => {
  setBridgeForTests(null)
  resetStartup()
  holdFullListsUntil(Promise.resolve())
  useNodesStore.setState({ byProfile: {}, loaded: false, error: null })
})

describe('nodes store: first paint from a cut snapshot', () => {
  it('shows the cut lists at once, then fetches the full ones after that paint', async () => {
    const nodes = Array.from({ length: 300 }, (_, i) => makeNode({ id: i + 1, name: `n-${i + 1}` }))
    const full: ProfileNodes[] = [makeProfileNodes({ nodes })]
    const cut: ProfileNodes[] = [makeProfileNodes({ nodes: nodes.slice(0, FIRST_PAINT_ROWS), totalNodes: 300 })]
    let releaseFull: () => void = () => undefined
    const fullReady = new Promise<void>((r) => (releaseFull = r))
    const seen: number[] = []
    setBridgeForTests(
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
    setBridgeForTests(
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

describe('nodes store: the window start', () => {
  it('has its first data with the cut list, and asks for the full list only once the window says it painted', async () => {
    const nodes = Array.from({ length: 200 }, (_, i) => makeNode({ id: i + 1, name: `n-${i + 1}` }))
    const seen: number[] = []
    setBridgeForTests(
      createFakeApi({
        'nodes:snapshot': (input) => {
          seen.push(input.firstByName ?? 0)
          return input.firstByName
            ? [makeProfileNodes({ nodes: nodes.slice(0, input.firstByName), totalNodes: nodes.length })]
            : [makeProfileNodes({ nodes })]
        }
      })
    )
    let painted: () => void = () => undefined
    holdFullListsUntil(new Promise<void>((r) => (painted = r)))
    const { firstData, all } = startLoading()
    await firstData
    expect(useNodesStore.getState().loaded).toBe(true)
    expect(useNodesStore.getState().byProfile['p1']?.nodes).toHaveLength(FIRST_PAINT_ROWS)
    // Long enough for any stray request to have gone out: the full list waits for the paint.
    await new Promise((r) => setTimeout(r, 50))
    expect(seen).toEqual([FIRST_PAINT_ROWS])
    painted()
    await all
    expect(seen).toEqual([FIRST_PAINT_ROWS, 0])
    expect(useNodesStore.getState().byProfile['p1']?.nodes).toHaveLength(200)
  })
})

describe('the window start after a saved first screen', () => {
  it('asks main nothing until the saved screen has painted, then asks for everything in one go', async () => {
    const fake = createFakeApi({})
    setBridgeForTests(fake)
    let painted: () => void = () => undefined
    startLoadingAfter(new Promise<void>((r) => (painted = r)))
    const { firstData } = startLoading()
    await new Promise((r) => setTimeout(r, 30))
    expect(fake.calls).toEqual([])
    painted()
    await firstData
    expect(fake.calls.map((c) => c.channel).sort()).toEqual([
      'app:info',
      'nodes:snapshot',
      'profiles:list',
      'settings:get'
    ])
  })
})
