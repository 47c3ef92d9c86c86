import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { Menu, type MenuItem } from './Menu'

function Harness({ items }: { items: MenuItem[] }) {
  const [open, setOpen] = useState(false)
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  return (
    <>
      <button type="button" ref={setAnchor} onClick={() => setOpen(true)}>
        Open
      </button>
      <button type="button">Elsewhere</button>
      {open && anchor && (
        <Menu
          label="Things"
          items={items}
          anchor={{ kind: 'element', element: anchor }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  )
}

const make = () => {
  const picked: string[] = []
  const item = (id: string, label: string, extra: Partial<MenuItem> = {}): MenuItem => ({
    id,
    label,
    onSelect: () => picked.push(id),
    ...extra
  })
  const items = [
    item('a', 'Alpha'),
    item('b', 'Bravo', { disabledReason: 'Not now' }),
    item('c', 'Charlie'),
    item('d', 'Delta', { separatorBefore: true })
  ]
  return { picked, items }
}

function open(items: MenuItem[]) {
  render(<Harness items={items} />)
  const opener = screen.getByRole('button', { name: 'Open' })
  opener.focus()
  fireEvent.click(opener)
  return { opener, menu: screen.getByRole('menu', { name: 'Things' }) }
}

describe('Menu', () => {
  it('moves with the arrows (wrapping), Home/End and the first letter; Enter chooses and gives focus back', () => {
    const { picked, items } = make()
    const { opener, menu } = open(items)
    const el = (name: string) => screen.getByRole('menuitem', { name: new RegExp(`^${name}`) })
    expect(document.activeElement).toBe(el('Alpha'))
    fireEvent.keyDown(menu, { key: 'ArrowUp' })
    expect(document.activeElement).toBe(el('Delta'))
    fireEvent.keyDown(menu, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(el('Alpha'))
    fireEvent.keyDown(menu, { key: 'End' })
    expect(document.activeElement).toBe(el('Delta'))
    fireEvent.keyDown(menu, { key: 'Home' })
    fireEvent.keyDown(menu, { key: 'c' })
    expect(document.activeElement).toBe(el('Charlie'))
    fireEvent.keyDown(menu, { key: 'Enter' })
    expect(picked).toEqual(['c'])
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('opened from inside <main>, it is placed in <main>: at the end of <body> it was outside every landmark', () => {
    const { items } = make()
    render(
      <main>
        <Harness items={items} />
      </main>
    )
    fireEvent.click(screen.getByRole('button', { name: 'Open' }))
    expect(screen.getByRole('main')).toContainElement(screen.getByRole('menu', { name: 'Things' }))
  })

  it('a disabled item says why and does nothing', () => {
    const { picked, items } = make()
    open(items)
    const bravo = screen.getByRole('menuitem', { name: /^Bravo/ })
    expect(bravo).toHaveAttribute('aria-disabled', 'true')
    expect(bravo).toHaveAccessibleDescription('Not now')
    fireEvent.click(bravo)
    expect(picked).toEqual([])
    expect(screen.getByRole('menu')).toBeInTheDocument()
  })

  it('Tab and a press outside close it', () => {
    const { items } = make()
    const { menu, opener } = open(items)
    fireEvent.keyDown(menu, { key: 'Tab' })
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(opener)
    fireEvent.click(opener)
    expect(screen.getByRole('menu')).toBeInTheDocument()
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Elsewhere' }))
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('opened at the pointer, it stays inside the window', () => {
    vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(200)
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(150)
    const { items } = make()
    render(
      <Menu
        label="At pointer"
        items={items}
        anchor={{ kind: 'point', x: window.innerWidth - 20, y: 30 }}
        onClose={() => undefined}
      />
    )
    const menu = screen.getByRole('menu', { name: 'At pointer' })
    // Too close to the right edge: it opens to the left of the pointer.
    expect(menu.style.left).toBe(`${window.innerWidth - 20 - 200}px`)
    expect(menu.style.top).toBe('30px')
    vi.restoreAllMocks()
  })
})
