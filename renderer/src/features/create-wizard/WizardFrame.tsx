// The wizard's modal frame: backdrop, title, stepper slot, scrolling body, fixed footer. Keeps Tab inside,
// Escape asks to close (the wizard decides whether it may), and gives focus back to the opener afterwards.
import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { trapTab, useRestoreFocus } from '../../components/focus-trap'

interface Props {
  title: string
  onEscape(): void
  stepper: ReactNode
  footer: ReactNode
  children: ReactNode
}

export function WizardFrame({ title, onEscape, stepper, footer, children }: Props) {
  const box = useRef<HTMLDivElement>(null)
  useRestoreFocus()

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onEscape()
      return
    }
    if (box.current) trapTab(e, box.current)
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
