import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { resetStoresAfterEach } from '../../../tests/support/renderer/setup-fake'
import { toast, useToastStore } from '../stores/notifications.store'
import { Dialog } from './Dialog'
import { TOAST_MS, Toasts } from './Toasts'

resetStoresAfterEach()
afterEach(() => vi.useRealTimers())

const titles = () => screen.queryAllByTestId('toast').map((t) => t.querySelector('.toast-title')?.textContent)

describe('toasts', () => {
  it('read oldest first, and the same message twice shows once', () => {
    render(<Toasts />)
    act(() => {
      toast({ kind: 'error', title: 'Couldn’t power on web-01', body: 'E2E’s service had a problem.' })
      toast({ kind: 'info', title: 'web-01 deleted · Prod', body: 'The node is gone.' })
      toast({ kind: 'info', title: 'web-01 deleted · Prod', body: 'The node is gone.' })
    })
    expect(titles()).toEqual(['Couldn’t power on web-01', 'web-01 deleted · Prod'])
  })

  it('keep technical detail in a closed disclosure', () => {
    render(<Toasts />)
    act(() => {
      toast({
        kind: 'error',
        title: 'Couldn’t reboot db',
        body: 'E2E’s service had a problem.',
        detail: 'PUT nodes/1/actions/ (503)'
      })
    })
    const card = screen.getByTestId('toast')
    const details = card.querySelector('details')
    expect(details).not.toBeNull()
    expect(details?.open).toBe(false)
    expect(within(card).getByText('Technical details')).toBeInTheDocument()
  })

  it('confirmations go after a while; errors stay until dismissed', () => {
    vi.useFakeTimers()
    render(<Toasts />)
    act(() => {
      toast({ kind: 'ok', title: 'Saved' })
      toast({ kind: 'error', title: 'Failed' })
    })
    act(() => {
      vi.advanceTimersByTime(TOAST_MS + 10)
    })
    expect(titles()).toEqual(['Failed'])
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Failed' }))
    expect(titles()).toEqual([])
  })

  it('fold older ones behind "Show N earlier"', () => {
    render(<Toasts />)
    act(() => {
      for (const n of [1, 2, 3, 4, 5]) toast({ kind: 'error', title: `Failure ${n}` })
    })
    expect(titles()).toEqual(['Failure 3', 'Failure 4', 'Failure 5'])
    fireEvent.click(screen.getByRole('button', { name: 'Show 2 earlier' }))
    expect(titles()).toHaveLength(5)
  })

  it('move into an open modal, after its footer, and back when it closes', async () => {
    const onClose = vi.fn()
    const { rerender } = render(
      <>
        <Toasts />
        <Dialog title="Create node" onClose={onClose} footer={<button type="button">Done</button>}>
          <input aria-label="Name" />
        </Dialog>
      </>
    )
    act(() => void toast({ kind: 'error', title: 'Something failed' }))
    const dialog = screen.getByRole('dialog')
    await waitFor(() => expect(within(dialog).getByTestId('toast')).toBeInTheDocument())
    // After the footer: the dialog's own controls come first and keep their place.
    const stack = within(dialog).getByTestId('toasts')
    const footer = dialog.querySelector('.dialog-footer')
    expect(footer && footer.compareDocumentPosition(stack) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    // Escape on a toast inside the modal reaches the modal (it closes as if the key was pressed in it).
    fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Dismiss: Something failed' }), { key: 'Escape' })
    expect(onClose).toHaveBeenCalledOnce()
    rerender(<Toasts />)
    await waitFor(() => expect(screen.getByTestId('toasts').closest('[aria-modal]')).toBeNull())
    expect(useToastStore.getState().toasts).toHaveLength(1)
  })

  // Outside tester: "Couldn't save the term-end choice for db-primary" showed inside "Power off web-01?".
  it('a modal shows only toasts that arrive while it is open; the older ones are back when it closes', async () => {
    act(() => void toast({ kind: 'error', title: 'Couldn’t save the term-end choice for db-primary' }))
    const { rerender } = render(
      <>
        <Toasts />
        <Dialog title="Power off web-01?" onClose={() => undefined}>
          <p>The node stops at once.</p>
        </Dialog>
      </>
    )
    const dialog = screen.getByRole('dialog')
    expect(within(dialog).queryByTestId('toast')).toBeNull()
    expect(titles()).toEqual([])
    act(() => void toast({ kind: 'error', title: 'Couldn’t power off web-01' }))
    await waitFor(() => expect(within(dialog).getAllByTestId('toast')).toHaveLength(1))
    expect(titles()).toEqual(['Couldn’t power off web-01'])
    rerender(<Toasts />)
    await waitFor(() =>
      expect(titles()).toEqual(['Couldn’t save the term-end choice for db-primary', 'Couldn’t power off web-01'])
    )
  })

  // Review finding: a confirm opened over the wizard and closed again hid the wizard's own toasts.
  it("a modal over a modal: closing the upper one leaves the lower one's toasts where they were", async () => {
    const wizard = (confirm: boolean) => (
      <>
        <Toasts />
        <Dialog title="Create node" onClose={() => undefined}>
          <p>Wizard</p>
        </Dialog>
        {confirm && (
          <Dialog title="Discard?" onClose={() => undefined}>
            <p>Sure?</p>
          </Dialog>
        )}
      </>
    )
    const { rerender } = render(wizard(false))
    act(() => void toast({ kind: 'error', title: 'Couldn’t create web-09' }))
    const lower = screen.getByRole('dialog', { name: 'Create node' })
    await waitFor(() => expect(within(lower).getAllByTestId('toast')).toHaveLength(1))
    rerender(wizard(true))
    const upper = screen.getByRole('dialog', { name: 'Discard?' })
    await waitFor(() => expect(within(upper).queryByTestId('toast')).toBeNull())
    expect(titles()).toEqual([])
    rerender(wizard(false))
    await waitFor(() => expect(titles()).toEqual(['Couldn’t create web-09']))
    expect(within(screen.getByRole('dialog', { name: 'Create node' })).getAllByTestId('toast')).toHaveLength(1)
  })
})
