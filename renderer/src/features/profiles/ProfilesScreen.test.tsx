import { describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { makeProfile } from '../../../../tests/support/builders'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { loadAll } from '../../stores/events'
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
    const cards = screen.getAllByTestId('profile-card')
    expect(within(cards[0] as HTMLElement).queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument()
    expect(cards[0]).toHaveTextContent('Demo · read-only')
    expect(cards[1]).toHaveTextContent('Auth token expires in 3 days')
    expect(cards[1]).toHaveTextContent('key …aaaa')
    expect(cards[2]).toHaveTextContent('Auth token expired')
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
