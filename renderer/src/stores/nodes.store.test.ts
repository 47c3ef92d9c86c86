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
