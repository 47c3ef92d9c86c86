// The wizard's modal frame: backdrop, title, stepper slot, scrolling body, sticky footer. Keeps Tab inside,
// Escape asks to close (the wizard decides whether it may), and gives focus back to the opener afterwards. An
// `overlay` (the discard question) makes the rest inert and takes the keyboard.
import { useEffect, useRef, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react'
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

  // Chromium moves focus between radios on an arrow key without scrolling, and choosing an OS then adds a line to
  // every location card above: at 800 × 600 the OS version just focused and checked ended up below the body's edge,
  // under the footer. So whatever the keyboard focused is brought into view with its label (the chip or card that
  // draws the focus ring), and again when the step's content changes size under it.
  const content = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = content.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const watch = new ResizeObserver(() => {
      const focused = document.activeElement
      if (focused instanceof HTMLElement && el.contains(focused)) keepInView(focused)
    })
    watch.observe(el)
    return () => watch.disconnect()
  }, [])
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLElement) keepInView(e.target)
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
        {/* Plain divs, not header and footer: in a dialog those were a second banner and contentinfo for the page. */}
        <div className="cw-head" inert={overlay ? true : undefined}>
          <h2 id="cw-title">{title}</h2>
          {stepper}
        </div>
        <div className="cw-body" inert={overlay ? true : undefined} onFocus={onFocus}>
          <div ref={content}>{children}</div>
        </div>
        <div className="cw-foot" inert={overlay ? true : undefined}>
          {footer}
        </div>
        {overlay && <div ref={over}>{overlay}</div>}
      </div>
    </div>,
    document.body
  )
}

/** Scrolls the body the least that shows `el` and its label; only for keyboard focus (a click keeps the page still). */
function keepInView(el: HTMLElement): void {
  if (!isFocusVisible(el)) return
  const shown = el.closest('label') ?? el
  shown.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })
}

function isFocusVisible(el: HTMLElement): boolean {
  try {
    return el.matches(':focus-visible')
  } catch {
    // A DOM without :focus-visible (jsdom): treat every focus as the keyboard's.
    return true
  }
}
