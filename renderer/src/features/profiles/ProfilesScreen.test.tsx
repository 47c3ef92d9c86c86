import { describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { DEFAULT_SETTINGS } from '../../../../shared/domain/settings'
import { makeProfile } from '../../../../tests/support/builders'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { App } from '../../App'
import { preloadFirstRun } from '../../lazy-screens'
import { useAppStore } from '../../stores/app.store'
import { loadAll } from '../../stores/events'
import { useUiStore } from '../../stores/ui.store'
import { ProfilesScreen } from './ProfilesScreen'

resetStoresAfterEach()

describe('profiles screen', () => {
  it('warns about expiring and expired tokens; demo profiles are read-only', async () => {
    installFake(
      {},
      {
        profiles: [
          makeProfile({ id: 'demo-1', name: 'Demo', isDemo: true }),
          makeProfile({
            id: 'p1',
            name: 'Soon',
            credentials: {
              hasCredentials: true,
              apiKeyHint: '…aaaa',
              tokenExpiresAt: null,
              tokenState: 'expiring',
              tokenDaysLeft: 3
            }
          }),
          makeProfile({
            id: 'p2',
            name: 'Gone',
            credentials: {
              hasCredentials: true,
              apiKeyHint: '…bbbb',
              tokenExpiresAt: null,
              tokenState: 'expired',
              tokenDaysLeft: null
            }
          })
        ]
      }
    )
    await act(() => loadAll())
    render(<ProfilesScreen />)
    // The user's own first; the demo below, in its own section, marked and read-only.
    const cards = screen.getAllByTestId('profile-card')
    expect(cards[0]).toHaveTextContent('Auth token expires in 3 days')
    expect(cards[0]).toHaveTextContent('key …aaaa')
    expect(cards[1]).toHaveTextContent('Auth token expired')
    const demo = cards[2] as HTMLElement
    expect(within(screen.getByTestId('profiles-demo')).getByTestId('profile-card')).toBe(demo)
    expect(within(demo).queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument()
    expect(demo).toHaveTextContent('Demo sandbox')
    expect(demo).toHaveTextContent('nodes you create, power or delete here are not real')
  })

  it('deletes a profile only after confirming', async () => {
    const fake = installFake({}, { profiles: [makeProfile({ id: 'p1', name: 'Prod' })] })
    await act(() => loadAll())
    render(<ProfilesScreen />)
    fireEvent.click(screen.getByRole('button', { name: 'Delete Prod' }))
    expect(fake.callsTo('profiles:delete')).toEqual([])
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete profile' }))
    await waitFor(() => expect(fake.callsTo('profiles:delete')).toEqual([{ profileId: 'p1' }]))
    await waitFor(() => expect(screen.queryByTestId('profile-card')).not.toBeInTheDocument())
  })
})

describe('profiles screen: fixes and the demo sandbox', () => {
  const expired = {
    hasCredentials: true,
    apiKeyHint: '…bbbb',
    tokenExpiresAt: '2026-03-02T00:00:00Z',
    tokenState: 'expired' as const,
    tokenDaysLeft: null
  }

  it('an expired token has a Fix button that opens the edit form on the token field, saying why', async () => {
    installFake({}, { profiles: [makeProfile({ id: 'p2', name: 'Gone', credentials: expired })] })
    await act(() => loadAll())
    render(<ProfilesScreen />)
    const card = screen.getByTestId('profile-card')
    expect(within(card).getByTestId('credential-token-expired')).toHaveTextContent(
      /Auth token expired on .*2026 — E2E refuses it/
    )
    fireEvent.click(within(card).getByRole('button', { name: 'Paste a new token for Gone' }))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByTestId('profile-form-reason')).toHaveTextContent('The auth token has expired.')
    await waitFor(() => expect(within(dialog).getByLabelText('Auth token')).toHaveFocus())
  })

  it('the demo sandbox can be hidden and shown from here', async () => {
    const fake = installFake(
      {},
      {
        profiles: [makeProfile({ id: 'demo-1', name: 'Demo · shop (Delhi)', isDemo: true })],
        settings: { ...DEFAULT_SETTINGS, showDemo: true, hideDemo: false }
      }
    )
    await act(() => loadAll())
    render(<ProfilesScreen />)
    const section = screen.getByTestId('profiles-demo')
    expect(screen.getByText('No profiles of your own yet')).toBeInTheDocument()
    fireEvent.click(within(section).getByRole('button', { name: 'Hide the demo sandbox' }))
    await waitFor(() => expect(fake.callsTo('settings:update')).toEqual([{ showDemo: false }]))
    expect(await within(section).findByRole('button', { name: 'Show the demo sandbox' })).toBeInTheDocument()
  })

  it('the section offers to show a hidden demo; without a demo backend there is none', async () => {
    const info = { name: 'Nodetray', version: '0.1.0', platform: 'linux', preview: false, notices: [] }
    const fake = installFake(
      {},
      { profiles: [makeProfile({ id: 'p1', name: 'Prod' })], info: { ...info, demoMode: false, demoAvailable: true } }
    )
    await act(() => Promise.all([loadAll(), useAppStore.getState().load()]))
    const { unmount } = render(<ProfilesScreen />)
    fireEvent.click(within(screen.getByTestId('profiles-demo')).getByRole('button', { name: 'Show the demo sandbox' }))
    await waitFor(() => expect(fake.callsTo('settings:update')).toEqual([{ showDemo: true }]))
    unmount()

    installFake(
      {},
      { profiles: [makeProfile({ id: 'p1', name: 'Prod' })], info: { ...info, demoMode: false, demoAvailable: false } }
    )
    await act(() => Promise.all([loadAll(), useAppStore.getState().load()]))
    render(<ProfilesScreen />)
    expect(screen.getByTestId('profile-card')).toHaveTextContent('Prod')
    expect(screen.queryByTestId('profiles-demo')).not.toBeInTheDocument()
  })
})

describe('profiles screen: closing the add and edit forms', () => {
  const KEY = 'abcd1234-ef56'
  const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.payload.signature'

  async function openAdd() {
    installFake({}, { profiles: [makeProfile({ id: 'p1', name: 'Prod' })] })
    await act(() => loadAll())
    render(<ProfilesScreen />)
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    return screen.getByRole('dialog', { name: 'Add profile' })
  }

  it('Esc on an untouched form closes it at once', async () => {
    const dialog = await openAdd()
    fireEvent.keyDown(within(dialog).getByLabelText('Name'), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })

  it('Esc with typed work asks first; keeping it keeps every field, discarding closes the form', async () => {
    const dialog = await openAdd()
    const values = { Name: 'Team', 'API key': KEY, 'Auth token': TOKEN, 'API base URL': 'https://api.example.com/v1' }
    for (const [label, value] of Object.entries(values))
      fireEvent.change(within(dialog).getByLabelText(label), { target: { value } })
    const token = within(dialog).getByLabelText('Auth token')
    token.focus()
    fireEvent.keyDown(token, { key: 'Escape' })
    const ask = screen.getByRole('alertdialog', { name: 'Discard this profile?' })
    expect(screen.getByRole('dialog', { name: 'Add profile' })).toBeInTheDocument()

    // Tab and Shift+Tab stay in the question; the form's own focus trap behind it does not take them.
    const keep = within(ask).getByRole('button', { name: 'Cancel' })
    expect(keep).toHaveFocus()
    fireEvent.keyDown(keep, { key: 'Tab', shiftKey: true })
    expect(within(ask).getByRole('button', { name: 'Discard' })).toHaveFocus()
    fireEvent.keyDown(within(ask).getByRole('button', { name: 'Discard' }), { key: 'Tab' })
    expect(keep).toHaveFocus()

    // Esc in the question keeps editing, back where the user was.
    fireEvent.keyDown(keep, { key: 'Escape' })
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    for (const [label, value] of Object.entries(values)) expect(within(dialog).getByLabelText(label)).toHaveValue(value)
    expect(token).toHaveFocus()

    fireEvent.keyDown(token, { key: 'Escape' })
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    // Opened again, it starts empty: the discarded work is gone.
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }))
    expect(within(screen.getByRole('dialog', { name: 'Add profile' })).getByLabelText('Name')).toHaveValue('')
  })

  it('Esc on an edit form with a change asks about the changes', async () => {
    installFake({}, { profiles: [makeProfile({ id: 'p1', name: 'Prod' })] })
    await act(() => loadAll())
    render(<ProfilesScreen />)
    fireEvent.click(screen.getByRole('button', { name: 'Edit Prod' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit Prod' })
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Production' } })
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.getByRole('alertdialog', { name: 'Discard your changes to Prod?' })).toBeInTheDocument()
    expect(screen.getByRole('dialog', { name: 'Edit Prod' })).toBeInTheDocument()
  })
})

describe('profiles screen by keyboard and screen reader', () => {
  const levels = () => screen.getAllByRole('heading').map((h) => Number(h.tagName.slice(1)))

  it('headings go down one level at a time (no h1 → h3), with or without profiles of your own', async () => {
    installFake(
      {},
      {
        profiles: [makeProfile({ id: 'demo-1', name: 'Demo', isDemo: true })],
        settings: { ...DEFAULT_SETTINGS, showDemo: true, hideDemo: false }
      }
    )
    await act(() => loadAll())
    const { unmount } = render(<ProfilesScreen />)
    // "Your profiles" (for screen readers) heads the user's own part, empty here, as "Demo sandbox" heads the demo.
    const own = screen.getByRole('region', { name: 'Your profiles' })
    expect(within(own).getByRole('heading', { name: 'No profiles of your own yet' })).toBeInTheDocument()
    const seen = levels()
    expect(seen[0]).toBe(1)
    for (let i = 1; i < seen.length; i++) expect(seen[i]! - seen[i - 1]!).toBeLessThanOrEqual(1)
    expect(screen.getByRole('heading', { level: 2, name: 'Your profiles' })).toBeInTheDocument()
    unmount()
    installFake({}, { profiles: [makeProfile({ id: 'p1', name: 'Prod' })] })
    await act(() => loadAll())
    render(<ProfilesScreen />)
    expect(levels()).toEqual([1, 2])
    expect(screen.getByRole('list', { name: 'Your profiles' })).toBeInTheDocument()
  })

  const deleteByKeyboard = async (name: string) => {
    const open = await screen.findByRole('button', { name: `Delete ${name}` })
    open.focus()
    fireEvent.click(open)
    const confirm = within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete profile' })
    confirm.focus()
    fireEvent.click(confirm)
  }

  it('deleting a profile leaves focus on the screen’s heading, not on <body>', async () => {
    installFake({}, { profiles: [makeProfile({ id: 'p1', name: 'Prod' }), makeProfile({ id: 'p2', name: 'Staging' })] })
    await act(() => loadAll())
    render(<ProfilesScreen />)
    await deleteByKeyboard('Prod')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(screen.getAllByTestId('profile-card')).toHaveLength(1)
    // The heading takes focus in an effect after the dialog has gone: under load that can be a tick after its removal.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Profiles' })).toHaveFocus())
  })

  it('deleting the only profile: the first-run screen that replaces this one has focus on its heading', async () => {
    // As main does: profiles:changed goes out before the delete call answers, and here the screens switch first.
    const fake = installFake(
      {
        'profiles:delete': async ({ profileId }) => {
          fake.state.profiles = fake.state.profiles.filter((p) => p.id !== profileId)
          fake.emit('profiles:changed', fake.state.profiles)
          await screen.findByTestId('first-run')
          await new Promise((r) => setTimeout(r, 0))
          return { deleted: true }
        }
      },
      { profiles: [makeProfile({ id: 'p1', name: 'Prod' })] }
    )
    useUiStore.setState({ view: 'profiles' })
    await preloadFirstRun()
    render(<App />)
    await deleteByKeyboard('Prod')
    expect(await screen.findByTestId('first-run')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Nodetray' })).toHaveFocus())
  })
})
