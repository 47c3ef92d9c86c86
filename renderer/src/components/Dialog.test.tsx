import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, within } from '@testing-library/react'
import { Dialog } from './Dialog'

function Harness() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button onClick={() => setOpen(true)}>Open</button>
      {open && (
        <Dialog
          title="Hello"
          onClose={() => setOpen(false)}
          footer={<button onClick={() => setOpen(false)}>Done</button>}
        >
          <input aria-label="First" />
        </Dialog>
      )}
    </>
  )
}

describe('Dialog', () => {
  it('focuses inside, wraps Tab at both ends, closes on Escape and gives focus back', () => {
    render(<Harness />)
    const opener = screen.getByRole('button', { name: 'Open' })
    opener.focus()
    fireEvent.click(opener)
    const dialog = screen.getByRole('dialog', { name: 'Hello' })
    const first = screen.getByLabelText('First')
    const done = screen.getByRole('button', { name: 'Done' })
    expect(first).toHaveFocus()
    done.focus()
    fireEvent.keyDown(dialog, { key: 'Tab' })
    expect(first).toHaveFocus()
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true })
    expect(done).toHaveFocus()
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(opener).toHaveFocus()
  })

  it('has no banner or contentinfo of its own: those would repeat the window’s landmarks', () => {
    render(<Harness />)
    fireEvent.click(screen.getByRole('button', { name: 'Open' }))
    const dialog = screen.getByRole('dialog', { name: 'Hello' })
    expect(within(dialog).queryByRole('banner')).toBeNull()
    expect(within(dialog).queryByRole('contentinfo')).toBeNull()
  })
})
