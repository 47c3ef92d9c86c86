import { describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { CredentialInfo, ProfileView } from '../../../../shared/domain/profile'
import { makeProfile } from '../../../../tests/support/builders'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { loadAll } from '../../stores/events'
import { useUiStore } from '../../stores/ui.store'
import { CredentialBanners } from './CredentialBanners'
import { ProfilesScreen } from './ProfilesScreen'

resetStoresAfterEach()

const none = { hasCredentials: false, apiKeyHint: null, tokenExpiresAt: null, tokenDaysLeft: null }
const states: Record<string, CredentialInfo> = {
  locked: { ...none, tokenState: 'unknown', secret: 'locked', keychainHint: 'Unlock your login keyring.' },
  unreachable: {
    ...none,
    tokenState: 'unknown',
    secret: 'unavailable',
    keychainHint: 'Install gnome-keyring and libsecret-1-0.'
  },
  missing: { ...none, tokenState: 'missing', secret: 'missing' },
  rejected: {
    hasCredentials: true,
    apiKeyHint: '…beef',
    tokenExpiresAt: null,
    tokenState: 'rejected',
    tokenDaysLeft: null,
    secret: 'stored'
  }
}
const profiles = (): ProfileView[] => [
  makeProfile({ id: 'demo-1', name: 'Demo', isDemo: true, credentials: states.missing as CredentialInfo }),
  makeProfile({ id: 'p-ok', name: 'Fine' }),
  makeProfile({ id: 'p-l1', name: 'Locked one', credentials: states.locked as CredentialInfo }),
  makeProfile({ id: 'p-l2', name: 'Locked two', credentials: states.locked as CredentialInfo }),
  makeProfile({ id: 'p-u', name: 'Unreachable', credentials: states.unreachable as CredentialInfo }),
  makeProfile({ id: 'p-m', name: 'Lost', credentials: states.missing as CredentialInfo }),
  makeProfile({ id: 'p-r', name: 'Revoked', credentials: states.rejected as CredentialInfo })
]
const unlocked = (list: ProfileView[]): ProfileView[] =>
  list.map((p) =>
    p.credentials.secret === 'locked'
      ? {
          ...p,
          credentials: { ...none, hasCredentials: true, apiKeyHint: '…1a2b', tokenState: 'ok', secret: 'stored' }
        }
      : p
  )

describe('credential banners above every screen', () => {
  it('tell locked, unreachable, missing and rejected apart, one banner each, naming the profiles', async () => {
    installFake({}, { profiles: profiles() })
    await act(() => loadAll())
    render(<CredentialBanners />)
    expect(screen.getByTestId('credential-banner-keychain-locked')).toHaveTextContent(
      'Keychain locked — Locked one, Locked two: unlock your system keychain, then Try again.'
    )
    expect(screen.getByTestId('credential-banner-keychain-unavailable')).toHaveTextContent(
      'System keychain unreachable — Unreachable cannot use their saved API keys. Install gnome-keyring and libsecret-1-0.'
    )
    expect(screen.getByTestId('credential-banner-needs-credentials')).toHaveTextContent('Needs credentials — Lost:')
    expect(screen.getByTestId('credential-banner-token-rejected')).toHaveTextContent(
      'E2E rejected the auth token — Revoked:'
    )
    // The demo and healthy profiles are named nowhere.
    expect(screen.getByTestId('credential-banners')).not.toHaveTextContent(/Demo|Fine/)
  })

  it('Try again asks main to read the keychain again and the banner goes once it is unlocked', async () => {
    const fake = installFake({ 'profiles:retry-keychain': () => unlocked(profiles()) }, { profiles: profiles() })
    await act(() => loadAll())
    render(<CredentialBanners />)
    const banner = screen.getByTestId('credential-banner-keychain-locked')
    fireEvent.click(within(banner).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.queryByTestId('credential-banner-keychain-locked')).not.toBeInTheDocument())
    expect(fake.callsTo('profiles:retry-keychain')).toEqual([{}])
    expect(screen.getByTestId('credential-banner-keychain-unavailable')).toBeInTheDocument()
  })
})

describe('each credential banner has the fix that leads to the right place', () => {
  it('missing, rejected and expired open the profile on Profiles with the right field; the demo never shows', async () => {
    const expired: CredentialInfo = {
      hasCredentials: true,
      apiKeyHint: '…cafe',
      tokenExpiresAt: '2026-03-02T00:00:00Z',
      tokenState: 'expired',
      tokenDaysLeft: null,
      secret: 'stored'
    }
    installFake(
      {},
      {
        profiles: [
          ...profiles(),
          makeProfile({ id: 'p-e', name: 'Old token', credentials: expired }),
          makeProfile({ id: 'demo-2', name: 'Demo two', isDemo: true, credentials: expired })
        ]
      }
    )
    await act(() => loadAll())
    render(
      <>
        <CredentialBanners />
        <ProfilesScreen />
      </>
    )
    expect(screen.getByTestId('credential-banner-token-expired')).toHaveTextContent(
      'Auth token expired — Old token: E2E refuses it until you paste a new one.'
    )
    expect(screen.getByTestId('credential-banners')).not.toHaveTextContent(/Demo/)

    const rejected = screen.getByTestId('credential-banner-token-rejected')
    fireEvent.click(within(rejected).getByRole('button', { name: 'Paste a new token' }))
    expect(useUiStore.getState().view).toBe('profiles')
    let dialog = await screen.findByRole('dialog', { name: 'Edit Revoked' })
    expect(within(dialog).getByTestId('profile-form-reason')).toHaveTextContent('E2E rejected the stored auth token.')
    await waitFor(() => expect(within(dialog).getByLabelText('Auth token')).toHaveFocus())
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

    fireEvent.click(
      within(screen.getByTestId('credential-banner-needs-credentials')).getByRole('button', {
        name: 'Enter credentials'
      })
    )
    dialog = await screen.findByRole('dialog', { name: 'Edit Lost' })
    await waitFor(() => expect(within(dialog).getByLabelText('API key')).toHaveFocus())
  })
})

describe('profiles screen credential states', () => {
  it('each profile says what is wrong, and Try again retries that profile only', async () => {
    const fake = installFake({ 'profiles:retry-keychain': () => unlocked(profiles()) }, { profiles: profiles() })
    await act(() => loadAll())
    render(<ProfilesScreen />)
    const card = (name: string) =>
      screen.getAllByTestId('profile-card').find((c) => c.textContent?.includes(name)) as HTMLElement
    expect(within(card('Locked one')).getByTestId('credential-keychain-locked')).toHaveTextContent(
      'Keychain locked — unlock it, then Try again'
    )
    expect(within(card('Unreachable')).getByTestId('credential-keychain-unavailable')).toHaveTextContent(
      'System keychain unreachable — Install gnome-keyring and libsecret-1-0.'
    )
    expect(within(card('Lost')).getByTestId('credential-needs-credentials')).toHaveTextContent('Needs credentials')
    expect(within(card('Revoked')).getByTestId('credential-token-rejected')).toHaveTextContent(
      'E2E rejected the auth token'
    )
    expect(within(card('Lost')).queryByRole('button', { name: /Try the keychain again/ })).not.toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: 'Try the keychain again for Locked one' }))
    await waitFor(() => expect(within(card('Locked one')).queryByTestId('credential-keychain-locked')).toBeNull())
    expect(fake.callsTo('profiles:retry-keychain')).toEqual([{ profileId: 'p-l1' }])
  })
})
