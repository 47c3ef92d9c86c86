import { useEffect } from 'react'
import { useToastStore, type Toast } from '../stores/notifications.store'

const TOAST_MS = 6000

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToastStore((s) => s.dismiss)
  useEffect(() => {
    // Errors stay until dismissed: they may need reading.
    if (toast.kind === 'error') return undefined
    const t = setTimeout(() => dismiss(toast.id), TOAST_MS)
    return () => clearTimeout(t)
  }, [toast, dismiss])
  return (
    <div className={`toast toast-${toast.kind}`} data-testid="toast">
      <div className="stack" style={{ gap: 2 }}>
        <strong>{toast.title}</strong>
        {toast.body && <span>{toast.body}</span>}
      </div>
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        aria-label={`Dismiss: ${toast.title}`}
        onClick={() => dismiss(toast.id)}
      >
        ×
      </button>
    </div>
  )
}

export function Toasts() {
  const toasts = useToastStore((s) => s.toasts)
  return (
    <section className="toasts" aria-label="Notifications" aria-live="polite">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </section>
  )
}
