// Creates whose outcome is not known yet. After an ambiguous failure of POST nodes/ (timeout, dropped connection,
// 5xx, 429, cancel) E2E may have made the node, or may still be making it. Only a list that succeeded and was
// fetched after the settle window can tell: it shows the name (created) or not (not created, Retry allowed). A
// failed list concludes nothing. Open creates are written to disk before the POST goes out, so a restart or a
// kill resumes them as "checking". The rule and its numbers: docs/create-guarantees.md.
import type { NodeSummary } from '../../../shared/domain/node'
import type { PendingCreate, PendingCreateRecord } from '../../../shared/domain/node-state'

/**
 * How long after an ambiguous failure a list can prove a node absent. E2E applies a create before it answers (the
 * reply already carries the Creating node) and has been seen to take 24 s; a POST that reached E2E just before the
 * failure is listed within that time. A minute leaves 2.5x the slowest create seen, and is the usual gateway cut
 * (a 504 after 60 s while the backend finishes).
 */
export const SETTLE_WINDOW_MS = 60_000
/** Settled creates stay in the view this long, so a window that comes back can still tell what happened. */
export const SETTLED_SHOWN_MS = 10 * 60_000

export interface TrackedCreate {
  record: PendingCreateRecord
  phase: PendingCreate['state']
  /** The nodes that proved it created. */
  found: NodeSummary[]
  settledAt: number | null
}

export function expectedNames(name: string, count: number): string[] {
  return count > 1 ? Array.from({ length: count }, (_, i) => `${name}-${i + 1}`) : [name]
}

/**
 * A create read back from disk. If its POST had failed, the window runs from that failure as before; if the app
 * stopped while the POST was in flight, E2E may have answered as late as the POST's deadline.
 */
export function resumed(record: PendingCreateRecord, postTimeoutMs: number): TrackedCreate {
  const checkAfter = record.checkAfter ?? record.postedAt + postTimeoutMs + SETTLE_WINDOW_MS
  return { record: { ...record, checkAfter }, phase: 'checking', found: [], settledAt: null }
}

export function isOpen(t: Readonly<TrackedCreate>): boolean {
  return t.phase === 'sending' || t.phase === 'checking'
}

/** Nodes in `nodes` that this create made: a requested name on a node that was not there before. */
export function madeBy(t: TrackedCreate, nodes: readonly NodeSummary[]): NodeSummary[] {
  const names = new Set(t.record.names)
  const before = new Set(t.record.existingIds)
  return nodes.filter((n) => names.has(n.name) && !before.has(n.id))
}

/**
 * Settles every checking create that a list fetched at `fetchStartedAt` can decide. Returns the ones it settled;
 * settled ones older than SETTLED_SHOWN_MS are dropped.
 */
export function settleCreates(
  creates: Map<string, TrackedCreate>,
  nodes: readonly NodeSummary[],
  fetchStartedAt: number,
  now: number
): TrackedCreate[] {
  const settled: TrackedCreate[] = []
  for (const [id, t] of creates) {
    if (t.settledAt !== null && now - t.settledAt > SETTLED_SHOWN_MS) {
      creates.delete(id)
      continue
    }
    const due = t.record.checkAfter
    if (t.phase !== 'checking' || due === null || fetchStartedAt < due) continue
    t.found = madeBy(t, nodes)
    t.phase = t.found.length ? 'created' : 'not_created'
    t.settledAt = now
    settled.push(t)
  }
  return settled
}

export function openRecords(creates: Map<string, TrackedCreate>): PendingCreateRecord[] {
  return [...creates.values()].filter(isOpen).map((t) => t.record)
}

/** Names an open create may still give a node: a new create must not take them. */
export function namesInFlight(
  creates: ReadonlyMap<string, Readonly<TrackedCreate>>,
  exceptRequestId?: string
): Map<string, Readonly<TrackedCreate>> {
  const out = new Map<string, Readonly<TrackedCreate>>()
  for (const t of creates.values()) {
    if (!isOpen(t) || t.record.requestId === exceptRequestId) continue
    for (const n of t.record.names) out.set(n, t)
  }
  return out
}

export function createsView(creates: Map<string, TrackedCreate>): PendingCreate[] {
  return [...creates.values()].map((t) => ({
    requestId: t.record.requestId,
    names: t.record.names,
    state: t.phase,
    checkAfter: t.record.checkAfter === null ? null : new Date(t.record.checkAfter).toISOString()
  }))
}
