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
  /** Set only on a cut snapshot (`firstByName`): how many nodes the full list has. */
  totalNodes?: number
}

/** What a node shows while one of our changes is under way: the window and the tray say the same. */
export const PENDING_LABEL: Record<PendingKind, string> = {
  power_on: 'Powering on…',
  power_off: 'Powering off…',
  reboot: 'Rebooting…',
  lock_vm: 'Locking…',
  unlock_vm: 'Unlocking…',
  enable_accidental_protection: 'Turning protection on…',
  disable_accidental_protection: 'Turning protection off…',
  delete: 'Deleting…',
  create: 'Creating…',
  committed: 'Updating billing…'
}
