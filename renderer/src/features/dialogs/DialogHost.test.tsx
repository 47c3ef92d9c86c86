import { describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { fail } from '../../../../tests/support/renderer/fake-api'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { useToastStore } from '../../stores/notifications.store'
import { DialogHost } from './DialogHost'

resetStoresAfterEach()

describe('native dialog stand-in (preview)', () => {
  it('answers a confirm with the chosen button, and Escape with the cancel id', async () => {
    const fake = installFake()
    render(<DialogHost />)
    act(() =>
      fake.emit('dialog:requested', {
        dialogId: 'd1',
        kind: 'confirm',
        title: 'Delete web-1?',
        message: 'Really?',
        buttons: ['Cancel', 'Delete'],
        cancelId: 0
      })
    )
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(fake.callsTo('dialog:respond')).toEqual([{ dialogId: 'd1', response: 1 }]))
    act(() =>
      fake.emit('dialog:requested', {
        dialogId: 'd2',
        kind: 'confirm',
        title: 'Quit?',
        message: 'Quit?',
        buttons: ['Cancel', 'Quit'],
        cancelId: 0
      })
    )
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' })
    await waitFor(() => expect(fake.callsTo('dialog:respond')).toHaveLength(2))
    expect(fake.callsTo('dialog:respond')[1]).toEqual({ dialogId: 'd2', response: 0 })
  })

  it('asks for a host path for open-file and sends it', async () => {
    const fake = installFake()
    render(<DialogHost />)
    act(() =>
      fake.emit('dialog:requested', {
        dialogId: 'f1',
        kind: 'open-file',
        title: 'Choose a token file',
        message: 'Choose a token file',
        buttons: ['Cancel', 'Open'],
        cancelId: 0
      })
    )
    const open = screen.getByRole('button', { name: 'Open' })
    expect(open).toBeDisabled()
    fireEvent.change(screen.getByLabelText(/Path of the file to open/), { target: { value: '/tmp/token.json' } })
    fireEvent.click(open)
    await waitFor(() =>
      expect(fake.callsTo('dialog:respond')).toEqual([{ dialogId: 'f1', response: 1, path: '/tmp/token.json' }])
    )
  })

  it('says in plain words when the answer did not reach main', async () => {
    const fake = installFake({
      'dialog:respond': () => {
        throw fail('INTERNAL', 'No dialog d9 is waiting (POST /ipc/dialog:respond)')
      }
    })
    render(<DialogHost />)
    act(() =>
      fake.emit('dialog:requested', {
        dialogId: 'd9',
        kind: 'confirm',
        title: 'Quit?',
        message: 'Quit?',
        buttons: ['Cancel', 'Quit'],
        cancelId: 0
      })
    )
    fireEvent.click(screen.getByRole('button', { name: 'Quit' }))
    await waitFor(() => expect(useToastStore.getState().toasts).toHaveLength(1))
    const [t] = useToastStore.getState().toasts
    expect(t?.body).toBe('Something went wrong inside Nodetray. Try again; restart Nodetray if it persists.')
    expect(t?.detail).toMatch(/dialog:respond/)
  })
})
