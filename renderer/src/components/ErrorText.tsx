// An error where it happened, in plain words (what happened, what to do), with Retry when the call is safe to
// repeat. Main's technical message (a status code, an API path) stays inside a "Technical details" disclosure.
import { CircleAlert } from 'lucide-react'
import type { AppError } from '../lib/ipc'
import { plainError } from '../lib/plain-error'
import './components.css'

export function ErrorText({
  error,
  onRetry,
  compact,
  title,
  demo,
  typedCredentials
}: {
  error: AppError
  onRetry?: () => void
  /** What failed, e.g. "Couldn’t power on web-01": said first, in bold. */
  title?: string
  /** One tight block for beside a control (an action bar, a form row). */
  compact?: boolean
  /** The error came from the demo profile (its credentials are Nodetray's own: no "update the credentials"). */
  demo?: boolean
  /** It answers credentials typed into a form: the advice points at the form, not at Profiles. */
  typedCredentials?: boolean
}) {
  const p = plainError(error, { demo: demo ?? false, typedCredentials: typedCredentials ?? false })
  const canRetry =
    onRetry && (error.retryable || error.code === 'NETWORK' || error.code === 'TIMEOUT' || error.code === 'INTERNAL')
  return (
    <div className={`banner banner-error error-text${compact ? ' error-text-compact' : ''}`} role="alert">
      <CircleAlert className="error-text-icon" size={16} aria-hidden="true" />
      <div className="error-text-words">
        <span>
          {title && <strong className="error-text-title">{title}. </strong>}
          {p.sentence}
          {p.todo && <span className="error-text-todo"> {p.todo}</span>}
        </span>
        {p.technical && (
          <details className="tech-details">
            <summary>Technical details</summary>
            <code>{p.technical}</code>
          </details>
        )}
      </div>
      {canRetry && (
        <button type="button" className="btn btn-sm error-text-retry" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  )
}
