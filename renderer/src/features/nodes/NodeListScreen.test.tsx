import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { makeNode, makeProfile, makeProfileNodes } from '../../../../tests/support/builders'
import { installFake, resetStoresAfterEach, stubJsdomViewport } from '../../../../tests/support/renderer/setup-fake'
import { connectEvents, loadAll } from '../../stores/events'
import { useUiStore } from '../../stores/ui.store'
import { NodeListScreen } from './NodeListScreen'

resetStoresAfterEach()
stubJsdomViewport()

const nodes = [
  makeNode({ id: 1, name: 'web-1', status: 'RUNNING', publicIp: '164.52.1.1', createdAt: '2026-01-01T00:00:00Z' }),
  makeNode({ id: 2, name: 'api-2', status: 'OFF', publicIp: '164.52.1.2', createdAt: '2026-01-03T00:00:00Z' }),
  makeNode({ id: 3, name: 'db-3', status: 'FAILED', publicIp: '164.52.9.3', createdAt: '2026-01-02T00:00:00Z' })
]

async function renderList(stateOver = {}) {
  const fake = installFake({}, { profiles: [makeProfile()], snapshot: [makeProfileNodes({ nodes, ...stateOver })] })
  await act(() => loadAll())
  render(<NodeListScreen />)
  return fake
}

const rowNames = () => screen.getAllByTestId('node-row').map((r) => within(r).getAllByRole('button')[0]?.textContent)

