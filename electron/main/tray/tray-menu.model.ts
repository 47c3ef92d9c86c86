// The tray menu as plain data: state in, model out, no Electron and no closures. Ids are stable across
// rebuilds (`node:<profile>:<id>:delete`) so a click on an old menu still finds its item, as in Signal's
// SystemTrayService; the whole menu is rebuilt each time, as Podman's tray-menu does.
import type { NodeSummary } from '../../../shared/domain/node'
import { isTransitional } from '../../../shared/domain/node-status'
import type { PendingAction, ProfileNodes } from '../../../shared/domain/node-state'
import type { ProfileView } from '../../../shared/domain/profile'
import type { Settings } from '../../../shared/domain/settings'
import type { TrayIconState, TrayItem, TrayMenuModel } from '../../../shared/domain/tray'
import { nodeItem } from './tray-node-items'
import { createText, freshnessText, summaryText, type StatusCounts } from './tray-text'

export interface TrayState {
  profiles: ProfileView[]
  nodes: ProfileNodes[]
  settings: Settings
  paused: boolean
  now: number
  /** True until the first profile list arrived: say "Loading…" rather than "No profiles yet". */
  loading?: boolean
  /** The popover window exists: the menu offers to open it. */
  glance?: boolean
}

/** More nodes than this in one profile and the menu becomes a wall; the rest are one click away in the window. */
export const MAX_NODES_PER_PROFILE = 25

const NETWORK_REASONS = new Set(['offline', 'timeout'])

const separator = (id: string): TrayItem => ({ id, label: '', type: 'separator', enabled: false })
const info = (id: string, label: string, sublabel?: string): TrayItem => ({
  id,
  label,
  type: 'normal',
  enabled: false,
  ...(sublabel ? { sublabel } : {})
})

export function buildTrayMenu(state: TrayState): TrayMenuModel {
  const byProfile = new Map(state.nodes.map((p) => [p.profileId, p]))
  const counts = countStatuses(state.profiles, byProfile)
  const summary = summaryText(counts)
  const icon = iconState(state.profiles, byProfile)
  const hasProfiles = state.profiles.length > 0

  const items: TrayItem[] = []
  if (state.loading) items.push(info('status:loading', 'Loading…'))
  else if (!hasProfiles)
    items.push({
      id: 'profiles:none',
      label: 'No profiles yet — open Nodetray to add one',
      type: 'normal',
      enabled: true,
      action: { kind: 'window.open' }
    })
  else items.push(info('summary', summary, state.paused ? 'Polling paused' : undefined))

  for (const profile of state.profiles) items.push(...profileSection(profile, byProfile.get(profile.id), state.now))

  items.push(
    separator('app:sep'),
    {
      id: 'app:refresh',
      label: 'Refresh now',
      type: 'normal',
      enabled: hasProfiles,
      action: { kind: 'poll.refreshAll' }
    },
    {
      id: 'app:pause',
      label: state.paused ? 'Resume polling' : 'Pause polling',
      type: 'normal',
      enabled: hasProfiles,
      action: { kind: 'poll.togglePause' }
    },
    separator('window:sep'),
    ...(state.glance
      ? [
          {
            id: 'window:glance',
            label: 'Open Nodetray glance',
            type: 'normal' as const,
            enabled: true,
            action: { kind: 'glance.open' as const }
          }
        ]
      : []),
    { id: 'window:open', label: 'Open Nodetray', type: 'normal', enabled: true, action: { kind: 'window.open' } },
    {
      id: 'window:create',
      label: 'Create node…',
      type: 'normal',
      enabled: hasProfiles,
      action: { kind: 'window.create' }
    },
    { id: 'app:settings', label: 'Settings…', type: 'normal', enabled: true, action: { kind: 'settings.open' } },
    { id: 'app:quit', label: 'Quit Nodetray', type: 'normal', enabled: true, action: { kind: 'app.quit' } }
  )

  return {
    icon,
    title: hasProfiles ? glanceTitle(counts, icon) : '',
    tooltip: tooltipText(hasProfiles ? summary : 'No profiles yet', icon, state.paused),
    items
  }
}

