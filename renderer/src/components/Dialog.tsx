// Modal dialog: traps Tab inside, closes on Escape, gives focus back to whatever had it before.
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { FOCUSABLE, trapTab, useRestoreFocus } from './focus-trap'

interface DialogProps {
  title: string
  onClose(): void
  children: ReactNode
  /** Buttons row at the bottom. */
  footer?: ReactNode
  /** alertdialog for confirmations of destructive actions. */
  role?: 'dialog' | 'alertdialog'
  wide?: boolean
  testId?: string
}

export function Dialog({ title, onClose, children, footer, role = 'dialog', wide, testId }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null)
  const titleId = useId()

  useRestoreFocus()
  useEffect(() => {
    const box = ref.current
    const first = box?.querySelector<HTMLElement>('[data-autofocus]') ?? box?.querySelector<HTMLElement>(FOCUSABLE)
    ;(first ?? box)?.focus()
  }, [])

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onClose()
      return
    }
    if (ref.current) trapTab(e, ref.current)
  }

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className={`dialog card${wide ? ' dialog-wide' : ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="dialog-body">{children}</div>
        {footer && <div className="dialog-footer row">{footer}</div>}
      </div>
    </div>,
    document.body
  )
}
