// The popover's content as plain data: counts for the header, then one flat list of section headers and node
// rows (the list is virtualised, so it wants one array). Pure, so the filter, order and badges are tested
// without React. Sorting and the search keys are cached per node list: a keystroke only filters.
import type { NodeSummary } from '../../../shared/domain/node'
import {
  profilesToTotal,
  type PendingAction,
  type PendingCreate,
  type ProfileNodes
} from '../../../shared/domain/node-state'
import { isTransitional } from '../../../shared/domain/node-status'
import type { ProfileView } from '../../../shared/domain/profile'

export interface StatusCounts {
  running: number
  changing: number
  off: number
  failed: number
}

export type BadgeKind =
  'offline' | 'rate_limited' | 'token_expired' | 'token_expiring' | 'keychain_locked' | 'error' | 'last_known'

export interface Badge {
  kind: BadgeKind
  label: string
  /** The longer reason, for the tooltip and screen readers. */
  detail: string
}

export interface SectionRow {
  kind: 'section'
  key: string
  profile: ProfileView
  data: ProfileNodes | undefined
  badges: Badge[]
  /** Nodes in the profile, and how many match the search. */
  total: number
  shown: number
  collapsed: boolean
}

export interface NodeRowData {
  kind: 'node'
  key: string
  profile: ProfileView
  node: NodeSummary
  pending: PendingAction | undefined
}

export interface NoteRow {
  kind: 'note'
  key: string
  text: string
}

/** A create of this profile with no node row yet: sending, checking, or not made (until main drops it). */
export interface CreateRow {
  kind: 'create'
  key: string
  create: PendingCreate
}

export type GlanceRow = SectionRow | NodeRowData | NoteRow | CreateRow

export interface GlanceInput {
  profiles: ProfileView[]
  byProfile: Record<string, ProfileNodes>
  query: string
  collapsed: ReadonlySet<string>
}

