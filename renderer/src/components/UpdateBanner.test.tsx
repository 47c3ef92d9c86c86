import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../../shared/domain/updates'
import { installFake, resetStoresAfterEach } from '../../../tests/support/renderer/setup-fake'
import { UpdateBanner } from './UpdateBanner'

resetStoresAfterEach()

const ready: UpdateStatus = { state: 'downloaded', enabled: true, version: '0.2.0', message: null }

describe('UpdateBanner', () => {
  it('shows nothing until an update is downloaded, then offers Restart to update', async () => {
    const fake = installFake()
    render(<UpdateBanner />)
    await act(async () => undefined)
    expect(screen.queryByTestId('update-banner')).toBeNull()
    act(() => fake.emit('updates:changed', { ...ready, state: 'available' }))
    expect(screen.queryByTestId('update-banner')).toBeNull()
    act(() => fake.emit('updates:changed', ready))
    expect(screen.getByTestId('update-banner')).toHaveTextContent('Nodetray 0.2.0 is ready.')
    fireEvent.click(screen.getByRole('button', { name: 'Restart to update' }))
    await act(async () => undefined)
    expect(fake.callsTo('updates:restart')).toHaveLength(1)
  })

  it('shows an update that was already downloaded before the window opened', async () => {
    installFake({ 'updates:status': () => ready })
    render(<UpdateBanner />)
    expect(await screen.findByRole('button', { name: 'Restart to update' })).toBeInTheDocument()
  })
})
