import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { makeNode, makeProfile, makeProfileNodes } from '../../../../tests/support/builders'
import { fail } from '../../../../tests/support/renderer/fake-api'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { useNodesStore } from '../../stores/nodes.store'
import { useToastStore } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { useUiStore } from '../../stores/ui.store'
import { NodeActions } from './NodeActions'

resetStoresAfterEach()

const noop = () => undefined

describe('node actions', () => {
  it('disables what the rules forbid and says why, in a tooltip and in the accessible description', () => {
    installFake()
    render(
      <NodeActions
        profileId="p1"
        node={makeNode({ status: 'RUNNING', isLocked: true })}
        pending={undefined}
        onDelete={noop}
      />
    )
    const bar = screen.getByRole('toolbar', { name: /Actions for/ })
    const off = within(bar).getByRole('button', { name: 'Power off' })
    expect(off).toBeDisabled()
    expect(off).toHaveAttribute('title', 'The node is locked; unlock it first')
    expect(off).toHaveAccessibleDescription('The node is locked; unlock it first')
    // A running node's bar offers Power off, not Power on.
    expect(within(bar).queryByRole('button', { name: 'Power on' })).toBeNull()
    expect(within(bar).getByRole('button', { name: 'Unlock' })).toBeEnabled()
    expect(within(bar).getByRole('button', { name: 'Delete' })).toHaveAccessibleDescription(/locked/)
  })

  it('enables power on for a powered-off node and sends it', async () => {
    const fake = installFake()
    render(<NodeActions profileId="p1" node={makeNode({ id: 7, status: 'OFF' })} pending={undefined} onDelete={noop} />)
    fireEvent.click(screen.getByRole('button', { name: 'Power on' }))
    await waitFor(() =>
      expect(fake.callsTo('nodes:action')).toEqual([{ profileId: 'p1', nodeId: 7, action: 'power_on' }])
    )
  })

  it('asks before powering off', async () => {
    const fake = installFake()
    render(<NodeActions profileId="p1" node={makeNode({ id: 7 })} pending={undefined} onDelete={noop} />)
    fireEvent.click(screen.getByRole('button', { name: 'Power off' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Power off node-7?' })
    expect(fake.callsTo('nodes:action')).toEqual([])
    fireEvent.click(within(dialog).getByRole('button', { name: 'Power off' }))
    await waitFor(() =>
      expect(fake.callsTo('nodes:action')).toEqual([{ profileId: 'p1', nodeId: 7, action: 'power_off' }])
    )
  })

  it('shows progress and holds every action while one is pending', () => {
    installFake()
    render(
      <NodeActions
        profileId="p1"
        node={makeNode()}
        pending={{ nodeId: 101, kind: 'reboot', startedAt: new Date().toISOString() }}
        onDelete={noop}
      />
    )
    expect(screen.getByTestId('pending')).toHaveTextContent('Rebooting…')
    const bar = screen.getByRole('toolbar')
    for (const b of within(bar)
      .getAllByRole('button')
      .filter((b) => b.getAttribute('aria-haspopup') !== 'menu'))
      expect(b).toBeDisabled()
    expect(within(bar).getByRole('button', { name: 'Lock' })).toHaveAccessibleDescription(/already running/)
  })

  it('shows a failure beside the bar and as a toast, in plain words, the API path only in the details', async () => {
    installFake({
      'nodes:action': () => {
        throw fail('SERVER', 'E2E’s API had a problem (503) on PUT nodes/48004/actions/. Try again shortly.', {
          status: 503,
          retryable: true
        })
      }
    })
    render(
      <NodeActions
        profileId="p1"
        node={makeNode({ name: 'web-01', status: 'OFF' })}
        pending={undefined}
        onDelete={noop}
      />
    )
    fireEvent.click(screen.getByRole('button', { name: 'Power on' }))
    const inline = await screen.findByRole('alert')
    expect(inline).toHaveTextContent('Couldn’t power on web-01. E2E’s service had a problem. Try again in a minute.')
    const summaryLine = inline.querySelector('span')
    expect(summaryLine?.textContent).not.toMatch(/nodes\/48004/)
    expect(within(inline).getByText('Technical details')).toBeInTheDocument()
    expect(inline.querySelector('details code')).toHaveTextContent('PUT nodes/48004/actions/')
    expect(useToastStore.getState().toasts).toMatchObject([{ kind: 'error', title: 'Couldn’t power on web-01' }])
    expect(within(inline).getByRole('button', { name: 'Retry' })).toBeEnabled()
  })

  it('holds every action, with the reason, while the profile is offline or its credentials are rejected', () => {
    installFake()
    useNodesStore.getState().apply(makeProfileNodes({ error: { code: 'NETWORK', message: 'x', reason: 'offline' } }))
    const { unmount } = render(<NodeActions profileId="p1" node={makeNode()} pending={undefined} onDelete={noop} />)
    expect(screen.getByRole('button', { name: 'Lock' })).toHaveAccessibleDescription(/offline/)
    expect(screen.getByTestId('actions-blocked')).toHaveTextContent('The profile is offline')
    unmount()
    useNodesStore.getState().apply(makeProfileNodes())
    useProfilesStore
      .getState()
      .apply([makeProfile({ credentials: { ...makeProfile().credentials, tokenState: 'rejected' } })])
    render(<NodeActions profileId="p1" node={makeNode()} pending={undefined} onDelete={noop} />)
    expect(screen.getByRole('button', { name: 'Reboot' })).toHaveAccessibleDescription(
      'Credentials rejected — fix them in Profiles'
    )
    fireEvent.click(screen.getByRole('button', { name: 'Open Profiles' }))
    expect(useUiStore.getState().view).toBe('profiles')
  })

  it('while the keychain is locked, says so and offers Try again, which asks the keychain again', async () => {
    const fake = installFake()
    useProfilesStore
      .getState()
      .apply([makeProfile({ credentials: { ...makeProfile().credentials, secret: 'locked' } })])
    render(<NodeActions profileId="p1" node={makeNode()} pending={undefined} onDelete={noop} />)
    expect(screen.getByRole('button', { name: 'Lock' })).toHaveAccessibleDescription(/Keychain locked/)
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(fake.callsTo('profiles:retry-keychain')).toEqual([{ profileId: 'p1' }]))
  })

  it('keeps delete protection in More, which Escape closes', async () => {
    const fake = installFake()
    const onDelete = vi.fn()
    render(<NodeActions profileId="p1" node={makeNode({ id: 9 })} pending={undefined} onDelete={onDelete} />)
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    expect(onDelete).toHaveBeenCalledOnce()
    const more = screen.getByRole('button', { name: 'More' })
    fireEvent.click(more)
    const menu = screen.getByRole('menu')
    fireEvent.keyDown(menu, { key: 'Escape' })
    expect(screen.queryByRole('menu')).toBeNull()
    expect(more).toHaveFocus()
    fireEvent.click(more)
    fireEvent.click(screen.getByRole('menuitem', { name: 'Turn on delete protection' }))
    await waitFor(() =>
      expect(fake.callsTo('nodes:action')).toEqual([
        { profileId: 'p1', nodeId: 9, action: 'enable_accidental_protection' }
      ])
    )
  })
})