function profileSection(profile: ProfileView, data: ProfileNodes | undefined, now: number): TrayItem[] {
  const base = `profile:${profile.id}`
  // Demo profile names already say "Demo" and carry their location.
  const name = profile.isDemo
    ? `${profile.initials}  ${profile.name}`
    : `${profile.initials}  ${profile.name} · ${profile.location}`
  const out: TrayItem[] = [
    separator(`${base}:sep`),
    info(base, name),
    info(`${base}:freshness`, freshnessText(data, now))
  ]
  if (data?.error) out.push(info(`${base}:error`, data.error.message))
  // Keyed by request, so the line keeps its id while its countdown changes.
  for (const c of data?.creates ?? []) {
    const text = createText(c, now)
    if (text) out.push(info(`${base}:create:${c.requestId}`, text))
  }
  if (data && data.nodes.length === 0 && data.fetchedAt) out.push(info(`${base}:empty`, 'No nodes'))
  if (!data) return out

  const shown =
    data.nodes.length > MAX_NODES_PER_PROFILE
      ? byRelevance(data.nodes, data.pending, MAX_NODES_PER_PROFILE)
      : byName(data.nodes)
  for (const node of shown) out.push(nodeItem(profile.id, node, data.pending[String(node.id)]))
  const hidden = data.nodes.length - shown.length
  if (hidden > 0)
    out.push({
      id: `${base}:more`,
      label: `${hidden} more…`,
      type: 'normal',
      enabled: true,
      action: { kind: 'window.openProfile', profileId: profile.id }
    })
  return out
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
const compareNames = (a: NodeSummary, b: NodeSummary): number => collator.compare(a.name, b.name) || a.id - b.id

function byName(nodes: NodeSummary[]): NodeSummary[] {
  return [...nodes].sort(compareNames)
}

/**
 * The `limit` nodes that need attention first: pending actions, nodes mid-change, failed ones, then running, then
 * the rest, by name within each group. Buckets first and sorts only the groups it takes from, so a profile of
 * 500 steady nodes does not pay for a full sort on every rebuild.
 */
export function byRelevance(
  nodes: NodeSummary[],
  pending: Record<string, PendingAction>,
  limit = nodes.length
): NodeSummary[] {
  const buckets: NodeSummary[][] = [[], [], [], [], []]
  for (const n of nodes) buckets[relevanceRank(n, pending)]!.push(n)
  const out: NodeSummary[] = []
  for (const bucket of buckets) {
    if (out.length >= limit) break
    out.push(...bucket.sort(compareNames).slice(0, limit - out.length))
  }
  return out
}

function relevanceRank(n: NodeSummary, pending: Record<string, PendingAction>): number {
  if (pending[String(n.id)]) return 0
  if (isTransitional(n.status)) return 1
  if (n.status === 'FAILED') return 2
  if (n.status === 'RUNNING') return 3
  return 4
}

function countStatuses(profiles: ProfileView[], byProfile: Map<string, ProfileNodes>): StatusCounts {
  const c: StatusCounts = { running: 0, changing: 0, off: 0, failed: 0, unknown: 0 }
  for (const profile of profiles) {
    const data = byProfile.get(profile.id)
    if (!data) continue
    for (const n of data.nodes) {
      if (data.pending[String(n.id)] || isTransitional(n.status)) c.changing++
      else if (n.status === 'RUNNING') c.running++
      else if (n.status === 'OFF') c.off++
      else if (n.status === 'FAILED') c.failed++
      else c.unknown++
    }
  }
  return c
}

function iconState(profiles: ProfileView[], byProfile: Map<string, ProfileNodes>): TrayIconState {
  const live = profiles.map((p) => byProfile.get(p.id)).filter((d): d is ProfileNodes => d !== undefined)
  const anyFailed = live.some((d) => d.nodes.some((n) => n.status === 'FAILED'))
  const anyBroken = live.some((d) => d.error?.reason === 'auth' || d.error?.reason === 'server')
  if (anyFailed || anyBroken) return 'error'
  if (live.length > 0 && live.every((d) => d.error !== null && NETWORK_REASONS.has(d.error.reason))) return 'offline'
  const anyChanging = live.some(
    (d) => Object.keys(d.pending).length > 0 || d.nodes.some((n) => isTransitional(n.status))
  )
  return anyChanging ? 'changing' : 'ok'
}

/** The words beside the macOS icon: only what needs a look (failed, changing, offline); nothing when all is well. */
export function glanceTitle(c: StatusCounts, icon: TrayIconState): string {
  const parts: string[] = []
  if (c.failed) parts.push(`${c.failed} failed`)
  if (c.changing) parts.push(`${c.changing} changing`)
  if (icon === 'offline') parts.push('offline')
  return parts.join(' · ')
}

function tooltipText(summary: string, icon: TrayIconState, paused: boolean): string {
  const notes = [
    icon === 'offline' ? 'offline' : icon === 'error' ? 'needs attention' : null,
    paused ? 'polling paused' : null
  ]
  return ['Nodetray', summary, ...notes.filter((n): n is string => n !== null)].join(' · ')
}
