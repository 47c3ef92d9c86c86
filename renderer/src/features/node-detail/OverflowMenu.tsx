// "More": the action bar's overflow. A menu button with a popup of menu items; arrow keys move, Escape closes and
// gives focus back, a click elsewhere closes. A disabled item stays listed and says why under its label.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { Ellipsis, type LucideIcon } from 'lucide-react'
import { Button } from '../../components/ui/Button'

export interface MenuItem {
  id: string
  label: string
  icon: LucideIcon
  disabledReason?: string | null
  danger?: boolean
  onSelect(): void
}

export function OverflowMenu({
  label = 'More',
  items,
  iconOnly = false
}: {
  label?: string
  items: MenuItem[]
  /** Only the icon shows; `label` is its accessible name and tooltip. */
  iconOnly?: boolean
}) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const menuId = useId()

  const entries = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  useEffect(() => {
    if (!open) return undefined
    entries()[0]?.focus()
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [open])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = entries()
    const at = list.indexOf(document.activeElement as HTMLElement)
    const move = (to: number) => {
      e.preventDefault()
      list[(to + list.length) % list.length]?.focus()
    }
    if (e.key === 'ArrowDown') move(at + 1)
    else if (e.key === 'ArrowUp') move(at - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(list.length - 1)
    else if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      close(true)
    } else if (e.key === 'Tab') close(false)
  }

  return (
    <div className="nd-menu-wrap">
      <Button
        ref={button}
        icon={Ellipsis}
        size="sm"
        variant={iconOnly ? 'ghost' : 'default'}
        className={iconOnly ? 'btn-icon' : undefined}
        aria-label={iconOnly ? label : undefined}
        title={iconOnly ? label : undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            setOpen(true)
          }
        }}
      >
        {iconOnly ? null : label}
      </Button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label={label} className="nd-menu" onKeyDown={onKeyDown}>
          {items.map((item) => {
            const Icon = item.icon
            const disabled = Boolean(item.disabledReason)
            return (
              <button
                key={item.id}
                type="button"
                role="menuitem"
                tabIndex={-1}
                aria-disabled={disabled || undefined}
                className={`nd-menu-item${item.danger ? ' nd-menu-item-danger' : ''}`}
                onClick={() => {
                  if (disabled) return
                  close(true)
                  item.onSelect()
                }}
              >
                <Icon size={16} aria-hidden="true" />
                <span className="nd-menu-text">
                  <span>{item.label}</span>
                  {item.disabledReason && <span className="nd-menu-reason">{item.disabledReason}</span>}
                </span>
              </button>
            )
          })}
        </div>
      )}
    </div>
  )
}