describe('node list', () => {
  it("the tray's Create node opens the create wizard over the list", async () => {
    await renderList()
    expect(screen.queryByRole('dialog')).toBeNull()
    act(() => useUiStore.getState().navigate({ view: 'create' }))
    expect(await screen.findByRole('dialog', {}, { timeout: 5000 })).toBeInTheDocument()
  })

  it('lists nodes sorted by name, with status as text', async () => {
    await renderList()
    expect(rowNames()).toEqual(['api-2', 'db-3', 'web-1'])
    expect(within(screen.getByTestId('node-table')).getByText('Powered off')).toHaveClass('status-OFF')
    expect(screen.getByTestId('node-count')).toHaveTextContent('3 of 3 nodes')
  })

  it('searches by name or IP and filters by status', async () => {
    await renderList()
    fireEvent.change(screen.getByTestId('node-search'), { target: { value: '164.52.1.' } })
    await waitFor(() => expect(rowNames()).toEqual(['api-2', 'web-1']))
    // The chips count what the search matches; a chip filters to its status.
    expect(screen.getByRole('button', { name: 'All 2' })).toHaveAttribute('aria-pressed', 'true')
    fireEvent.click(screen.getByRole('button', { name: 'Running 1' }))
    await waitFor(() => expect(rowNames()).toEqual(['web-1']))
    expect(screen.getByRole('button', { name: 'Running 1' })).toHaveAttribute('aria-pressed', 'true')
    fireEvent.change(screen.getByTestId('node-search'), { target: { value: 'zzz' } })
    await waitFor(() => expect(screen.getByText('No nodes match')).toBeInTheDocument())
  })

  it('sorts by status and by created', async () => {
    await renderList()
    fireEvent.change(screen.getByTestId('sort'), { target: { value: 'status:asc' } })
    expect(rowNames()).toEqual(['web-1', 'api-2', 'db-3'])
    fireEvent.change(screen.getByTestId('sort'), { target: { value: 'created:desc' } })
    expect(rowNames()).toEqual(['api-2', 'db-3', 'web-1'])
  })

  it('sorts from the column headers, both ways, and says so with aria-sort', async () => {
    await renderList()
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) })
    expect(header('Name')).toHaveAttribute('aria-sort', 'ascending')
    fireEvent.click(within(header('Name')).getByRole('button'))
    expect(header('Name')).toHaveAttribute('aria-sort', 'descending')
    expect(rowNames()).toEqual(['web-1', 'db-3', 'api-2'])
    // Another column starts at its natural direction (newest first) and the name header lets go.
    fireEvent.click(within(header('Created')).getByRole('button'))
    expect(header('Created')).toHaveAttribute('aria-sort', 'descending')
    expect(header('Name')).not.toHaveAttribute('aria-sort')
    expect(rowNames()).toEqual(['api-2', 'db-3', 'web-1'])
    fireEvent.click(within(header('Created')).getByRole('button'))
    expect(header('Created')).toHaveAttribute('aria-sort', 'ascending')
    expect(rowNames()).toEqual(['web-1', 'db-3', 'api-2'])
  })

  it('renders only a window of 10,000 rows', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => makeNode({ id: i + 1, name: `n-${i + 1}` }))
    installFake({}, { profiles: [makeProfile()], snapshot: [makeProfileNodes({ nodes: many })] })
    await act(() => loadAll())
    render(<NodeListScreen />)
    expect(screen.getByTestId('node-count')).toHaveTextContent('10,000 of 10,000 nodes')
    expect(screen.getAllByTestId('node-row').length).toBeLessThan(60)
  })

  it('shows an offline banner with the age of the cached list', async () => {
    await renderList({
      source: 'cache',
      fetchedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      error: { code: 'NETWORK', message: 'x', reason: 'offline' }
    })
    expect(screen.getByTestId('stale-banner')).toHaveTextContent(/Production: offline .* 5 min ago/)
  })

  it('applies nodes:changed and pauses polling', async () => {
    const fake = await renderList()
    const off = connectEvents()
    act(() => fake.emit('nodes:changed', makeProfileNodes({ nodes: [...nodes, makeNode({ id: 4, name: 'new-4' })] })))
    expect(screen.getByTestId('node-count')).toHaveTextContent('4 of 4 nodes')
    fireEvent.click(screen.getByRole('button', { name: 'Pause polling' }))
    await waitFor(() => expect(screen.getByTestId('polling-status')).toHaveTextContent('Polling paused'))
    expect(fake.callsTo('poller:set-paused')).toEqual([{ paused: true }])
    off()
  })

  it('keeps keyboard focus on the node the user was on when a poll changes the rows above it', async () => {
    const fake = await renderList()
    const off = connectEvents()
    // Sorted: api-2, db-3, web-1. Focus db-3's Copy button, then api-2 disappears (deleted elsewhere).
    const copyDb = screen.getByRole('button', { name: 'Copy IP 164.52.9.3' })
    copyDb.focus()
    act(() => fake.emit('nodes:changed', makeProfileNodes({ nodes: [nodes[0]!, nodes[2]!] })))
    expect(rowNames()).toEqual(['db-3', 'web-1'])
    expect(document.activeElement).toHaveAccessibleName('Copy IP 164.52.9.3')
    // Now db-3 itself goes: focus falls back to the table, not onto web-1.
    act(() => fake.emit('nodes:changed', makeProfileNodes({ nodes: [nodes[0]!] })))
    expect(rowNames()).toEqual(['web-1'])
    expect(document.activeElement).toBe(screen.getByTestId('node-table-scroll'))
    off()
  })

  it('never pulls focus back into the table after the user left it', async () => {
    const fake = await renderList()
    const off = connectEvents()
    const copyDb = screen.getByRole('button', { name: 'Copy IP 164.52.9.3' })
    copyDb.focus()
    // A click on a blank part of the window: focus goes to the body, the button is still there.
    act(() => copyDb.blur())
    await act(() => Promise.resolve())
    act(() => fake.emit('nodes:changed', makeProfileNodes({ nodes: [nodes[0]!, nodes[2]!] })))
    expect(document.activeElement).toBe(document.body)
    off()
  })

  describe('narrow window: the detail is a sheet over the list', () => {
    /** The window's width as nodes.css sees it (jsdom has no layout and no matchMedia). */
    const windowWidth = (width: number) =>
      vi.stubGlobal('matchMedia', (query: string) => ({
        matches: /max-width: 960px/.test(query) && width <= 960,
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined
      }))
    afterEach(() => vi.unstubAllGlobals())
    // reset.ts leaves the tray's create request set (the first test makes one): its wizard would hold the keys.
    beforeEach(() => useUiStore.getState().closeCreateRequest())
    const list = () => screen.getByRole('region', { name: 'Nodes' })

    it('the list it covers is out of the Tab order (inert); Esc closes it and focus returns to the row', async () => {
      windowWidth(800)
      await renderList()
      const name = within(screen.getAllByTestId('node-row')[1]!).getByRole('button', { name: 'db-3' })
      name.focus()
      fireEvent.click(name)
      const panel = await screen.findByTestId('node-detail', {}, { timeout: 5000 })
      expect(list()).toHaveAttribute('inert')
      expect(panel).not.toHaveAttribute('inert')
      fireEvent.keyDown(within(panel).getByRole('heading', { level: 2 }), { key: 'Escape' })
      await waitFor(() => expect(screen.queryByTestId('node-detail')).toBeNull())
      expect(list()).not.toHaveAttribute('inert')
      await waitFor(() => expect(document.activeElement).toBe(name))
    })

    it('a click beside the sheet closes it; "/" still reaches the search', async () => {
      windowWidth(800)
      await renderList()
      act(() => useUiStore.getState().select({ profileId: 'p1', nodeId: 1 }))
      await screen.findByTestId('node-detail', {}, { timeout: 5000 })
      fireEvent.click(list().parentElement!)
      expect(useUiStore.getState().selected).toBeNull()
      act(() => useUiStore.getState().select({ profileId: 'p1', nodeId: 1 }))
      fireEvent.keyDown(document.body, { key: '/' })
      expect(useUiStore.getState().selected).toBeNull()
      expect(document.activeElement).toBe(screen.getByTestId('node-search'))
    })

    it('a wide window keeps the detail beside the list, which stays as it is', async () => {
      windowWidth(1400)
      await renderList()
      act(() => useUiStore.getState().select({ profileId: 'p1', nodeId: 1 }))
      await screen.findByTestId('node-detail', {}, { timeout: 5000 })
      expect(list()).not.toHaveAttribute('inert')
      fireEvent.click(list().parentElement!)
      expect(useUiStore.getState().selected).not.toBeNull()
    })
  })
})
