import type { AppErrorData, StaleReason } from './errors'
import type { NodeAction, NodeSummary } from './node'

export type PendingKind = NodeAction | 'delete' | 'create' | 'committed'

export interface PendingAction {
  nodeId: number
  kind: PendingKind
  startedAt: string
}

export interface PollingInfo {
  paused: boolean
  intervalMs: number
  nextPollAt: string | null
  requestsLastHour: number
}

/** One profile's node list as main knows it: live, or the last-known copy with its age and why. */
export interface ProfileNodes {
  profileId: string
  nodes: NodeSummary[]
  /** When `nodes` was fetched; null when never. */
  fetchedAt: string | null
  source: 'live' | 'cache' | 'none'
  refreshing: boolean
  error: (AppErrorData & { reason: StaleReason }) | null
  /** Keyed by node id. */
  pending: Record<string, PendingAction>
  polling: PollingInfo
}
