// Where the keyboard lands after a delete, in jsdom with the whole screen: every way of deleting one node (row
// menu, Delete key, the detail panel's Delete) ends on the next row's name, the previous one's when the node was
// last, and the search box when the list is empty; never the page's body or the table's unnamed box.
import { beforeEach, describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { NodeSummary } from '../../../../shared/domain/node'
import { makeNode, makeProfile, makeProfileNodes } from '../../../../tests/support/builders'
import { installFake, resetStoresAfterEach, stubJsdomViewport } from '../../../../tests/support/renderer/setup-fake'
import { loadAll } from '../../stores/events'
import { useNodesStore } from '../../stores/nodes.store'
import { useUiStore } from '../../stores/ui.store'
import { NodeListScreen } from './NodeListScreen'
import { useSelectionStore } from './selection.store'

resetStoresAfterEach()
stubJsdomViewport()
beforeEach(() => useSelectionStore.getState().clear())

const three = [makeNode({ id: 1, name: 'a-1' }), makeNode({ id: 2, name: 'a-2' }), makeNode({ id: 3, name: 'a-3' })]

/** The list with `nodes`; a delete drops its node from the list as main does: before the call answers, or
 * (`late`) a moment after. */
async function renderList(nodes: NodeSummary[], late = false) {
  let left = nodes
  const drop = (id: number) => {
    left = left.filter((n) => n.id !== id)
    useNodesStore.getState().apply(makeProfileNodes({ nodes: left }))
  }
  installFake(
    {
      'nodes:delete': (input: { nodeId: number }) => {
        if (late) setTimeout(() => act(() => drop(input.nodeId)), 50)
        else drop(input.nodeId)
        return { deleted: true as const }
      }
    },
    { profiles: [makeProfile()], snapshot: [makeProfileNodes({ nodes })] }
  )
  await act(() => loadAll())
  render(<NodeListScreen />)
  await screen.findAllByRole('button', { name: /^Actions for / }, { timeout: 5000 })
}

const row = (name: string) => screen.getAllByTestId('node-row').find((r) => r.getAttribute('data-node') === name)!
const nameButton = (name: string) => within(row(name)).getByRole('button', { name })

async function confirmDelete(name: string) {
  const dialog = await screen.findByRole('alertdialog', { name: `Delete ${name}?` }, { timeout: 5000 })
  fireEvent.change(within(dialog).getByLabelText(/to confirm/), { target: { value: name } })
  fireEvent.click(within(dialog).getByRole('button', { name: 'Delete node' }))
  await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
}

async function deleteFromRowMenu(name: string) {
  const menuButton = within(row(name)).getByRole('button', { name: `Actions for ${name}` })
  menuButton.focus()
  fireEvent.click(menuButton)
  const menu = await screen.findByRole('menu', { name: `Actions for ${name}` }, { timeout: 5000 })
  fireEvent.click(within(menu).getByRole('menuitem', { name: /^Delete…/ }))
  await confirmDelete(name)
}

describe('focus after a delete', () => {
  it('from the row menu: the next row’s name', async () => {
    await renderList(three)
    await deleteFromRowMenu('a-2')
    await waitFor(() => expect(document.activeElement).toBe(nameButton('a-3')))
  })

  it('from the row menu, when the list drops the node only after the call answered: still the next row’s name', async () => {
    await renderList(three, true)
    await deleteFromRowMenu('a-2')
    await waitFor(() => expect(screen.queryByRole('button', { name: 'a-2' })).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(nameButton('a-3')))
  })

  it('from the row menu, on the last row: the previous row’s name', async () => {
    await renderList(three)
    await deleteFromRowMenu('a-3')
    await waitFor(() => expect(document.activeElement).toBe(nameButton('a-2')))
  })

  it('from the row menu, on the only row: the search box', async () => {
    await renderList([makeNode({ id: 1, name: 'a-1' })])
    await deleteFromRowMenu('a-1')
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('node-search')))
  })

  it('with the Delete key: the next row’s name', async () => {
    await renderList(three)
    nameButton('a-1').focus()
    fireEvent.keyDown(nameButton('a-1'), { key: 'Delete' })
    await confirmDelete('a-1')
    await waitFor(() => expect(document.activeElement).toBe(nameButton('a-2')))
  })

  it('from the detail panel’s Delete: the panel closes and the next row’s name has focus', async () => {
    await renderList(three)
    fireEvent.click(nameButton('a-2'))
    const panel = await screen.findByTestId('node-detail', {}, { timeout: 5000 })
    fireEvent.click(within(panel).getByRole('button', { name: 'Delete' }))
    await confirmDelete('a-2')
    await waitFor(() => expect(document.activeElement).toBe(nameButton('a-3')))
    expect(useUiStore.getState().selected).toBeNull()
    expect(screen.queryByTestId('node-detail')).toBeNull()
  })

  it('after a bulk delete of the checked rows (their bar is gone): the next row’s name', async () => {
    await renderList([...three, makeNode({ id: 4, name: 'a-4' })])
    fireEvent.click(within(row('a-2')).getByRole('checkbox'))
    fireEvent.click(within(row('a-3')).getByRole('checkbox'), { shiftKey: true })
    fireEvent.click(await screen.findByTestId('bulk-delete', {}, { timeout: 5000 }))
    const dialog = await screen.findByTestId('bulk-dialog', {}, { timeout: 5000 })
    fireEvent.change(within(dialog).getByLabelText(/to confirm/), { target: { value: '2' } })
    fireEvent.click(within(dialog).getByTestId('bulk-confirm'))
    await waitFor(() => expect(screen.queryByTestId('bulk-dialog')).toBeNull(), { timeout: 5000 })
    await waitFor(() => expect(document.activeElement).toBe(nameButton('a-4')))
  })
})
