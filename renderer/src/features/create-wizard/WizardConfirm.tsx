// The wizard's own confirmations (discard the draft, create a second node): a card over the wizard, not a dialog
// over the window, so the wizard's Esc and Tab handling (WizardFrame) stays in charge. The button marked
// data-autofocus takes focus (the safe choice); focus goes back to where the user was when it closes.
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useRestoreFocus } from '../../components/focus-trap'

interface Props {
  title: string
  /** What happens, in a sentence or two: the dialog's accessible description. */
  description: ReactNode
  testId: string
  /** The buttons, the safe one first with data-autofocus. */
  children: ReactNode
}

export function WizardConfirm({ title, description, testId, children }: Props) {
  const id = useId()
  const box = useRef<HTMLDivElement>(null)
  useRestoreFocus()
  useEffect(() => box.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus(), [])
  return (
    <div className="cw-confirm-backdrop">
      <div
        ref={box}
        className="cw-confirm card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        data-testid={testId}
      >
        <h3 id={`${id}-title`}>{title}</h3>
        <p id={`${id}-desc`}>{description}</p>
        <div className="cw-confirm-actions">{children}</div>
      </div>
    </div>
  )
}
