import type { AppErrorData, StaleReason } from './errors'
import type { NodeAction, NodeSummary } from './node'
import { onePerScope, type Profile } from './profile'

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
  /** Creates sent from this app whose outcome is not known yet, or was settled in the last few minutes. */
  creates?: PendingCreate[]
  /**
   * Which of main's states of this profile this is: every `nodes:changed` carries a higher one than the last, and a
   * snapshot carries that of the last event sent. A snapshot's reply can arrive after events sent later (the preview
   * answers calls and streams events on different connections), so a window keeps a state with a higher `rev`.
   */
  rev?: number
}

/**
 * One create as the window and the tray see it. 'sending': the POST is in flight. 'checking': it failed in a way
 * that does not tell whether E2E made the node; only a list fetched after `checkAfter` can say. Then 'created' or
 * 'not_created' (Retry allowed).
 */
export interface PendingCreate {
  requestId: string
  /** The names E2E gives the new nodes (`name`, or `name-1 … name-N`). */
  names: string[]
  state: 'sending' | 'checking' | 'created' | 'not_created'
  /** ISO; null while sending. */
  checkAfter: string | null
}

/** What main keeps on disk, beside the last-known list, for a create until its outcome is known. */
export interface PendingCreateRecord {
  requestId: string
  names: string[]
  /** Every node listed before the POST: none of them is this create's, whatever its name. */
  existingIds: number[]
  /** Epoch ms when the POST was sent. */
  postedAt: number
  /** Epoch ms; null while the POST is in flight. */
  checkAfter: number | null
}

/** "Checking whether E2E created web-01… 45 s left": the window and the tray say the same. */
export function checkingText(names: readonly string[], checkAfterIso: string | null, now: number): string {
  const what = names.length === 1 ? (names[0] ?? 'it') : names.length > 1 ? `${names[0] ?? ''} …` : 'it'
  const head = `Checking whether E2E created ${what}…`
  if (checkAfterIso === null) return head
  const leftSec = Math.ceil((Date.parse(checkAfterIso) - now) / 1000)
  if (leftSec <= 0) return `${head} waiting for E2E's node list`
  const left = leftSec >= 60 ? `${Math.floor(leftSec / 60)} min ${leftSec % 60} s` : `${leftSec} s`
  return `${head} ${left} left`
}

/** An open create in one line ("web-01 · Creating…", or the checking countdown); null once its outcome is known. */
export function openCreateText(c: PendingCreate, now: number): string | null {
  if (c.state === 'sending') return `${c.names.join(', ')} · Creating…`
  if (c.state === 'checking') return checkingText(c.names, c.checkAfter, now)
  return null
}

/** Node names in a sentence: "web-01", "web-1 and web-2", "web-1, web-2 and web-3". Main's messages and the wizard's
 * say them the same way. */
export function describeNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'the node'
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`
}

/** A create E2E did not make, in one line: the window's banner and the tray's line say the same. */
export function notCreatedText(names: readonly string[]): string {
  const what = names.length === 1 ? (names[0] ?? 'the node') : `${names.length} nodes (${names[0] ?? ''} …)`
  return `E2E did not create ${what}`
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

/** The profiles a total adds up: one per project scope (two profiles of one project list the same nodes), the one
 * that has its list when the first has none yet. */
export function profilesToTotal<P extends Pick<Profile, 'id' | 'projectId' | 'location' | 'apiBaseUrl'>>(
  profiles: readonly P[],
  byProfile: Readonly<Record<string, ProfileNodes | undefined>>
): P[] {
  return onePerScope(profiles, (p) => byProfile[p.id]?.fetchedAt != null)
}
