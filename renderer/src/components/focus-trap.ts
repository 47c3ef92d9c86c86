// Shared by every modal (Dialog, the create wizard's frame): Tab cycling inside the box and focus given back to
// the opener when the modal goes away.
import { useEffect, type KeyboardEvent } from 'react'

export const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** Call from the modal box's keydown handler: keeps Tab and Shift+Tab cycling among the box's controls. */
export function trapTab(e: KeyboardEvent<HTMLElement>, box: HTMLElement): void {
  if (e.key !== 'Tab') return
  const items = Array.from(box.querySelectorAll<HTMLElement>(FOCUSABLE))
  const first = items[0]
  const last = items[items.length - 1]
  if (!first || !last) return e.preventDefault()
  const active = document.activeElement
  if (e.shiftKey && (active === first || active === box || !box.contains(active))) {
    e.preventDefault()
    last.focus()
  } else if (!e.shiftKey && active === last) {
    e.preventDefault()
    first.focus()
  }
}

/** Remembers what had focus when the modal mounted and gives it back on unmount. Call before focusing inside. */
export function useRestoreFocus(): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    return () => {
      // Runs after React removed the modal; the opener may be gone too.
      if (opener && document.contains(opener)) opener.focus()
    }
  }, [])
}
