// The list's keys: "/" or Ctrl/Cmd+F focuses the search, Esc closes the detail (or unchecks the rows), Delete
// starts a delete of the focused, checked or open node(s). None of them fire while a dialog or a menu is open, and
// "/" and Delete never fire while the user types in a field.
import { useEffect, useLayoutEffect, useRef } from 'react'

export interface ListShortcuts {
  focusSearch(): void
  /** True when it did something (then the key is consumed). */
  onEscape(): boolean
  /** The focused row's key ("profile:id") when focus is in a row. True when a delete started. */
  onDelete(focusedKey: string | null): boolean
}

/** The user types here: a text field, a select or an editable element (a checkbox or a button is not typing). */
export function isTyping(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false
  if (el.isContentEditable) return true
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(el.type)
}

const LIST_KEYS = new Set(['f', 'F', '/', 'Escape', 'Delete'])

/** A modal dialog or a popup menu has the keyboard: leave its keys alone. */
export function overlayOpen(): boolean {
  return document.querySelector('[aria-modal="true"], [role="menu"]') !== null
}

export function useListShortcuts(handlers: ListShortcuts): void {
  const ref = useRef(handlers)
  useLayoutEffect(() => {
    ref.current = handlers
  })
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      // Only the keys below are the list's; any other (every letter typed in the search) returns before the
      // document is searched for an open dialog or menu.
      if (e.defaultPrevented || e.isComposing || !LIST_KEYS.has(e.key) || overlayOpen()) return
      const target = e.target instanceof Element ? e.target : null
      const typing = isTyping(target)
      const mod = e.ctrlKey || e.metaKey
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault()
        ref.current.focusSearch()
      } else if (e.key === '/' && !mod && !e.altKey && !typing) {
        e.preventDefault()
        ref.current.focusSearch()
      } else if (e.key === 'Escape') {
        // Esc in a search field with text clears it (the browser does); only an empty field lets Esc through.
        if (target instanceof HTMLInputElement && target.type === 'search' && target.value !== '') return
        if (ref.current.onEscape()) e.preventDefault()
      } else if (e.key === 'Delete' && !mod && !e.altKey && !typing) {
        const key = target?.closest('tr[data-node-key]')?.getAttribute('data-node-key') ?? null
        if (ref.current.onDelete(key)) e.preventDefault()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
