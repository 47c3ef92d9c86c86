import type { ProfileNodes } from '../../../../shared/domain/node-state'
import type { ProfileView } from '../../../../shared/domain/profile'
import { Banner } from '../../components/Banner'
import { useNow } from '../../lib/use-now'
import { staleNotice, type StaleNotice } from './stale'

/** One banner per distinct problem: four demo profiles offline together make one banner, not four, even when their
 * lists were fetched a minute apart. */
export function StaleBanners({ states, profiles }: { states: ProfileNodes[]; profiles: Record<string, ProfileView> }) {
  const now = useNow(1000)
  const groups = new Map<string, { notice: StaleNotice; names: string[]; fetched: number }>()
  for (const s of states) {
    const name = profiles[s.profileId]?.name ?? s.profileId
    const n = staleNotice(s, name, now, profiles[s.profileId]?.isDemo ?? false)
    if (!n) continue
    // Never fetched counts as oldest.
    const fetched = s.fetchedAt ? Date.parse(s.fetchedAt) : -Infinity
    const g = groups.get(n.problem)
    if (!g) groups.set(n.problem, { notice: n, names: [name], fetched })
    else {
      g.names.push(name)
      // Lists that differ only in age share a banner, which gives the oldest age: the honest one.
      if (fetched < g.fetched) Object.assign(g, { notice: n, fetched })
    }
  }
  if (groups.size === 0) return null
  return (
    <div className="stack" data-testid="stale-banners">
      {[...groups.entries()].map(([key, g]) => (
        <Banner key={key} kind={g.notice.kind} testId="stale-banner">
          {g.names.length === 1
            ? g.notice.text
            : `${g.names.length === states.length ? `All ${g.names.length} profiles` : g.names.join(', ')}: ${g.notice.body}`}
        </Banner>
      ))}
    </div>
  )
}
