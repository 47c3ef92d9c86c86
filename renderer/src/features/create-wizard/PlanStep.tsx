// Step 3: the plan table with filters. Sold-out plans are listed but cannot be chosen.
import type { Plan } from '../../../../shared/domain/catalog'
import { FetchStatus } from './FetchStatus'
import { seriesOf, visiblePlans } from './plan-filter'
import type { FetchState } from '../../lib/use-fetch'
import type { PlanFilters } from './wizard.types'
import { inr, perHour, perMonth } from './wizard-money'

interface Props {
  plans: FetchState<Plan[]>
  onRetry(): void
  filters: PlanFilters
  onFilters(f: PlanFilters): void
  selected: Plan | null
  onSelect(plan: Plan): void
  /** A resumed draft's plan that is no longer offered (its SKU). */
  gone?: string | null
}

export function PlanStep({ plans, onRetry, filters, onFilters, selected, onSelect, gone = null }: Props) {
  if (plans.status !== 'ready') return <FetchStatus state={plans} what="plans" onRetry={onRetry} />
  if (plans.data.length === 0) {
    return (
      <p className="muted">
        No plans are offered for this OS version in this location. Go back and pick another version.
      </p>
    )
  }
  const rows = visiblePlans(plans.data, filters)
  const set = (patch: Partial<PlanFilters>) => onFilters({ ...filters, ...patch })
  return (
    <div className="stack">
      {gone && (
        <div className="banner banner-warn" role="alert" data-testid="cw-plan-gone">
          {gone}, the plan in your draft, is no longer offered here. Choose another plan; your other choices are kept.
        </div>
      )}
      <div className="cw-filters row" role="group" aria-label="Filter plans">
        <label className="field">
          <span className="label">Series</span>
          <select value={filters.series} onChange={(e) => set({ series: e.target.value })}>
            <option value="">All series</option>
            {seriesOf(plans.data).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">Min vCPU</span>
          <input
            type="number"
            min={0}
            inputMode="numeric"
            value={filters.minVcpu}
            onChange={(e) => set({ minVcpu: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="label">Min RAM (GB)</span>
          <input
            type="number"
            min={0}
            inputMode="numeric"
            value={filters.minRamGb}
            onChange={(e) => set({ minRamGb: e.target.value })}
          />
        </label>
        <label className="cw-check">
          <input type="checkbox" checked={filters.gpuOnly} onChange={(e) => set({ gpuOnly: e.target.checked })} />
          GPU plans only
        </label>
      </div>
      <div className="cw-table-wrap">
        <table className="data cw-plans">
          <caption className="sr-only">
            Plans, sorted by price, {filters.sort === 'asc' ? 'cheapest first' : 'dearest first'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col" className="cw-num">
                vCPU
              </th>
              <th scope="col" className="cw-num">
                RAM
              </th>
              <th scope="col" className="cw-num">
                Disk
              </th>
              <th scope="col" className="cw-num" aria-sort={filters.sort === 'asc' ? 'ascending' : 'descending'}>
                {/* The name stays "Price" (it names the column for every cell too): the th's aria-sort and the caption
                    say the order, and the arrow is for the eye only (a screen reader read it out with the name). */}
                <button
                  type="button"
                  className="btn btn-ghost btn-sm cw-sort"
                  onClick={() => set({ sort: filters.sort === 'asc' ? 'desc' : 'asc' })}
                >
                  Price <span aria-hidden="true">{filters.sort === 'asc' ? '▲' : '▼'}</span>
                </button>
              </th>
              <th scope="col">Committed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <PlanRow key={p.slug} plan={p} checked={selected?.slug === p.slug} onSelect={onSelect} />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted cw-pad">No plan matches these filters.</p>}
      </div>
    </div>
  )
}

function PlanRow({ plan, checked, onSelect }: { plan: Plan; checked: boolean; onSelect(plan: Plan): void }) {
  const id = `cw-plan-${plan.slug}`.replace(/[^A-Za-z0-9_-]/g, '_')
  const pick = () => plan.available && onSelect(plan)
  return (
    <tr
      className={`${checked ? 'cw-row-on' : ''}${plan.available ? '' : ' cw-row-off'}`}
      onClick={pick}
      data-testid="cw-plan-row"
    >
      <td>
        <label htmlFor={id} className="cw-sku">
          <input id={id} type="radio" name="cw-plan" checked={checked} disabled={!plan.available} onChange={pick} />
          <span className="mono">{plan.sku}</span>
          {!plan.available && <span className="cw-badge cw-badge-off">Sold out</span>}
          {plan.isGpu && (
            <span className="cw-badge" title={plan.gpu ?? undefined}>
              GPU
            </span>
          )}
        </label>
        <span className="cw-series muted small">
          {plan.series} series{plan.gpu ? ` · ${plan.gpu}` : ''}
        </span>
      </td>
      <td className="cw-num">{plan.vcpus}</td>
      <td className="cw-num">{plan.ramGb} GB</td>
      <td className="cw-num">{plan.requiresDisk ? <span className="muted">you choose</span> : `${plan.diskGb} GB`}</td>
      <td className="cw-num cw-price">
        <strong>{perHour(plan.pricePerHour)}</strong>
        <span className="muted small">{perMonth(plan.pricePerMonth)}</span>
      </td>
      <td>
        {plan.committed.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="cw-committed">
            {plan.committed.map((c) => (
              <li key={c.id}>
                <span className="muted">{c.days} days</span> {inr(c.price)}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  )
}
