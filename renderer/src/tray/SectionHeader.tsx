// A profile's header: collapse toggle, initials, name and location, problem badges, the age of what is shown
// and the profile's running cost.
import { ChevronDown, ChevronRight } from 'lucide-react'
import type { CostTotal } from '../../../shared/domain/running-cost'
import { DemoBadge } from '../components/ui/Badge'
import { formatAge, formatCount } from '../lib/format'
import { rateText, totalText } from './cost-text'
import type { SectionRow } from './glance-model'

interface SectionHeaderProps {
  row: SectionRow
  index: number
  /** The profile's estimated running cost. */
  cost: CostTotal | undefined
  now: number
  current: boolean
  onToggle(profileId: string): void
}

function ageLine(row: SectionRow, now: number): string {
  const d = row.data
  if (!d) return 'loading…'
  if (d.refreshing && !d.fetchedAt) return 'loading…'
  const age = d.fetchedAt ? formatAge(d.fetchedAt, now) : 'never loaded'
  return d.refreshing ? `refreshing · ${age}` : age
}

export function SectionHeader({ row, index, cost, now, current, onToggle }: SectionHeaderProps) {
  const { profile } = row
  const count =
    row.shown === row.total ? formatCount(row.total) : `${formatCount(row.shown)} of ${formatCount(row.total)}`
  const location = profile.isDemo ? '' : ` · ${profile.location}`
  // The demo sandbox's credentials are simulated: never send the user to update them.
  const badges = profile.isDemo
    ? row.badges
        .filter((b) => b.kind !== 'token_expiring')
        .map((b) =>
          b.kind === 'token_expired'
            ? {
                ...b,
                label: 'Sandbox error',
                detail:
                  'The demo sandbox’s simulated account stopped accepting requests. Restart Nodetray to start a fresh demo.'
              }
            : b
        )
    : row.badges
  const nodes = `${count} ${row.total === 1 ? 'node' : 'nodes'}`
  const age = ageLine(row, now)
  const priced = cost !== undefined && cost.perHour > 0
  return (
    <div className="glance-section" data-testid="glance-section" data-profile={profile.id}>
      <button
        type="button"
        className="glance-section-main"
        data-row={index}
        tabIndex={current ? 0 : -1}
        aria-expanded={!row.collapsed}
        onClick={() => onToggle(profile.id)}
      >
        {row.collapsed ? <ChevronRight size={14} aria-hidden="true" /> : <ChevronDown size={14} aria-hidden="true" />}
        <span className="glance-avatar" style={{ borderColor: profile.color }} aria-hidden="true">
          {profile.initials}
        </span>
        <span className="glance-section-text">
          {/* The name's tail tells profiles apart ("(Delhi)", "(Chennai)"), so the name has the first line to itself:
              the count and the badges share the line below. The full name is its tooltip. */}
          <span className="glance-section-name" title={`${profile.name}${location}`}>
            {profile.name}
            {location}
          </span>
          <span className="glance-section-line">
            {/* Count, then cost, then age: at 380 px beside one or two badges the line is short, and the age is what
                gives way (the header's "Updated …" says it too); the cost goes without its "≈" (the rows do too,
                the tooltip says estimate). The whole line is the tooltip. */}
            <span
              className="glance-section-meta"
              title={`${nodes}${priced ? ` · ${totalText(cost)} (estimate)` : ''} · ${age}`}
            >
              <span className="glance-count">{nodes}</span>
              {priced && (
                <span
                  className="glance-section-cost"
                  title={`Estimated running cost of this profile: ${totalText(cost)}`}
                >
                  {` · ${rateText(cost)}`}
                </span>
              )}
              <span className="glance-section-age">{` · ${age}`}</span>
            </span>
            {/* On the second line, so the name above has the header's whole width; read out by the sr-only text
                below (with their explanations), so hidden from the accessibility tree here. */}
            {(profile.isDemo || badges.length > 0) && (
              <span className="glance-badges" aria-hidden="true">
                {profile.isDemo && <DemoBadge compact />}
                {badges.map((b) => (
                  <span
                    key={b.kind}
                    className={`glance-badge badge-${b.kind}`}
                    title={b.detail}
                    data-testid="glance-badge"
                  >
                    {b.label}
                  </span>
                ))}
              </span>
            )}
          </span>
        </span>
        {/* The badges' explanations are tooltips for the pointer; keyboard and screen reader users hear them here. */}
        {(profile.isDemo || badges.length > 0) && (
          <span className="sr-only">
            {profile.isDemo ? ', Demo sandbox: simulated nodes, changes are not real.' : ''}
            {badges.length > 0 ? `, ${badges.map((b) => `${b.label}: ${b.detail}`).join(' ')}` : ''}
          </span>
        )}
      </button>
    </div>
  )
}
