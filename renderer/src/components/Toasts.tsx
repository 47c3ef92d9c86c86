// Toasts never cover a control. With no modal open they sit in a band at the bottom of the window that takes its
// own space (the screen above shrinks), right-aligned; while a modal is open (a dialog, the create wizard) the ones
// that arrive meanwhile go into it, after its footer, so its buttons and fields stay where they are and stay
// clickable. Older ones wait outside until it closes.
// Oldest first, newest last: they read in the order things happened.
import { useEffect, useState, useSyncExternalStore, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { CircleAlert, CircleCheck, Info, X, type LucideIcon } from 'lucide-react'
import { useToastStore, type Toast, type ToastKind } from '../stores/notifications.store'
import { trapTab } from './focus-trap'
import './components.css'

export const TOAST_MS = 6000
/** Shown at once; older ones fold behind "Show N earlier". Fewer in a short window, one inside a modal, so the
 * space they take from the screen stays small. */
export const VISIBLE_TOASTS = 3
export const VISIBLE_TOASTS_SHORT = 2
export const VISIBLE_TOASTS_MODAL = 1
const SHORT_WINDOW = '(max-height: 760px)'

function subscribeShort(onChange: () => void): () => void {
  const mq = window.matchMedia?.(SHORT_WINDOW)
  mq?.addEventListener('change', onChange)
  return () => mq?.removeEventListener('change', onChange)
}
const isShort = (): boolean => window.matchMedia?.(SHORT_WINDOW).matches ?? false

const ICON: Record<ToastKind, LucideIcon> = { info: Info, ok: CircleCheck, error: CircleAlert }

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToastStore((s) => s.dismiss)
  const Icon = ICON[toast.kind]
  useEffect(() => {
    // Errors stay until dismissed: they may need reading.
    if (toast.kind === 'error') return undefined
    const t = setTimeout(() => dismiss(toast.id), TOAST_MS)
    return () => clearTimeout(t)
  }, [toast, dismiss])
  return (
    <div className={`toast-card toast-card-${toast.kind}`} data-testid="toast" data-kind={toast.kind}>
      <Icon className="toast-icon" size={16} aria-hidden="true" />
      <div className="toast-text">
        <strong className="toast-title">{toast.title}</strong>
        {toast.body && <span className="toast-body">{toast.body}</span>}
        {toast.detail && (
          <details className="tech-details">
            <summary>Technical details</summary>
            <code>{toast.detail}</code>
          </details>
        )}
      </div>
      <button
        type="button"
        className="btn btn-ghost btn-icon btn-sm toast-dismiss"
        aria-label={`Dismiss: ${toast.title}`}
        title="Dismiss"
        onClick={() => dismiss(toast.id)}
      >
        <X size={14} aria-hidden="true" />
      </button>
    </div>
  )
}

const MODAL = '[aria-modal="true"]'

/** Per modal element: the toasts already shown when it first came up, which it leaves outside. */
const SHOWN_BEFORE = new WeakMap<HTMLElement, ReadonlySet<string>>()

function subscribeModals(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.body, { childList: true })
  return () => observer.disconnect()
}

/** The topmost open modal (the last one in the document), or null. */
function topModal(): HTMLElement | null {
  const all = document.body.querySelectorAll<HTMLElement>(`:scope > * ${MODAL}, :scope > ${MODAL}`)
  return all.length ? (all[all.length - 1] ?? null) : null
}

export function useTopModal(): HTMLElement | null {
  return useSyncExternalStore(subscribeModals, topModal, () => null)
}

export function Toasts() {
  const all = useToastStore((s) => s.toasts)
  const modal = useTopModal()
  // A modal shows only what happens while it is open (its own action's outcome); what was already shown about other
  // nodes waits in the window and is back when it closes, instead of reading as part of "Delete 3 nodes?".
  // Noted the first time each modal is on top (render is idempotent: a modal already noted is left alone), so a
  // confirm opened over the wizard and closed again leaves the wizard's own toasts where they were.
  if (modal && !SHOWN_BEFORE.has(modal)) SHOWN_BEFORE.set(modal, new Set(all.map((t) => t.id)))
  const before = modal ? SHOWN_BEFORE.get(modal) : undefined
  const toasts = before ? all.filter((t) => !before.has(t.id)) : all
  const short = useSyncExternalStore(subscribeShort, isShort, () => false)
  const [expanded, setExpanded] = useState(false)
  const visible = modal ? VISIBLE_TOASTS_MODAL : short ? VISIBLE_TOASTS_SHORT : VISIBLE_TOASTS
  const hidden = expanded ? 0 : Math.max(0, toasts.length - visible)

  // Portalled into a modal, key events bubble through React's tree, not the modal's: keep Tab inside it here.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!modal) return
    if (e.key === 'Escape') {
      // The modal's own Escape handler listens on its box: hand the key to it.
      e.stopPropagation()
      modal.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
      return
    }
    trapTab(e, modal)
  }

  const stack = (
    <section
      className={`toast-stack ${modal ? 'toast-stack-modal' : 'toast-stack-window'}`}
      aria-label="Notifications"
      aria-live="polite"
      data-testid="toasts"
      onKeyDown={onKeyDown}
    >
      {hidden > 0 && (
        <button type="button" className="btn btn-ghost btn-sm toast-more" onClick={() => setExpanded(true)}>
          Show {hidden} earlier
        </button>
      )}
      {toasts.slice(hidden).map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </section>
  )
  return modal ? createPortal(stack, modal) : stack
}
