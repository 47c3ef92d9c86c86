// Data age, polling interval, requests in the last hour, and pause/resume. Ticks every second on its own.
import type { ProfileNodes } from '../../../../shared/domain/node-state'
import { formatAge, formatDuration, formatInterval } from '../../lib/format'
import { useNow } from '../../lib/use-now'

interface PollingBarProps {
  states: ProfileNodes[]
  onRefresh(): void
  onTogglePause(paused: boolean): void
}

export function PollingBar({ states, onRefresh, onTogglePause }: PollingBarProps) {
  const now = useNow(1000)
  if (states.length === 0) return null
  // For several profiles, the oldest list is the honest age.
  const fetched = states.map((s) => s.fetchedAt).filter((x): x is string => x !== null)
  const oldest = fetched.length ? fetched.reduce((a, b) => (Date.parse(a) < Date.parse(b) ? a : b)) : null
  const refreshing = states.some((s) => s.refreshing)
  const paused = states.every((s) => s.polling.paused)
  const interval = Math.min(...states.map((s) => s.polling.intervalMs))
  const requests = states.reduce((sum, s) => sum + s.polling.requestsLastHour, 0)
  // While every profile is backing off (offline, rate limited), the next try is what matters, not the cadence.
  const retries = states.every((s) => s.error !== null)
    ? states.map((s) => s.polling.nextPollAt).filter((x): x is string => x !== null)
    : []
  const nextTry = retries.length ? Math.min(...retries.map((x) => Date.parse(x))) - now : null
  const cadence =
    nextTry !== null && nextTry > 0 ? `Next try in ${formatDuration(nextTry)}` : `Polling ${formatInterval(interval)}`
  return (
    <div className="polling-bar row" data-testid="polling-bar">
      <span data-testid="data-age">
        {refreshing ? 'Refreshing…' : oldest ? `Updated ${formatAge(oldest, now)}` : 'Not fetched yet'}
      </span>
      <span aria-hidden="true">·</span>
      <span data-testid="polling-status">{paused ? 'Polling paused' : cadence}</span>
      <span aria-hidden="true">·</span>
      <span>
        {requests} {requests === 1 ? 'request' : 'requests'} in the last hour
      </span>
      <span className="spacer" />
      <button type="button" className="btn btn-sm" onClick={() => onTogglePause(!paused)} aria-pressed={paused}>
        {paused ? 'Resume polling' : 'Pause polling'}
      </button>
      <button type="button" className="btn btn-sm" onClick={onRefresh} disabled={refreshing}>
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
    </div>
  )
}
