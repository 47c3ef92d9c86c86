// The wizard's modal frame: backdrop, title, stepper slot, scrolling body, fixed footer. Keeps Tab inside,
// Escape asks to close (the wizard decides whether it may), and gives focus back to the opener afterwards.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

interface Props {
  title: string
  onEscape(): void
  stepper: ReactNode
  footer: ReactNode
  children: ReactNode
}

export function WizardFrame({ title, onEscape, stepper, footer, children }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const escape = useRef(onEscape)
  useEffect(() => {
    escape.current = onEscape
  })

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    return () => {
      if (opener && document.contains(opener)) opener.focus()
    }
  }, [])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      escape.current()
      return
    }
    if (e.key !== 'Tab' || !box.current) return
    const items = Array.from(box.current.querySelectorAll<HTMLElement>(FOCUSABLE))
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) return
    if (e.shiftKey && (document.activeElement === first || !box.current.contains(document.activeElement))) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }

  return createPortal(
    <div className="cw-backdrop">
      <div ref={box} className="cw-frame card" role="dialog" aria-modal="true" aria-labelledby="cw-title" onKeyDown={onKeyDown} data-testid="create-wizard">
        <header className="cw-head">
          <h2 id="cw-title">{title}</h2>
          {stepper}
        </header>
        <div className="cw-body">{children}</div>
        <footer className="cw-foot row">{footer}</footer>
      </div>
    </div>,
    document.body
  )
}
