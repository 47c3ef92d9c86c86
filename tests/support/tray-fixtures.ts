// Builders for tray tests and the tray-menu benchmark: profiles, nodes and per-profile state with sane defaults.
import type { NodeStatus, NodeSummary } from '../../shared/domain/node'
import type { PendingKind, ProfileNodes } from '../../shared/domain/node-state'
import type { ProfileView } from '../../shared/domain/profile'
import { DEFAULT_SETTINGS } from '../../shared/domain/settings'
import type { TrayState } from '../../electron/main/tray/tray-menu.model'

export const T0 = Date.parse('2027-01-10T12:00:00Z')
export const minutesAgo = (min: number, now = T0): string => new Date(now - min * 60_000).toISOString()

export function profileView(id: string, over: Partial<ProfileView> = {}): ProfileView {
  return {
    id,
    name: `Project ${id}`,
    projectId: '12345',
    location: 'Delhi',
    apiBaseUrl: 'https://api.e2enetworks.com/myaccount/api/v1',
    color: '#3b82f6',
    initials: id.slice(0, 2).toUpperCase(),
    createdAt: '2026-12-01T00:00:00Z',
    lastUsedAt: null,
    isDemo: false,
    credentials: {
      hasCredentials: true,
      apiKeyHint: '…a1b2',
      tokenExpiresAt: null,
      tokenState: 'ok',
      tokenDaysLeft: null
    },
    ...over
  }
}

export function node(
  id: number,
  name: string,
  status: NodeStatus = 'RUNNING',
  over: Partial<NodeSummary> = {}
): NodeSummary {
  return {
    id,
    name,
    status,
    rawStatus: status.toLowerCase(),
    plan: 'C3.8GB',
    publicIp: `164.52.0.${id % 250}`,
    privateIp: `10.0.0.${id % 250}`,
    isLocked: false,
    isProtected: false,
    isCommitted: false,
    createdAt: '2026-12-01T00:00:00Z',
    location: 'Delhi',
    vcpus: 4,
    memoryGb: 8,
    diskGb: 100,
    ...over
  }
}

export function profileNodes(profileId: string, nodes: NodeSummary[], over: Partial<ProfileNodes> = {}): ProfileNodes {
  return {
    profileId,
    nodes,
    fetchedAt: minutesAgo(0),
    source: 'live',
    refreshing: false,
    error: null,
    pending: {},
    polling: { paused: false, intervalMs: 60_000, nextPollAt: null, requestsLastHour: 0 },
    ...over
  }
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
