// The polling line: data age, polling interval and requests in the last hour. Ticks every second on its own, so
// the list around it does not re-render. Refresh and pause are the toolbar's icon buttons (PollControls).
import type { ProfileNodes } from '../../../../shared/domain/node-state'
import { IconButton } from '../../components/ui/Button'
import { formatAge, formatDuration, formatInterval } from '../../lib/format'
import { useNow } from '../../lib/use-now'

interface PollingBarProps {
  states: ProfileNodes[]
}

export function PollingBar({ states }: PollingBarProps) {
  const now = useNow(1000)
  if (states.length === 0) return null
  // For several profiles, the oldest list is the honest age.
  const fetched = states.map((s) => s.fetchedAt).filter((x): x is string => x !== null)
  const oldest = fetched.length ? fetched.reduce((a, b) => (Date.parse(a) < Date.parse(b) ? a : b)) : null
  const refreshing = states.some((s) => s.refreshing)
  const paused = states.every((s) => s.polling.paused)
  // Profiles poll at their own pace (faster while a node changes): a range, so "Updated 1 min ago" beside
  // "every 5 s" does not read as stuck.
  const intervals = states.map((s) => s.polling.intervalMs)
  const [fastest, slowest] = [Math.min(...intervals), Math.max(...intervals)]
  const requests = states.reduce((sum, s) => sum + s.polling.requestsLastHour, 0)
  // While every profile is backing off (offline, rate limited), the next try is what matters, not the cadence.
  const retries = states.every((s) => s.error !== null)
    ? states.map((s) => s.polling.nextPollAt).filter((x): x is string => x !== null)
    : []
  const nextTry = retries.length ? Math.min(...retries.map((x) => Date.parse(x))) - now : null
  const cadence =
    nextTry !== null && nextTry > 0
      ? `Next try in ${formatDuration(nextTry)}`
      : fastest === slowest
        ? `Polling ${formatInterval(fastest)}`
        : `Polling ${formatInterval(fastest)} to ${formatInterval(slowest).replace(/^every /, '')}`
  return (
    <span className="polling-bar" data-testid="polling-bar">
      <span data-testid="data-age">
        {refreshing ? 'Refreshing…' : oldest ? `Updated ${formatAge(oldest, now)}` : 'Not fetched yet'}
      </span>
      <span aria-hidden="true">·</span>
      <span data-testid="polling-status" className={paused ? 'paused' : undefined}>
        {paused ? 'Polling paused' : cadence}
      </span>
      <span aria-hidden="true">·</span>
      <span>
        {requests} {requests === 1 ? 'request' : 'requests'} in the last hour
      </span>
    </span>
  )
}

interface PollControlsProps {
  states: ProfileNodes[]
  onRefresh(): void
  onTogglePause(paused: boolean): void
}

/** Refresh and pause/resume as icon buttons; their labels are their names and tooltips. */
export function PollControls({ states, onRefresh, onTogglePause }: PollControlsProps) {
  const refreshing = states.some((s) => s.refreshing)
  const paused = states.length > 0 && states.every((s) => s.polling.paused)
  const none = states.length === 0 ? 'No profile to poll yet' : null
  return (
    <>
      <IconButton
        icon="refresh"
        label="Refresh"
        className={refreshing ? 'spinning' : undefined}
        onClick={onRefresh}
        disabledReason={none}
        data-testid="refresh"
      />
      <IconButton
        icon={paused ? 'play' : 'pause'}
        label={paused ? 'Resume polling' : 'Pause polling'}
        onClick={() => onTogglePause(!paused)}
        disabledReason={none}
      />
    </>
  )
}
