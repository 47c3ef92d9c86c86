import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { makeNode } from '../../../../tests/support/builders'
import { fail } from '../../../../tests/support/renderer/fake-api'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { NodeActions } from './NodeActions'

resetStoresAfterEach()

describe('node actions', () => {
  it('disables what the rules forbid and says why, in a tooltip and in text', () => {
    installFake()
    render(<NodeActions profileId="p1" node={makeNode({ status: 'RUNNING', isLocked: true })} pending={undefined} />)
    const off = screen.getByRole('button', { name: 'Power off' })
    expect(off).toBeDisabled()
    expect(off).toHaveAttribute('title', 'The node is locked; unlock it first')
    expect(off).toHaveAccessibleDescription('The node is locked; unlock it first')
    expect(screen.getByRole('button', { name: 'Power on' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Turn on delete protection' })).toBeEnabled()
  })

  it('enables power on for a powered-off node and sends it', async () => {
    const fake = installFake()
    render(<NodeActions profileId="p1" node={makeNode({ id: 7, status: 'OFF' })} pending={undefined} />)
    expect(screen.getByRole('button', { name: 'Power off' })).toHaveAccessibleDescription('Already powered off')
    fireEvent.click(screen.getByRole('button', { name: 'Power on' }))
    await waitFor(() =>
      expect(fake.callsTo('nodes:action')).toEqual([{ profileId: 'p1', nodeId: 7, action: 'power_on' }])
    )
  })

  it('asks before powering off', async () => {
    const fake = installFake()
    render(<NodeActions profileId="p1" node={makeNode({ id: 7 })} pending={undefined} />)
    fireEvent.click(screen.getByRole('button', { name: 'Power off' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Power off node-7?' })
    expect(fake.callsTo('nodes:action')).toEqual([])
    fireEvent.click(screen.getAllByRole('button', { name: 'Power off' }).find((b) => dialog.contains(b)) as HTMLElement)
    await waitFor(() =>
      expect(fake.callsTo('nodes:action')).toEqual([{ profileId: 'p1', nodeId: 7, action: 'power_off' }])
    )
  })

  it('shows progress and holds every button while an action is pending', () => {
    installFake()
    render(
      <NodeActions
        profileId="p1"
        node={makeNode()}
        pending={{ nodeId: 101, kind: 'reboot', startedAt: new Date().toISOString() }}
      />
    )
    expect(screen.getByTestId('pending')).toHaveTextContent('Rebooting…')
    for (const b of screen.getAllByRole('button')) expect(b).toBeDisabled()
  })

  it('shows a refused action where it happened', async () => {
    installFake({
      'nodes:action': () => {
        throw fail('PRECONDITION', 'The node is busy; try again in a minute.')
      }
    })
    render(<NodeActions profileId="p1" node={makeNode()} pending={undefined} />)
    fireEvent.click(screen.getByRole('button', { name: 'Lock' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The node is busy; try again in a minute.')
  })
})
