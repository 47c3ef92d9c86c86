import { describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { loadAll } from '../../stores/events'
import { SettingsScreen } from './SettingsScreen'

resetStoresAfterEach()

describe('settings: the poll interval', () => {
  it('Save interval, when disabled, says why: nothing changed, or what is wrong with the value', async () => {
    const fake = installFake()
    await act(() => loadAll())
    render(<SettingsScreen />)
    const save = screen.getByRole('button', { name: 'Save interval' })
    expect(save).toBeDisabled()
    expect(save).toHaveAccessibleDescription('Nothing to save: 60 seconds is the interval in use.')
    expect(save).toHaveAttribute('title', 'Nothing to save: 60 seconds is the interval in use.')

    const field = screen.getByLabelText('Poll interval when nothing is changing (seconds)')
    fireEvent.change(field, { target: { value: '5' } })
    expect(save).toBeDisabled()
    expect(save).toHaveAccessibleDescription('At least 15 seconds')
    expect(save).toHaveAttribute('title', 'Fix the interval first: At least 15 seconds')
    expect(screen.getAllByText(/At least 15 seconds/)).toHaveLength(1)
    expect(field).toHaveAccessibleDescription(/At least 15 seconds/)

    fireEvent.change(field, { target: { value: '90' } })
    expect(save).toBeEnabled()
    expect(save).not.toHaveAttribute('title')
    fireEvent.click(save)
    await waitFor(() => expect(fake.callsTo('settings:update')).toEqual([{ steadyIntervalSec: 90 }]))
  })

  it('after Save by keyboard, focus stays on the interval field (not <body>) and "Saved." is announced', async () => {
    installFake()
    await act(() => loadAll())
    render(<SettingsScreen />)
    const field = screen.getByLabelText('Poll interval when nothing is changing (seconds)')
    fireEvent.change(field, { target: { value: '90' } })
    const save = screen.getByRole('button', { name: 'Save interval' })
    save.focus()
    fireEvent.click(save)
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved.'))
    const now = screen.getByLabelText('Poll interval when nothing is changing (seconds)')
    expect(now).toHaveValue('90')
    await waitFor(() => expect(now).toHaveFocus())
    expect(screen.getByRole('button', { name: 'Save interval' })).toHaveAccessibleDescription(
      'Nothing to save: 90 seconds is the interval in use.'
    )
  })
})
