// Per-status counts as filter chips: "All 12 · Running 8 · Powered off 2 · Failed 1". A chip says how many nodes
// matching the search it would show; statuses with none are left out (unless chosen).
import { NODE_STATUS_ORDER } from './status-order'
import { STATUS_LABEL } from '../../../../shared/domain/node-status'
import type { StatusCounts, StatusFilter } from './list-filter'
import { formatCount } from '../../lib/format'

interface StatusChipsProps {
  counts: StatusCounts
  /** Nodes matching the search, whatever their status. */
  matching: number
  status: StatusFilter
  onChange(status: StatusFilter): void
}

export function StatusChips({ counts, matching, status, onChange }: StatusChipsProps) {
  const shown = NODE_STATUS_ORDER.filter((s) => counts[s] > 0 || s === status)
  return (
    <div className="status-chips" role="group" aria-label="Filter by status" data-testid="status-chips">
      <button
        type="button"
        className="chip"
        aria-pressed={status === 'all'}
        onClick={() => onChange('all')}
        data-status-chip="all"
      >
        All <span className="chip-count">{formatCount(matching)}</span>
      </button>
      {shown.map((s) => (
        <button
          key={s}
          type="button"
          className="chip"
          aria-pressed={status === s}
          // A second click on the chosen chip goes back to all.
          onClick={() => onChange(status === s ? 'all' : s)}
          data-status-chip={s}
        >
          <span className={`chip-dot status-dot-${s}`} aria-hidden="true" />
          {STATUS_LABEL[s]} <span className="chip-count">{formatCount(counts[s])}</span>
        </button>
      ))}
    </div>
  )
}
