// The wizard's modal frame: backdrop, title, stepper slot, scrolling body, sticky footer. Keeps Tab inside,
// Escape asks to close (the wizard decides whether it may), and gives focus back to the opener afterwards. An
// `overlay` (the discard question) makes the rest inert and takes the keyboard.
import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { trapTab, useRestoreFocus } from '../../components/focus-trap'

interface Props {
  title: string
  onEscape(): void
  stepper: ReactNode
  footer: ReactNode
  overlay?: ReactNode
  children: ReactNode
}

export function WizardFrame({ title, onEscape, stepper, footer, overlay, children }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const over = useRef<HTMLDivElement>(null)
  useRestoreFocus()

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onEscape()
      return
    }
    const trap = overlay ? over.current : box.current
    if (trap) trapTab(e, trap)
  }

  return createPortal(
    <div className="cw-backdrop">
      <div
        ref={box}
        className="cw-frame card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cw-title"
        onKeyDown={onKeyDown}
        data-testid="create-wizard"
      >
        <header className="cw-head" inert={overlay ? true : undefined}>
          <h2 id="cw-title">{title}</h2>
          {stepper}
        </header>
        <div className="cw-body" inert={overlay ? true : undefined}>
          {children}
        </div>
        <footer className="cw-foot" inert={overlay ? true : undefined}>
          {footer}
        </footer>
        {overlay && <div ref={over}>{overlay}</div>}
      </div>
    </div>,
    document.body
  )
}