interface Prepared {
  sorted: NodeSummary[]
  /** Lower-cased "name ip private-ip", same order as `sorted`. */
  keys: string[]
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
const prepared = new WeakMap<ProfileNodes, Prepared>()

/** Attention first: our changes under way, nodes mid-change, failed ones, running, then the rest; by name within. */
export function rank(n: NodeSummary, pending: PendingAction | undefined): number {
  if (pending) return 0
  if (isTransitional(n.status)) return 1
  if (n.status === 'FAILED') return 2
  if (n.status === 'RUNNING') return 3
  return 4
}

function prepare(data: ProfileNodes): Prepared {
  let p = prepared.get(data)
  if (p) return p
  const ranked = data.nodes.map((n) => ({ n, r: rank(n, data.pending[String(n.id)]) }))
  ranked.sort((a, b) => a.r - b.r || collator.compare(a.n.name, b.n.name) || a.n.id - b.n.id)
  const sorted = ranked.map((x) => x.n)
  p = {
    sorted,
    keys: sorted.map((n) => `${n.name}\u0000${n.publicIp ?? ''}\u0000${n.privateIp ?? ''}`.toLowerCase())
  }
  prepared.set(data, p)
  return p
}

export function badgesFor(profile: ProfileView, data: ProfileNodes | undefined): Badge[] {
  const out: Badge[] = []
  const err = data?.error ?? null
  if (err?.code === 'KEYCHAIN_UNAVAILABLE')
    out.push({ kind: 'keychain_locked', label: 'Keychain locked', detail: err.message })
  else if (err?.reason === 'auth' || profile.credentials.tokenState === 'expired')
    out.push({
      kind: 'token_expired',
      label: 'Token expired',
      detail: err?.message ?? 'The auth token has expired. Update the credentials under Profiles.'
    })
  else if (err?.reason === 'offline' || err?.reason === 'timeout')
    out.push({ kind: 'offline', label: 'Offline', detail: err.message })
  else if (err?.reason === 'rate_limited')
    out.push({ kind: 'rate_limited', label: 'Rate limited', detail: err.message })
  else if (err) out.push({ kind: 'error', label: 'Refresh failed', detail: err.message })
  else if (data?.source === 'cache')
    out.push({ kind: 'last_known', label: 'Last known', detail: 'Showing the last-known list until the next refresh.' })
  const { tokenState, tokenDaysLeft } = profile.credentials
  if (tokenState === 'expiring' && !out.some((b) => b.kind === 'token_expired'))
    out.push({
      kind: 'token_expiring',
      label: tokenDaysLeft === null ? 'Token expiring' : `Token: ${tokenDaysLeft} d left`,
      detail: 'The auth token expires soon. Update the credentials under Profiles before it does.'
    })
  return out
}

/** The header's counts: each node once, also when two profiles list one project's nodes. */
export function countStatuses(profiles: ProfileView[], byProfile: Record<string, ProfileNodes>): StatusCounts {
  const c: StatusCounts = { running: 0, changing: 0, off: 0, failed: 0 }
  for (const p of profilesToTotal(profiles, byProfile)) {
    const data = byProfile[p.id]
    if (!data) continue
    for (const n of data.nodes) {
      if (data.pending[String(n.id)] || isTransitional(n.status)) c.changing++
      else if (n.status === 'RUNNING') c.running++
      else if (n.status === 'FAILED') c.failed++
      else c.off++
    }
  }
  return c
}

/** What the header says about freshness: "refreshing" while any profile is, else the oldest list's time. */
export function freshness(
  profiles: ProfileView[],
  byProfile: Record<string, ProfileNodes>
): { refreshing: boolean; oldest: string | null } {
  let refreshing = false
  let oldest: string | null = null
  for (const p of profiles) {
    const d = byProfile[p.id]
    if (!d) continue
    refreshing ||= d.refreshing
    if (d.fetchedAt && (oldest === null || d.fetchedAt < oldest)) oldest = d.fetchedAt
  }
  return { refreshing, oldest }
}

export function buildRows({ profiles, byProfile, query, collapsed }: GlanceInput): GlanceRow[] {
  const q = query.trim().toLowerCase()
  const rows: GlanceRow[] = []
  for (const profile of profiles) {
    const data = byProfile[profile.id]
    const p = data ? prepare(data) : { sorted: [], keys: [] }
    const matched: NodeSummary[] = []
    if (q) {
      for (let i = 0; i < p.keys.length; i++) if ((p.keys[i] as string).includes(q)) matched.push(p.sorted[i]!)
    }
    const list = q ? matched : p.sorted
    // While searching, a profile with no match is left out, and every matching profile is open.
    if (q && list.length === 0) continue
    const isCollapsed = !q && collapsed.has(profile.id)
    rows.push({
      kind: 'section',
      key: `s:${profile.id}`,
      profile,
      data,
      badges: badgesFor(profile, data),
      total: p.sorted.length,
      shown: list.length,
      collapsed: isCollapsed
    })
    if (isCollapsed) continue
    // Not while searching: they are not nodes, and a search looks for nodes.
    if (!q)
      for (const create of data?.creates ?? [])
        if (create.state !== 'created')
          rows.push({ kind: 'create', key: `c:${profile.id}:${create.requestId}`, create })
    if (!data) rows.push({ kind: 'note', key: `e:${profile.id}`, text: 'Loading…' })
    else if (list.length === 0)
      rows.push({ kind: 'note', key: `e:${profile.id}`, text: data.fetchedAt ? 'No nodes' : 'Not loaded yet' })
    for (const node of list)
      rows.push({
        kind: 'node',
        key: `n:${profile.id}:${node.id}`,
        profile,
        node,
        pending: data?.pending[String(node.id)]
      })
  }
  if (q && rows.length === 0) rows.push({ kind: 'note', key: 'nomatch', text: `No node matches “${query.trim()}”` })
  return rows
}
