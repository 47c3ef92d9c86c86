// Moving between the list's rows by keyboard, in jsdom with the whole screen: the arrows keep the column (falling
// back to the name in a row without an IP, and back), Home/End, Enter opens, Shift+Arrow checks, group headers are
// stops, and nothing moves while a field, a menu or a dialog has the keyboard.
import { beforeEach, describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { makeNode, makeProfile, makeProfileNodes } from '../../../../tests/support/builders'
import { installFake, resetStoresAfterEach, stubJsdomViewport } from '../../../../tests/support/renderer/setup-fake'
import { loadAll } from '../../stores/events'
import { useUiStore } from '../../stores/ui.store'
import { NodeListScreen } from './NodeListScreen'
import { useSelectionStore } from './selection.store'

resetStoresAfterEach()
stubJsdomViewport()
beforeEach(() => useSelectionStore.getState().clear())

const nodes = [
  makeNode({ id: 1, name: 'a-1' }),
  makeNode({ id: 2, name: 'a-2', publicIp: null }),
  makeNode({ id: 3, name: 'a-3' }),
  makeNode({ id: 4, name: 'a-4' }),
  makeNode({ id: 5, name: 'a-5' })
]

async function renderList(opts: { twoProfiles?: boolean } = {}) {
  const p1 = makeProfile()
  const p2 = makeProfile({ id: 'p2', name: 'Staging', projectId: '60001' })
  installFake(
    {},
    {
      profiles: opts.twoProfiles ? [p1, p2] : [p1],
      snapshot: [
        makeProfileNodes({ profileId: 'p1', nodes }),
        ...(opts.twoProfiles ? [makeProfileNodes({ profileId: 'p2', nodes: [makeNode({ id: 9, name: 'b-9' })] })] : [])
      ]
    }
  )
  await act(() => loadAll())
  render(<NodeListScreen />)
  // The rows' check boxes and menu buttons join one frame after the list's first paint (a file's first test also
  // pays for loading its chunks, past the default second on a busy machine).
  await screen.findAllByRole('button', { name: /^Actions for / }, { timeout: 5000 })
}

const row = (name: string) => screen.getAllByTestId('node-row').find((r) => r.getAttribute('data-node') === name)!
const control = (name: string, c: string) => row(name).querySelector<HTMLElement>(`[data-control="${c}"]`)!
const focused = () => document.activeElement as HTMLElement
/** The row and control focus is on, e.g. "a-2 open". */
const where = () => `${focused().closest('tr')?.getAttribute('data-node')} ${focused().getAttribute('data-control')}`
const press = (key: string, mods: Record<string, boolean> = {}) => fireEvent.keyDown(focused(), { key, ...mods })

describe('moving between rows', () => {
  it('ArrowDown/Up keep the column; a row without an IP falls back to the name, and the IP column comes back', async () => {
    await renderList()
    control('a-1', 'copy').focus()
    press('ArrowDown')
    expect(where()).toBe('a-2 open')
    press('ArrowDown')
    expect(where()).toBe('a-3 copy')
    press('ArrowUp')
    press('ArrowUp')
    expect(where()).toBe('a-1 copy')
    // At the top, ArrowUp stays (and is consumed: the box must not scroll).
    expect(press('ArrowUp')).toBe(false)
    expect(where()).toBe('a-1 copy')

    control('a-3', 'menu').focus()
    press('ArrowDown')
    expect(where()).toBe('a-4 menu')
    control('a-4', 'check').focus()
    press('ArrowUp')
    expect(where()).toBe('a-3 check')
  })

  it('Home and End go to the first and last row; Enter on the name then opens it', async () => {
    await renderList()
    control('a-2', 'open').focus()
    press('End')
    expect(where()).toBe('a-5 open')
    press('Home')
    expect(where()).toBe('a-1 open')
    press('End', { ctrlKey: true })
    expect(where()).toBe('a-5 open')
    // A name is a button: Enter activates it (jsdom does not turn keys into clicks, so the click stands in).
    fireEvent.click(focused())
    expect(useUiStore.getState().selected).toEqual({ profileId: 'p1', nodeId: 5 })
  })

  it('ArrowDown from the header enters the rows: the check-all box to the first check', async () => {
    await renderList()
    screen.getByTestId('check-all').focus()
    press('ArrowDown')
    expect(where()).toBe('a-1 check')
  })

  it('Shift+ArrowDown checks the row it starts on and the rows it passes, like a Shift-click', async () => {
    await renderList()
    control('a-2', 'open').focus()
    press('ArrowDown', { shiftKey: true })
    press('ArrowDown', { shiftKey: true })
    expect(where()).toBe('a-4 open')
    expect([...useSelectionStore.getState().ids].sort()).toEqual(['p1:2', 'p1:3', 'p1:4'])
    expect(await screen.findByTestId('bulk-bar', {}, { timeout: 5000 })).toHaveTextContent('3 nodes checked')
    // A plain arrow moves without checking.
    press('ArrowDown')
    expect(where()).toBe('a-5 open')
    expect(useSelectionStore.getState().ids.has('p1:5')).toBe(false)
  })

  it('Shift+ArrowUp after Shift+ArrowDown gives back the rows it passes, as a file list does', async () => {
    await renderList()
    control('a-2', 'open').focus()
    press('ArrowDown', { shiftKey: true })
    press('ArrowDown', { shiftKey: true })
    press('ArrowUp', { shiftKey: true })
    expect(where()).toBe('a-3 open')
    expect([...useSelectionStore.getState().ids].sort()).toEqual(['p1:2', 'p1:3'])
    press('ArrowUp', { shiftKey: true })
    expect([...useSelectionStore.getState().ids]).toEqual(['p1:2'])
  })

  it('group headers are stops: their fold toggle takes focus, and the column is kept past them', async () => {
    await renderList({ twoProfiles: true })
    fireEvent.click(screen.getByRole('button', { name: 'Group by profile' }))
    const groups = await screen.findAllByTestId('group-row')
    expect(groups).toHaveLength(2)
    control('a-5', 'copy').focus()
    press('ArrowDown')
    expect(focused()).toBe(within(groups[1]!).getByRole('button', { expanded: true }))
    press('ArrowDown')
    expect(where()).toBe('b-9 copy')
    press('Home')
    expect(focused()).toBe(within(groups[0]!).getByRole('button', { expanded: true }))
  })
})

describe('one Tab stop for the rows', () => {
  /** The rows' controls Tab reaches (tabindex ≥ 0), as "row control". */
  const tabbableInRows = () =>
    [...screen.getByTestId('node-table').querySelectorAll<HTMLElement>('tbody button, tbody input')]
      .filter((el) => el.tabIndex >= 0)
      .map((el) => `${el.closest('tr')?.getAttribute('data-node')} ${el.getAttribute('data-control')}`)

  it('only one row’s controls are in the Tab order: the first, then the one the arrows or a click moved to', async () => {
    await renderList()
    // 5 rows × 3–4 controls would be ~19 Tab presses; it is the first row's 4.
    expect(tabbableInRows()).toEqual(['a-1 check', 'a-1 open', 'a-1 copy', 'a-1 menu'])
    // The header's sort buttons and check-all stay stops of their own.
    expect(screen.getByTestId('check-all').tabIndex).toBe(0)
    control('a-1', 'open').focus()
    press('ArrowDown')
    expect(where()).toBe('a-2 open')
    expect(tabbableInRows()).toEqual(['a-2 check', 'a-2 open', 'a-2 menu'])
    act(() => control('a-4', 'copy').focus())
    expect(tabbableInRows()).toEqual(['a-4 check', 'a-4 open', 'a-4 copy', 'a-4 menu'])
    // The others still take focus from the arrows (and a click): tabindex -1, not gone.
    expect(control('a-5', 'open')).toHaveAttribute('tabindex', '-1')
  })

  it('a group header is the stop when the arrows land on it', async () => {
    await renderList({ twoProfiles: true })
    fireEvent.click(screen.getByRole('button', { name: 'Group by profile' }))
    const groups = await screen.findAllByTestId('group-row')
    expect(within(groups[0]!).getByRole('button', { expanded: true }).tabIndex).toBe(0)
    expect(tabbableInRows()).toEqual(['null null'])
    act(() => control('a-5', 'open').focus())
    press('ArrowDown')
    expect(focused()).toBe(within(groups[1]!).getByRole('button', { expanded: true }))
    expect(focused().tabIndex).toBe(0)
    expect(within(groups[0]!).getByRole('button', { expanded: true }).tabIndex).toBe(-1)
    expect(tabbableInRows()).toEqual(['null null'])
  })
})

describe('keys that are not the list’s', () => {
  it('ArrowDown in the search field stays there; ArrowLeft/Right and Alt+ArrowDown do not move rows', async () => {
    await renderList()
    const search = screen.getByTestId('node-search')
    search.focus()
    fireEvent.change(search, { target: { value: 'a-' } })
    press('ArrowDown')
    expect(focused()).toBe(search)

    control('a-1', 'open').focus()
    press('ArrowRight')
    press('ArrowDown', { altKey: true })
    press('ArrowDown', { ctrlKey: true })
    expect(where()).toBe('a-1 open')
  })

  it('while the row menu is open, the arrows are the menu’s, not the list’s', async () => {
    await renderList()
    const menuButton = control('a-2', 'menu')
    menuButton.focus()
    fireEvent.click(menuButton)
    const menu = await screen.findByRole('menu', { name: 'Actions for a-2' })
    // Even a key that reaches the table (sent to the row's button) is left alone.
    fireEvent.keyDown(menuButton, { key: 'ArrowDown' })
    expect(focused().closest('[role="menu"]')).toBe(menu)
    expect(document.activeElement).not.toBe(control('a-3', 'menu'))
  })
})
