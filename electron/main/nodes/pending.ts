// When an action we sent counts as done: the list shows the state it asked for. Until then the node is marked
// pending and its profile polls fast.
import type { NodeSummary } from '../../../shared/domain/node'
import type { PendingAction, PendingKind } from '../../../shared/domain/node-state'

export const PENDING_TIMEOUT_MS = 10 * 60_000

/** Kinds E2E applies before it answers: once accepted they do not make the node busy for the next action. */
export const INSTANT_KINDS: ReadonlySet<PendingKind> = new Set<PendingKind>([
  'lock_vm',
  'unlock_vm',
  'enable_accidental_protection',
  'disable_accidental_protection',
  'committed'
])

/** A node is busy while a call is in flight, or while a slow change (power, delete, create) has not shown up. */
export function blocksNextAction(entry: PendingEntry): boolean {
  return entry.settleAfterMs === Infinity || !INSTANT_KINDS.has(entry.action.kind)
}

/** Our bookkeeping beside the PendingAction the renderer sees. */
export interface PendingEntry {
  action: PendingAction
  startedAtMs: number
  /** Only lists fetched after the API accepted the call may settle it; Infinity while the call is in flight. */
  settleAfterMs: number
}

/** Whether `node` (undefined: absent from the list) shows that `kind` has taken effect. */
export function isSettled(kind: PendingKind, node: NodeSummary | undefined): boolean {
  if (kind === 'delete') return node === undefined
  if (node === undefined) return true // gone for another reason: nothing left to wait for
  if (node.status === 'FAILED') return true
  switch (kind) {
    case 'power_on':
      return node.status === 'RUNNING'
    case 'reboot':
      // A reboot never shows OFF on its own (no such status is known); OFF means someone powered the node off
      // meanwhile (another profile, the web console), and waiting on would block the node for ten minutes.
      return node.status === 'RUNNING' || node.status === 'OFF'
    case 'power_off':
      return node.status === 'OFF'
    // E2E applies flag changes before it answers, so any list fetched after that shows the outcome; if it shows
    // the opposite, someone changed it back, and there is nothing left to wait for either way.
    case 'lock_vm':
    case 'unlock_vm':
    case 'enable_accidental_protection':
    case 'disable_accidental_protection':
      return true
    case 'create':
      return node.status !== 'CREATING' && node.status !== 'UNKNOWN'
    case 'committed':
      return true
  }
}

/** Entries still pending after a list fetched at `fetchStartedAt`; expired ones are dropped too. */
export function settlePending(
  pending: Map<number, PendingEntry>,
  nodes: NodeSummary[] | null,
  fetchStartedAt: number,
  now: number
): { kept: Map<number, PendingEntry>; settled: PendingEntry[] } {
  const byId = nodes ? new Map(nodes.map((n) => [n.id, n])) : null
  const kept = new Map<number, PendingEntry>()
  const settled: PendingEntry[] = []
  for (const [id, entry] of pending) {
    const expired = now - entry.startedAtMs >= PENDING_TIMEOUT_MS
    const done = byId !== null && fetchStartedAt >= entry.settleAfterMs && isSettled(entry.action.kind, byId.get(id))
    if (expired || done) settled.push(entry)
    else kept.set(id, entry)
  }
  return { kept, settled }
}

export function pendingRecord(pending: Map<number, PendingEntry>): Record<string, PendingAction> {
  const out: Record<string, PendingAction> = {}
  for (const [id, e] of pending) out[String(id)] = e.action
  return out
}
