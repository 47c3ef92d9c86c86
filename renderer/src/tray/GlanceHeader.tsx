// The top of the popover: counts per state, how fresh the data is, and the estimated running cost in total.
import { Server } from 'lucide-react'
import type { CostTotal } from '../../../shared/domain/running-cost'
import { formatAge, formatCount } from '../lib/format'
import { totalText } from './cost-text'
import type { StatusCounts } from './glance-model'

interface GlanceHeaderProps {
  counts: StatusCounts
  refreshing: boolean
  oldest: string | null
  total: CostTotal
  now: number
  loaded: boolean
}

const STATES: { key: keyof StatusCounts; label: string }[] = [
  { key: 'running', label: 'running' },
  { key: 'changing', label: 'changing' },
  { key: 'off', label: 'off' },
  { key: 'failed', label: 'failed' }
]

export function GlanceHeader({ counts, refreshing, oldest, total, now, loaded }: GlanceHeaderProps) {
  const age = !loaded ? 'Loading…' : refreshing ? 'Refreshing…' : oldest ? `Updated ${formatAge(oldest, now)}` : ''
  return (
    <header className="glance-header">
      <div className="glance-title-row">
        <h1 className="glance-title">
          <span className="brand-mark" aria-hidden="true">
            <Server size={11} strokeWidth={2.5} />
          </span>
          Nodetray
        </h1>
        <span className="glance-age" role="status" data-testid="glance-age">
          {age}
        </span>
      </div>
      <ul className="glance-counts" aria-label="Nodes by state" data-testid="glance-counts">
        {STATES.map((s) => (
          <li key={s.key} className={`glance-count-chip chip-${s.key}${counts[s.key] === 0 ? ' is-zero' : ''}`}>
            <span className={`glance-dot dot-${s.key}`} aria-hidden="true" />
            <strong>{formatCount(counts[s.key])}</strong> {s.label}
          </li>
        ))}
      </ul>
      {total.perHour > 0 && (
        <p
          className="glance-total"
          data-testid="glance-total"
          title="Hourly prices from the catalog; committed terms spread over their hours"
        >
          {totalText(total)} <span className="glance-estimate">estimate</span>
          {total.unknown > 0 && (
            <span className="glance-estimate"> · {formatCount(total.unknown)} without a price</span>
          )}
        </p>
      )}
    </header>
  )
}
