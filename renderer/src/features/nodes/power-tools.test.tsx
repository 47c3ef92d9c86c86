// The list's power tools in jsdom: checks with Shift ranges, bulk delete's one confirm (count, skipped with
// reasons, committed loss, failures listed, retry), the row menu, the keyboard, demo rows marked.
import { beforeEach, describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { makeDetail, makeNode, makeProfile, makeProfileNodes } from '../../../../tests/support/builders'
import { fail } from '../../../../tests/support/renderer/fake-api'
import { installFake, resetStoresAfterEach, stubJsdomViewport } from '../../../../tests/support/renderer/setup-fake'
import { loadAll } from '../../stores/events'
import { useUiStore } from '../../stores/ui.store'
import { NodeListScreen } from './NodeListScreen'
import { useSelectionStore } from './selection.store'

resetStoresAfterEach()
stubJsdomViewport()
beforeEach(() => useSelectionStore.getState().clear())

const nodes = [
  makeNode({ id: 1, name: 'a-1', status: 'FAILED', publicIp: '164.52.1.1' }),
  makeNode({ id: 2, name: 'a-2', status: 'FAILED', publicIp: null }),
  makeNode({ id: 3, name: 'a-3', status: 'FAILED', isLocked: true }),
  makeNode({ id: 4, name: 'a-4', status: 'RUNNING', isCommitted: true }),
  makeNode({ id: 5, name: 'a-5', status: 'OFF' })
]

async function renderList(handlers = {}, profile = makeProfile()) {
  const fake = installFake(handlers, {
    profiles: [profile],
    snapshot: [makeProfileNodes({ profileId: profile.id, nodes })]
  })
  await act(() => loadAll())
  render(<NodeListScreen />)
  // The rows' check boxes and menu buttons join one frame after the list's first paint (a file's first test also
  // pays for loading its chunks, past the default second on a busy machine).
  await screen.findAllByRole('button', { name: /^Actions for / }, { timeout: 5000 })
  return fake
}

const row = (name: string) => screen.getAllByTestId('node-row').find((r) => r.getAttribute('data-node') === name)!
const check = (name: string, shift = false) =>
  fireEvent.click(within(row(name)).getByRole('checkbox'), shift ? { shiftKey: true } : {})

describe('multi-select', () => {
  it('Shift extends from the last checked row; Ctrl-click toggles; the header checks all shown', async () => {
    await renderList()
    check('a-1')
    check('a-3', true)
    expect(await screen.findByTestId('bulk-bar', {}, { timeout: 5000 })).toHaveTextContent('3 nodes checked')
    fireEvent.click(row('a-5'), { ctrlKey: true })
    expect(await screen.findByTestId('bulk-bar', {}, { timeout: 5000 })).toHaveTextContent('4 nodes checked')
    // Ctrl-click does not open the node.
    expect(useUiStore.getState().selected).toBeNull()
    fireEvent.click(screen.getByTestId('check-all'))
    expect(await screen.findByTestId('bulk-bar', {}, { timeout: 5000 })).toHaveTextContent('5 nodes checked')
    fireEvent.click(screen.getByTestId('check-all'))
    expect(screen.queryByTestId('bulk-bar')).toBeNull()
  })
})

describe('bulk delete', () => {
  it('one confirm states the count, lists skipped nodes with the reason and the committed loss', async () => {
    const fake = await renderList({
      'nodes:detail': () =>
        makeDetail({
          id: 4,
          committed: {
            skuId: 1,
            skuName: 'x',
            price: 12000,
            days: 365,
            termEndRaw: null,
            termEnd: '2027-06-01T00:00:00Z',
            message: null
          }
        })
    })
    fireEvent.click(screen.getByTestId('check-all'))
    fireEvent.click(await screen.findByTestId('bulk-delete'))
    const dialog = await screen.findByTestId('bulk-dialog', {}, { timeout: 5000 })
    expect(within(dialog).getByRole('heading', { level: 2 })).toHaveTextContent('Delete 4 nodes?')
    expect(within(dialog).getByTestId('bulk-skipped')).toHaveTextContent(/a-3 — The node is locked/)
    await waitFor(
      () => expect(within(dialog).getByTestId('bulk-committed')).toHaveTextContent(/a-4 — ₹12,000 paid, \d+ days left/),
      { timeout: 5000 }
    )
    const go = within(dialog).getByTestId('bulk-confirm')
    expect(go).toBeDisabled()
    // Disabled, and it says why (tooltip and accessible description), as every disabled button in the app does.
    expect(go).toHaveAccessibleDescription('Type 4 above to confirm')
    expect(go).toHaveAttribute('title', 'Type 4 above to confirm')
    expect(dialog).toHaveTextContent('This deletes 4 nodes. Their disks are erased and this cannot be undone.')
    fireEvent.change(within(dialog).getByLabelText(/to confirm/), { target: { value: '4' } })
    expect(go).toBeEnabled()
    expect(fake.callsTo('nodes:delete')).toEqual([])
  })

  it('runs each delete once, lists failures in plain words, and retries only those', async () => {
    let attempt = 0
    const fake = await renderList({
      'nodes:delete': (input: { nodeId: number }) => {
        if (input.nodeId === 2 && attempt++ === 0) throw fail('SERVER', 'DELETE nodes/2/ (503)', { status: 503 })
        return { deleted: true as const }
      }
    })
    check('a-1')
    check('a-2', true)
    fireEvent.click(await screen.findByTestId('bulk-delete'))
    const dialog = await screen.findByTestId('bulk-dialog', {}, { timeout: 5000 })
    fireEvent.change(within(dialog).getByLabelText(/to confirm/), { target: { value: '2' } })
    fireEvent.click(within(dialog).getByTestId('bulk-confirm'))
    const failed = await within(dialog).findByTestId('bulk-failed', {}, { timeout: 5000 })
    expect(failed).toHaveTextContent('a-2 — E2E’s service had a problem. Try again in a minute.')
    expect(failed).not.toHaveTextContent('nodes/2')
    expect(within(dialog).getByRole('heading', { level: 2 })).toHaveTextContent('Delete: 1 of 2 done')
    expect(fake.callsTo('nodes:delete').map((c) => [c.nodeId, c.confirmName])).toEqual([
      [1, 'a-1'],
      [2, 'a-2']
    ])
    // a-1 is unchecked (done); a-2 stays checked.
    expect(await screen.findByTestId('bulk-bar', {}, { timeout: 5000 })).toHaveTextContent('1 node checked')
    fireEvent.click(within(dialog).getByTestId('bulk-retry'))
    // One node left: said in the singular ("Their disks" for one node read wrong), and the confirm asks its name.
    await waitFor(() => expect(dialog).toHaveTextContent('This deletes 1 node. Its disk is erased'))
    fireEvent.change(await within(dialog).findByLabelText(/to confirm/), { target: { value: 'a-2' } })
    fireEvent.click(within(dialog).getByTestId('bulk-confirm'))
    await waitFor(() => expect(screen.queryByTestId('bulk-dialog')).toBeNull(), { timeout: 5000 })
    expect(fake.callsTo('nodes:delete').map((c) => c.nodeId)).toEqual([1, 2, 2])
  })
})

describe('bulk power', () => {
  it('names each demo node once as demo: the profile name already says "Demo", so no badge repeats it', async () => {
    const d1 = makeProfile({ id: 'd1', name: 'Demo · default-project (Delhi)', isDemo: true })
    const d2 = makeProfile({ id: 'd2', name: 'Demo · default-project (Chennai)', isDemo: true, projectId: '2' })
    installFake(
      {},
      {
        profiles: [d1, d2],
        snapshot: [
          makeProfileNodes({ profileId: 'd1', nodes: [makeNode({ id: 1, name: 'web-01', status: 'RUNNING' })] }),
          makeProfileNodes({ profileId: 'd2', nodes: [makeNode({ id: 2, name: 'web-chn-01', status: 'RUNNING' })] })
        ]
      }
    )
    await act(() => loadAll())
    render(<NodeListScreen />)
    await screen.findAllByRole('button', { name: /^Actions for / })
    fireEvent.click(screen.getByTestId('check-all'))
    fireEvent.click(await screen.findByTestId('bulk-power_off'))
    const dialog = await screen.findByTestId('bulk-dialog', {}, { timeout: 5000 })
    const items = within(within(dialog).getByTestId('bulk-ready')).getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^web-01 · Demo · default-project \(Delhi\)/),
      expect.stringMatching(/^web-chn-01 · Demo · default-project \(Chennai\)/)
    ])
    for (const li of items) expect(li.textContent?.match(/Demo/g)).toHaveLength(1)
  })

  it('powers off only the running nodes and says which were skipped', async () => {
    const fake = await renderList()
    fireEvent.click(screen.getByTestId('check-all'))
    expect(await screen.findByTestId('bulk-power_off')).toHaveTextContent('Power off (1)')
    fireEvent.click(screen.getByTestId('bulk-power_off'))
    const dialog = await screen.findByTestId('bulk-dialog', {}, { timeout: 5000 })
    expect(within(dialog).getByRole('heading', { level: 2 })).toHaveTextContent('Power off 1 node?')
    expect(within(dialog).getByTestId('bulk-skipped')).toHaveTextContent('4 nodes are skipped')
    fireEvent.click(within(dialog).getByTestId('bulk-confirm'))
    await waitFor(() => expect(screen.queryByTestId('bulk-dialog')).toBeNull(), { timeout: 5000 })
    expect(fake.callsTo('nodes:action')).toEqual([{ profileId: 'p1', nodeId: 4, action: 'power_off' }])
  })
})

