// An icon drawn by a CSS mask (mask-icons.ts): one empty <span>, hidden from screen readers. Each name and size is
// made once, so re-rendering whatever holds it costs nothing.
import type { ReactElement } from 'react'
import { installMaskIcons, type MaskIconName } from './mask-icons'

installMaskIcons()

const made = new Map<string, ReactElement>()

export function maskIcon(name: MaskIconName, size: 'md' | 'sm' = 'md'): ReactElement {
  const key = `${name}:${size}`
  let el = made.get(key)
  if (!el) {
    el = <span className={`ticon ticon-${name}${size === 'sm' ? ' ticon-sm' : ''}`} aria-hidden="true" />
    made.set(key, el)
  }
  return el
}
