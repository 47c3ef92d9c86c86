import type { ProfileNodes } from '../../../../shared/domain/node-state'
import type { ProfileView } from '../../../../shared/domain/profile'
import { Banner } from '../../components/Banner'
import { useNow } from '../../lib/use-now'
import { staleNotice, type StaleNotice } from './stale'

/** One banner per distinct problem: four demo profiles offline together make one banner, not four. */
export function StaleBanners({ states, profiles }: { states: ProfileNodes[]; profiles: Record<string, ProfileView> }) {
  const now = useNow(1000)
  const groups = new Map<string, { notice: StaleNotice; names: string[] }>()
  for (const s of states) {
    const name = profiles[s.profileId]?.name ?? s.profileId
    const n = staleNotice(s, name, now, profiles[s.profileId]?.isDemo ?? false)
    if (!n) continue
    const key = `${n.kind}|${n.body}`
    const g = groups.get(key)
    if (g) g.names.push(name)
    else groups.set(key, { notice: n, names: [name] })
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
