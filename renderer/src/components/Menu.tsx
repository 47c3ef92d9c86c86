// A popup menu (WAI-ARIA menu pattern): role=menu of menuitems, opened at a button or at the pointer (right-click).
// Arrow keys, Home/End and the first letter move; Enter/Space choose; Esc and Tab close; focus goes back to the
// element that opened it. A disabled item stays focusable and says why (second line, announced), as every disabled
// control in the window does. Mounted only while open, in a portal, so a list of 10,000 rows holds no menus.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import './menu.css'
import type { LucideIcon } from 'lucide-react'

export interface MenuItem {
  id: string
  label: string
  icon?: LucideIcon
  danger?: boolean
  /** Set: the item is disabled and this sentence says why. */
  disabledReason?: string | null
  /** A line above this item, to set apart a group (e.g. Delete). */
  separatorBefore?: boolean
  onSelect(): void
}

export type MenuAnchor = { kind: 'element'; element: HTMLElement } | { kind: 'point'; x: number; y: number }

interface MenuProps {
  /** The menu's accessible name, e.g. "Actions for web-01". */
  label: string
  items: MenuItem[]
  anchor: MenuAnchor
  /** Focus goes back here when the menu closes (defaults to what had focus when it opened). */
  returnFocusTo?: HTMLElement | null
  onClose(): void
  testId?: string
}

const GAP = 4
const MARGIN = 8

export function Menu({ label, items, anchor, returnFocusTo, onClose, testId }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null)
  const baseId = useId()
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null)
  const opener = useRef<HTMLElement | null>(
    returnFocusTo ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null)
  )

  // Into the opener's <main> when it has one: a menu at the end of <body> sits outside every landmark.
  const [host] = useState<HTMLElement>(() => {
    const from = anchor.kind === 'element' ? anchor.element : (returnFocusTo ?? document.activeElement)
    return from?.closest('main') ?? document.body
  })

  const itemEls = () => Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
  const focusAt = (i: number) => {
    const els = itemEls()
    if (els.length === 0) return
    els[((i % els.length) + els.length) % els.length]?.focus()
  }

  const close = (restore = true) => {
    onClose()
    const to = opener.current
    if (restore && to && document.contains(to)) to.focus()
  }

  // Placed before paint: below the button (or at the pointer), flipped or shifted to stay inside the window.
  useLayoutEffect(() => {
    const box = ref.current
    if (!box) return
    const w = box.offsetWidth
    const h = box.offsetHeight
    const vw = window.innerWidth
    const vh = window.innerHeight
    let left: number
    let top: number
    if (anchor.kind === 'point') {
      left = anchor.x
      top = anchor.y
      if (left + w > vw - MARGIN) left = Math.max(MARGIN, left - w)
      if (top + h > vh - MARGIN) top = Math.max(MARGIN, top - h)
    } else {
      const r = anchor.element.getBoundingClientRect()
      left = r.right - w
      top = r.bottom + GAP
      if (top + h > vh - MARGIN) top = Math.max(MARGIN, r.top - GAP - h)
    }
    left = Math.min(Math.max(MARGIN, left), Math.max(MARGIN, vw - w - MARGIN))
    setPos({ left, top })
  }, [anchor])

  useEffect(() => {
    const first = itemEls().findIndex((el) => el.getAttribute('aria-disabled') !== 'true')
    focusAt(Math.max(0, first))
    // A press outside, a scroll of the list or a resized window closes it (its place would be wrong).
    const onPointerDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) close(false)
    }
    const onScroll = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) close(false)
    }
    const onResize = () => close(false)
    document.addEventListener('pointerdown', onPointerDown, true)
    document.addEventListener('scroll', onScroll, true)
    window.addEventListener('resize', onResize)
    window.addEventListener('blur', onResize)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true)
      document.removeEventListener('scroll', onScroll, true)
      window.removeEventListener('resize', onResize)
      window.removeEventListener('blur', onResize)
    }
    // Once per opening: `close` reads refs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const choose = (item: MenuItem) => {
    if (item.disabledReason) return
    // Focus returns to the opener first, so a dialog the item opens gives focus back there when it closes.
    close()
    item.onSelect()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const els = itemEls()
    const current = els.indexOf(document.activeElement as HTMLElement)
    const stop = () => {
      e.preventDefault()
      e.stopPropagation()
    }
    switch (e.key) {
      case 'ArrowDown':
        stop()
        return focusAt(current + 1)
      case 'ArrowUp':
        stop()
        return focusAt(current - 1)
      case 'Home':
        stop()
        return focusAt(0)
      case 'End':
        stop()
        return focusAt(els.length - 1)
      case 'Escape':
        stop()
        return close()
      case 'Tab':
        e.preventDefault()
        return close()
      case 'Enter':
      case ' ': {
        stop()
        const item = items[current]
        if (item) choose(item)
        return
      }
      default:
        if (e.key.length === 1 && /\S/.test(e.key)) {
          const ch = e.key.toLowerCase()
          const order = [...items.keys()].map((i) => (current + 1 + i) % items.length)
          const hit = order.find((i) => items[i]?.label.toLowerCase().startsWith(ch))
          if (hit !== undefined) {
            stop()
            focusAt(hit)
          }
        }
    }
  }

  return createPortal(
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="menu"
      data-testid={testId}
      style={pos ? { left: pos.left, top: pos.top } : { left: -9999, top: 0 }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item) => {
        const Icon = item.icon
        const reasonId = `${baseId}-${item.id}-why`
        return (
          <div key={item.id} role="none" className={item.separatorBefore ? 'menu-group' : undefined}>
            <div
              role="menuitem"
              tabIndex={-1}
              className={`menu-item${item.danger ? ' menu-item-danger' : ''}`}
              aria-disabled={item.disabledReason ? 'true' : undefined}
              aria-describedby={item.disabledReason ? reasonId : undefined}
              title={item.disabledReason ?? undefined}
              data-menu-item={item.id}
              onClick={() => choose(item)}
              onMouseEnter={(e) => e.currentTarget.focus()}
            >
              <span className="menu-icon" aria-hidden="true">
                {Icon && <Icon size={15} strokeWidth={2} />}
              </span>
              <span className="menu-text">
                <span>{item.label}</span>
                {item.disabledReason && (
                  <span id={reasonId} className="menu-reason">
                    {item.disabledReason}
                  </span>
                )}
              </span>
            </div>
          </div>
        )
      })}
    </div>,
    host
  )
}
