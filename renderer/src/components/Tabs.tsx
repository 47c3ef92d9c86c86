// Tab list with arrow-key movement (WAI-ARIA tabs pattern, automatic activation).
import { useRef } from 'react'
import type { LucideIcon } from 'lucide-react'
import { maskIcon } from './ui/MaskIcon'
import type { MaskIconName } from './ui/mask-icons'

export interface TabItem<K extends string> {
  key: K
  label: string
  /** A lucide component, or a mask icon's name (one element; the window's tabs are on every first screen). */
  icon?: LucideIcon | MaskIconName
}

interface TabsProps<K extends string> {
  label: string
  items: TabItem<K>[]
  active: K
  onChange(key: K): void
  idPrefix: string
}

export function Tabs<K extends string>({ label, items, active, onChange, idPrefix }: TabsProps<K>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const move = (from: number, delta: number) => {
    const next = (from + delta + items.length) % items.length
    const item = items[next]
    if (!item) return
    onChange(item.key)
    refs.current[next]?.focus()
  }
  return (
    <div role="tablist" aria-label={label} className="tabs">
      {items.map((item, i) => (
        <button
          key={item.key}
          ref={(el) => {
            refs.current[i] = el
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${item.key}`}
          aria-controls={`${idPrefix}-panel`}
          aria-selected={item.key === active}
          tabIndex={item.key === active ? 0 : -1}
          className="tab"
          onClick={() => onChange(item.key)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') move(i, 1)
            else if (e.key === 'ArrowLeft') move(i, -1)
            else if (e.key === 'Home') move(0, 0)
            else if (e.key === 'End') move(items.length - 1, 0)
          }}
        >
          {typeof item.icon === 'string'
            ? maskIcon(item.icon)
            : item.icon && <item.icon size={16} aria-hidden="true" />}
          {item.label}
        </button>
      ))}
    </div>
  )
}
