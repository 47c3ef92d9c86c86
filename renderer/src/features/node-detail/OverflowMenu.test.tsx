import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen } from '@testing-library/react'
import { Copy, ExternalLink, RefreshCw } from 'lucide-react'
import { OverflowMenu } from './OverflowMenu'

function setUp() {
  const copy = vi.fn()
  const open = vi.fn()
  render(
    <OverflowMenu
      iconOnly
      label="More actions for web-01"
      items={[
        {
          id: 'copy',
          label: 'Copy SSH command',
          icon: Copy,
          disabledReason: 'The node has no public IP',
          onSelect: copy
        },
        { id: 'open', label: 'Open in MyAccount', icon: ExternalLink, onSelect: open },
        { id: 'refresh', label: 'Refresh details', icon: RefreshCw, onSelect: vi.fn() }
      ]}
    />
  )
  return { copy, open, button: screen.getByRole('button', { name: 'More actions for web-01' }) }
}

describe('overflow menu', () => {
  it('opens with ArrowDown, moves with the arrows, wraps, and Escape gives focus back', () => {
    const { button } = setUp()
    expect(button).toHaveAttribute('aria-expanded', 'false')
    fireEvent.keyDown(button, { key: 'ArrowDown' })
    const items = screen.getAllByRole('menuitem')
    expect(button).toHaveAttribute('aria-expanded', 'true')
    expect(items[0]).toHaveFocus()
    fireEvent.keyDown(items[0]!, { key: 'ArrowUp' })
    expect(items[2]).toHaveFocus()
    fireEvent.keyDown(items[2]!, { key: 'ArrowDown' })
    expect(items[0]).toHaveFocus()
    fireEvent.keyDown(items[0]!, { key: 'Escape' })
    expect(screen.queryByRole('menu')).toBeNull()
    expect(button).toHaveFocus()
  })

  it('a disabled item says why and does nothing; an enabled one runs and closes the menu', () => {
    const { copy, open, button } = setUp()
    fireEvent.click(button)
    const disabled = screen.getByRole('menuitem', { name: /Copy SSH command/ })
    expect(disabled).toHaveAttribute('aria-disabled', 'true')
    expect(disabled).toHaveTextContent('The node has no public IP')
    fireEvent.click(disabled)
    expect(copy).not.toHaveBeenCalled()
    expect(screen.getByRole('menu')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('menuitem', { name: 'Open in MyAccount' }))
    expect(open).toHaveBeenCalledOnce()
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('closes on a click elsewhere', () => {
    const { button } = setUp()
    fireEvent.click(button)
    fireEvent.pointerDown(document.body)
    expect(screen.queryByRole('menu')).toBeNull()
  })
})