describe('first frame', () => {
  it('shows every row at once; the check boxes and menu buttons join right after, each in its own row', async () => {
    installFake({}, { profiles: [makeProfile()], snapshot: [makeProfileNodes({ profileId: 'p1', nodes })] })
    await act(() => loadAll())
    render(<NodeListScreen />)
    // The first commit: names, statuses and addresses, no form controls yet (they are the row's dearest elements).
    expect(screen.getAllByTestId('node-row')).toHaveLength(nodes.length)
    expect(within(row('a-1')).getByRole('button', { name: 'a-1' })).toBeInTheDocument()
    for (const r of screen.getAllByTestId('node-row')) {
      expect(within(r).queryByRole('checkbox')).toBeNull()
      expect(within(r).queryByRole('button', { name: /^Actions for / })).toBeNull()
    }
    // The frame after: every row has both, named for its own node.
    await screen.findAllByRole('button', { name: /^Actions for / })
    for (const n of nodes) {
      expect(within(row(n.name)).getByRole('checkbox', { name: `Check ${n.name}` })).toBeInTheDocument()
      expect(within(row(n.name)).getByRole('button', { name: `Actions for ${n.name}` })).toBeInTheDocument()
    }
  })
})

describe('row menu', () => {
  it('opens from the row button with the detail’s actions; disabled ones say why; Esc gives focus back', async () => {
    await renderList()
    const button = within(row('a-3')).getByRole('button', { name: 'Actions for a-3' })
    button.focus()
    fireEvent.click(button)
    const menu = await screen.findByRole('menu', { name: 'Actions for a-3' })
    const items = within(menu).getAllByRole('menuitem')
    expect(items.map((i) => i.querySelector('span > span')?.textContent)).toEqual([
      'Open details',
      'Copy public IP',
      'Power on',
      'Power off',
      'Reboot',
      'Unlock',
      'Turn on delete protection',
      'Delete…'
    ])
    const powerOn = items.find((i) => i.textContent?.startsWith('Power on'))!
    expect(powerOn).toHaveAttribute('aria-disabled', 'true')
    expect(powerOn).toHaveAccessibleDescription(/locked/)
    expect(document.activeElement).toBe(items[0])
    fireEvent.keyDown(menu, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(items[1])
    fireEvent.keyDown(menu, { key: 'End' })
    expect(document.activeElement).toBe(items[items.length - 1])
    fireEvent.keyDown(menu, { key: 'Escape' })
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it('opens at the pointer on right-click and runs an action', async () => {
    const fake = await renderList()
    fireEvent.contextMenu(row('a-5'), { clientX: 300, clientY: 200 })
    const menu = await screen.findByRole('menu', { name: 'Actions for a-5' })
    fireEvent.click(within(menu).getByText('Power on'))
    expect(screen.queryByRole('menu')).toBeNull()
    await waitFor(() =>
      expect(fake.callsTo('nodes:action')).toEqual([{ profileId: 'p1', nodeId: 5, action: 'power_on' }])
    )
  })
})

describe('keyboard', () => {
  it('"/" and Ctrl+F focus the search; Esc closes the detail; Delete on a row starts its delete', async () => {
    await renderList()
    fireEvent.keyDown(document.body, { key: '/' })
    expect(document.activeElement).toBe(screen.getByTestId('node-search'))
    ;(document.activeElement as HTMLElement).blur()
    fireEvent.keyDown(document.body, { key: 'f', ctrlKey: true })
    expect(document.activeElement).toBe(screen.getByTestId('node-search'))

    act(() => useUiStore.getState().select({ profileId: 'p1', nodeId: 1 }))
    expect(useUiStore.getState().selected).not.toBeNull()
    ;(document.activeElement as HTMLElement).blur()
    fireEvent.keyDown(document.body, { key: 'Escape' })
    expect(useUiStore.getState().selected).toBeNull()

    const open = within(row('a-1')).getByRole('button', { name: 'a-1' })
    open.focus()
    fireEvent.keyDown(open, { key: 'Delete' })
    expect(await screen.findByTestId('delete-dialog', {}, { timeout: 5000 })).toHaveTextContent('a-1')
  })

  it('Delete with several rows checked opens one bulk confirm', async () => {
    await renderList()
    check('a-1')
    check('a-2', true)
    fireEvent.keyDown(document.body, { key: 'Delete' })
    expect(await screen.findByTestId('bulk-dialog')).toHaveTextContent('Delete 2 nodes?')
  })
})

describe('demo rows', () => {
  // The mark itself is CSS after the name (jsdom computes no ::after; Playwright's power-tools flow reads it there).
  it('are marked in the row itself, not only in the Profile column', async () => {
    await renderList({}, makeProfile({ isDemo: true }))
    const name = row('a-1').querySelector('.name-cell')
    expect(name).toHaveClass('is-demo')
    expect(name).toHaveAttribute('title', expect.stringContaining('Demo sandbox'))
  })

  it('real rows carry no demo mark', async () => {
    await renderList()
    expect(row('a-1').querySelector('.name-cell')).not.toHaveClass('is-demo')
  })
})
