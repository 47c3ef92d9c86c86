import { describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { makeNode, makeProfile, makeProfileNodes } from '../../../../tests/support/builders'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { useNodesStore } from '../../stores/nodes.store'
import { useToastStore } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { NodeDetailPanel } from './NodeDetailPanel'

resetStoresAfterEach()

const web = makeNode({ id: 7, name: 'web-01', status: 'RUNNING', publicIp: '203.0.113.7', location: 'Delhi' })

function setUp(handlers = {}) {
  const snapshot = [makeProfileNodes({ nodes: [web] })]
  const fake = installFake(handlers, { snapshot })
  useProfilesStore.getState().apply([makeProfile({ name: 'Prod' })])
  useNodesStore.getState().apply(snapshot[0]!)
  const onClose = vi.fn()
  render(<NodeDetailPanel profileId="p1" nodeId={7} onClose={onClose} />)
  return { fake, onClose }
}

describe('node detail panel', () => {
  it('has a header with status, profile and location, an action bar, and facts in sections in plain words', async () => {
    setUp()
    const panel = screen.getByTestId('node-detail')
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('web-01')
    expect(panel.querySelector('.nd-meta')).toHaveTextContent('Running·Prod·Delhi')
    expect(within(panel).getByRole('toolbar', { name: 'Actions for web-01' })).toBeInTheDocument()
    for (const s of ['Specs', 'Network', 'Billing', 'Access'])
      expect(within(panel).getByRole('heading', { level: 3, name: s })).toBeInTheDocument()
    await waitFor(() => expect(screen.getByTestId('machine-kind')).toHaveTextContent('Virtual machine'))
    expect(panel).not.toHaveTextContent(/\bvm\b|committed_vm|Rs\./)
    expect(within(panel).getByText('ssh root@203.0.113.7')).toBeInTheDocument()
    expect(within(panel).getByRole('button', { name: 'Copy SSH command' })).toBeInTheDocument()
    expect(within(panel).getByRole('button', { name: 'Copy public IP' })).toBeInTheDocument()
  })

  it('while the details load, the facts stay where they will be: no spinner above them, the wait is announced', async () => {
    let answer: (v: unknown) => void = () => undefined
    setUp({ 'nodes:detail': () => new Promise((r) => (answer = r)) })
    const panel = screen.getByTestId('node-detail')
    expect(within(panel).getByRole('heading', { level: 3, name: 'Specs' })).toBeInTheDocument()
    // Nothing visible in the flow above the facts (it took 48 px and gave them back when the details came).
    expect(panel.querySelector('.spinner-wrap')).toBeNull()
    const said = within(panel).getByText('Loading details…')
    expect(said).toHaveAttribute('role', 'status')
    expect(said).toHaveClass('sr-only')
    answer(null)
  })

  it('closes at once when the node it shows was deleted from this app', () => {
    const { onClose } = setUp()
    const pending = { '7': { nodeId: 7, kind: 'delete' as const, startedAt: new Date().toISOString() } }
    act(() => useNodesStore.getState().apply(makeProfileNodes({ nodes: [web], pending })))
    expect(onClose).not.toHaveBeenCalled()
    act(() => useNodesStore.getState().apply(makeProfileNodes({ nodes: [] })))
    expect(onClose).toHaveBeenCalled()
  })

  it('says plainly when the node vanished otherwise, without a stale status or actions', async () => {
    const { onClose } = setUp()
    await screen.findByTestId('machine-kind')
    act(() => useNodesStore.getState().apply(makeProfileNodes({ nodes: [] })))
    const gone = await screen.findByTestId('node-gone')
    expect(gone).toHaveTextContent('web-01 is gone')
    expect(screen.queryByRole('toolbar')).toBeNull()
    expect(screen.queryByText('Running')).toBeNull()
    fireEvent.click(within(gone).getByRole('button', { name: 'Close' }))
    expect(onClose).toHaveBeenCalled()
  })

  it('a delete from the panel closes it and says so once, even when the list drops the node first', async () => {
    const { fake, onClose } = setUp()
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete web-01?' })
    fireEvent.change(within(dialog).getByLabelText(/to confirm/), { target: { value: 'web-01' } })
    // Main confirms the delete: the list drops the node before the call answers.
    act(() => useNodesStore.getState().apply(makeProfileNodes({ nodes: [] })))
    expect(screen.getByRole('alertdialog')).toBeInTheDocument()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete node' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(fake.callsTo('nodes:delete')).toEqual([
      { profileId: 'p1', nodeId: 7, confirmName: 'web-01', reserveIp: false }
    ])
    expect(useToastStore.getState().toasts.map((t) => t.title)).toEqual(['web-01 deleted · Prod'])
  })

  it('Escape closes it, but not while its menu is open', () => {
    const { onClose } = setUp()
    fireEvent.click(screen.getByRole('button', { name: 'More actions for web-01' }))
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' })
    expect(screen.queryByRole('menu')).toBeNull()
    expect(onClose).not.toHaveBeenCalled()
    fireEvent.keyDown(screen.getByRole('heading', { level: 2 }), { key: 'Escape' })
    expect(onClose).toHaveBeenCalledOnce()
  })

  // Main marks the node busy while the call goes out, then a later list shows the result (as node-commands.ts does).
  const busyThen = (kind: 'power_off' | 'lock_vm') => ({
    'nodes:action': () => {
      const pending = { '7': { nodeId: 7, kind, startedAt: new Date().toISOString() } }
      useNodesStore.getState().apply(makeProfileNodes({ nodes: [web], pending }))
      return { accepted: true as const }
    }
  })
  const heading = () => screen.getByRole('heading', { level: 2, name: 'web-01' })
  const bar = () => screen.getByRole('toolbar', { name: 'Actions for web-01' })

  it('after Power off is confirmed, focus waits on the heading (not the page), then lands on Power on', async () => {
    setUp(busyThen('power_off'))
    const off = within(bar()).getByRole('button', { name: 'Power off' })
    off.focus()
    fireEvent.click(off)
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Power off' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(off).toBeDisabled()
    await waitFor(() => expect(document.activeElement).toBe(heading()))
    expect(screen.getByTestId('action-status')).toHaveTextContent('web-01: Powering off…')
    // The list shows it off: Power on takes its place, and focus with it; the outcome is said.
    act(() => useNodesStore.getState().apply(makeProfileNodes({ nodes: [{ ...web, status: 'OFF' }] })))
    const on = within(bar()).getByRole('button', { name: 'Power on' })
    await waitFor(() => expect(document.activeElement).toBe(on))
    expect(screen.getByTestId('action-status')).toHaveTextContent('web-01 is powered off.')
  })

  it('an action without a confirm (Lock) keeps focus in the panel too, then on Unlock', async () => {
    setUp(busyThen('lock_vm'))
    const lock = within(bar()).getByRole('button', { name: 'Lock' })
    lock.focus()
    fireEvent.click(lock)
    await waitFor(() => expect(lock).toBeDisabled())
    expect(document.activeElement).toBe(heading())
    act(() => useNodesStore.getState().apply(makeProfileNodes({ nodes: [{ ...web, isLocked: true }] })))
    await waitFor(() => expect(document.activeElement).toBe(within(bar()).getByRole('button', { name: 'Unlock' })))
    expect(screen.getByTestId('action-status')).toHaveTextContent('web-01 is locked.')
  })
})
