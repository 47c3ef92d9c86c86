import { act, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { NodeListScreen } from '../features/nodes/NodeListScreen'
import { makeNode, makeProfile, makeProfileNodes } from '../../../tests/support/builders'
import { installFake, resetStoresAfterEach, stubJsdomViewport } from '../../../tests/support/renderer/setup-fake'
import { useAppStore } from './app.store'
import { currentFirstScreen, keepFirstScreenSaved, readFirstScreen, showFirstScreen } from './boot-cache'
import { loadAll } from './events'
import { FIRST_PAINT_ROWS, useNodesStore } from './nodes.store'

resetStoresAfterEach()
stubJsdomViewport()

const many = Array.from({ length: 300 }, (_, i) => makeNode({ id: i + 1, name: `web-${i + 1}` }))
const profile = makeProfile({
  credentials: {
    hasCredentials: true,
    apiKeyHint: '…1a2b',
    tokenExpiresAt: null,
    tokenState: 'ok',
    tokenDaysLeft: null
  }
})

describe("the window's saved first screen", () => {
  it('is saved after main answers: each list cut to its first rows by name, no part of a key', async () => {
    installFake({}, { profiles: [profile], snapshot: [makeProfileNodes({ nodes: [...many].reverse() })] })
    const stop = keepFirstScreenSaved(10)
    await act(() => Promise.all([useAppStore.getState().load(), loadAll()]))
    await act(() => new Promise((r) => setTimeout(r, 30)))
    stop()
    const saved = readFirstScreen()
    expect(saved?.profiles.map((p) => p.name)).toEqual([profile.name])
    expect(saved?.profiles[0]?.credentials.apiKeyHint).toBeNull()
    const list = saved?.nodes[0]
    expect(list?.nodes).toHaveLength(FIRST_PAINT_ROWS)
    expect(list?.nodes.slice(0, 3).map((n) => n.name)).toEqual(['web-1', 'web-2', 'web-3'])
    expect(list?.totalNodes).toBe(300)
    expect(JSON.stringify(saved)).not.toContain('1a2b')
  })

  it('paints the list at start before main has answered, then main’s answer replaces it', async () => {
    let answer: () => void = () => undefined
    const answered = new Promise<void>((r) => (answer = r))
    installFake(
      {
        'nodes:snapshot': async () => {
          await answered
          return [makeProfileNodes({ nodes: [makeNode({ id: 9, name: 'fresh-9' })] })]
        }
      },
      { profiles: [profile] }
    )
    showFirstScreen({
      v: 1,
      info: { name: 'Nodetray', version: '0.1.0', platform: 'linux', demoMode: false, preview: false, notices: [] },
      settings: {
        steadyIntervalSec: 60,
        notifications: true,
        launchAtLogin: false,
        startHidden: false,
        quitOnClose: false,
        showDemo: true,
        hideDemo: false,
        glanceShortcut: false
      },
      profiles: [profile],
      nodes: [
        makeProfileNodes({
          nodes: [makeNode({ id: 1, name: 'saved-1' })],
          fetchedAt: new Date(Date.now() - 3 * 3600_000).toISOString()
        })
      ]
    })
    render(<NodeListScreen />)
    // Before any answer: the saved rows, with their true age.
    expect(within(screen.getByTestId('node-table')).getByText('saved-1')).toBeInTheDocument()
    expect(screen.getByTestId('data-age')).toHaveTextContent('3 h ago')
    const loading = loadAll()
    answer()
    await act(() => loading)
    expect(within(screen.getByTestId('node-table')).getByText('fresh-9')).toBeInTheDocument()
    expect(within(screen.getByTestId('node-table')).queryByText('saved-1')).not.toBeInTheDocument()
    expect(useNodesStore.getState().byProfile['p1']?.nodes.map((n) => n.name)).toEqual(['fresh-9'])
  })

  it('is ignored when unreadable or from another version, and nothing is saved before main answers', () => {
    localStorage.setItem('nodetray.firstScreen.v1', '{not json')
    expect(readFirstScreen()).toBeNull()
    localStorage.setItem('nodetray.firstScreen.v1', JSON.stringify({ v: 2, nodes: [] }))
    expect(readFirstScreen()).toBeNull()
    expect(currentFirstScreen()).toBeNull()
  })
})
