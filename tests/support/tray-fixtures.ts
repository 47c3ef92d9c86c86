// Builders for tray tests and the tray-menu benchmark: profiles, nodes and per-profile state with sane defaults.
import type { NodeStatus, NodeSummary } from '../../shared/domain/node'
import type { PendingKind, ProfileNodes } from '../../shared/domain/node-state'
import type { ProfileView } from '../../shared/domain/profile'
import { DEFAULT_SETTINGS } from '../../shared/domain/settings'
import type { TrayState } from '../../electron/main/tray/tray-menu.model'
import { makeNode, makeProfile, makeProfileNodes } from './builders'

export const T0 = Date.parse('2027-01-10T12:00:00Z')
export const minutesAgo = (min: number, now = T0): string => new Date(now - min * 60_000).toISOString()

/** The tray's defaults over the shared builders (builders.ts). */
export function profileView(id: string, over: Partial<ProfileView> = {}): ProfileView {
  const base = makeProfile()
  return makeProfile({
    id,
    name: `Project ${id}`,
    projectId: '12345',
    initials: id.slice(0, 2).toUpperCase(),
    createdAt: '2026-12-01T00:00:00Z',
    credentials: { ...base.credentials, apiKeyHint: '…a1b2' },
    ...over
  })
}

export function node(
  id: number,
  name: string,
  status: NodeStatus = 'RUNNING',
  over: Partial<NodeSummary> = {}
): NodeSummary {
  return makeNode({ id, name, status, rawStatus: status.toLowerCase(), createdAt: '2026-12-01T00:00:00Z', ...over })
}

export function profileNodes(profileId: string, nodes: NodeSummary[], over: Partial<ProfileNodes> = {}): ProfileNodes {
  return makeProfileNodes({
    profileId,
    nodes,
    fetchedAt: minutesAgo(0),
    polling: { paused: false, intervalMs: 60_000, nextPollAt: null, requestsLastHour: 0 },
    ...over
  })
}

export const pendingOf = (nodeId: number, kind: PendingKind) => ({
  [String(nodeId)]: { nodeId, kind, startedAt: minutesAgo(0) }
})

export function trayState(over: Partial<TrayState> = {}): TrayState {
  return { profiles: [], nodes: [], settings: DEFAULT_SETTINGS, paused: false, now: T0, ...over }
}

const MIXED: NodeStatus[] = [
  'RUNNING',
  'RUNNING',
  'RUNNING',
  'OFF',
  'CREATING',
  'FAILED',
  'RUNNING',
  'OFF',
  'SAVING',
  'UNKNOWN'
]

/** `count` nodes with a deterministic mix of states, names `node-001`… */
export function mixedNodes(count: number, firstId = 1): NodeSummary[] {
  return Array.from({ length: count }, (_, i) =>
    node(firstId + i, `node-${String(i + 1).padStart(3, '0')}`, MIXED[i % MIXED.length] ?? 'RUNNING', {
      isLocked: i % 13 === 0,
      isProtected: i % 17 === 0
    })
  )
}
