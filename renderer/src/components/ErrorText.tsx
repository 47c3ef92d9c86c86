// An error where it happened, in plain words, with Retry when the call is safe to repeat.
import type { AppError } from '../lib/ipc'
import { formatDuration } from '../lib/format'

export function ErrorText({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const wait =
    error.code === 'RATE_LIMITED' && error.data.retryAfterMs
      ? ` Try again in ${formatDuration(error.data.retryAfterMs)}.`
      : ''
  return (
    <div className="banner banner-error" role="alert">
      <span>
        {error.message}
        {wait}
        {error.data.hint && <span className="muted"> {error.data.hint}</span>}
      </span>
      {onRetry &&
        (error.retryable || error.code === 'NETWORK' || error.code === 'TIMEOUT' || error.code === 'INTERNAL') && (
          <button type="button" className="btn btn-sm" onClick={onRetry}>
            Retry
          </button>
        )}
    </div>
  )
}
