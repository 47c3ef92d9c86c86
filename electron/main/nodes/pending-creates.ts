// Creates whose outcome is not known yet. After an ambiguous failure of POST nodes/ (timeout, dropped connection,
// 5xx, 429, cancel) E2E may have made the node, or may still be making it. Only a list that succeeded and was
// fetched after the settle window can tell: it shows the name (created) or not (not created, Retry allowed). A
// failed list concludes nothing. Open creates are written to disk before the POST goes out, so a restart or a
// kill resumes them as "checking". The rule and its numbers: docs/create-guarantees.md.
import type { NodeSummary } from '../../../shared/domain/node'
import type { PendingCreate, PendingCreateRecord } from '../../../shared/domain/node-state'
import { expectedNames, madeByRequest } from '../api/create.client'
import { DomainError } from '../errors'

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
  /**
   * The profile's project, location and base URL when the POST went out. Only that project's lists can settle it:
   * a create the profile's scope moved away from stays checking (Retry refused) until the scope comes back.
   */
  scopeKey: string
}

export { expectedNames }

/** The name the wizard asked for: `names` are expectedNames(name, count). */
function requestedName(record: PendingCreateRecord): string {
  const first = record.names[0] ?? ''
  return record.names.length > 1 ? first.slice(0, -'-1'.length) : first
}

/**
 * A create read back from disk. If its POST had failed, the window runs from that failure as before; if the app
 * stopped while the POST was in flight, E2E may have answered as late as the POST's deadline.
 */
export function resumed(record: PendingCreateRecord, postTimeoutMs: number, scopeKey: string): TrackedCreate {
  const checkAfter = record.checkAfter ?? record.postedAt + postTimeoutMs + SETTLE_WINDOW_MS
  return { record: { ...record, checkAfter }, phase: 'checking', found: [], settledAt: null, scopeKey }
}

export function isOpen(t: Readonly<TrackedCreate>): boolean {
  return t.phase === 'sending' || t.phase === 'checking'
}

/**
 * Nodes in `nodes` that this create made: not listed before the POST, and the requested name (one node) or a name
 * starting with it (several: E2E's naming of N instances is only reported; see madeByRequest).
 */
export function madeBy(t: TrackedCreate, nodes: readonly NodeSummary[]): NodeSummary[] {
  return nodes.filter(madeByRequest(requestedName(t.record), t.record.names.length, t.record.existingIds))
}

/**
 * Settles every checking create that a list fetched at `fetchStartedAt` can decide. Returns the ones it settled;
 * settled ones older than SETTLED_SHOWN_MS are dropped.
 */
export function settleCreates(
  creates: Map<string, TrackedCreate>,
  nodes: readonly NodeSummary[],
  fetchStartedAt: number,
  now: number,
  scopeKey: string
): TrackedCreate[] {
  const settled: TrackedCreate[] = []
  for (const [id, t] of creates) {
    if (t.settledAt !== null && now - t.settledAt > SETTLED_SHOWN_MS) {
      creates.delete(id)
      continue
    }
    const due = t.record.checkAfter
    if (t.phase !== 'checking' || due === null || fetchStartedAt < due || t.scopeKey !== scopeKey) continue
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

/**
 * Why a create of `names` must not go out now: a listed node has one of the names, or another open create may
 * still give a node one of them. Checked before the POST is registered, with no await in between (nodes/engine.ts).
 */
export function nameTaken(
  nodes: readonly Pick<NodeSummary, 'name'>[],
  creates: ReadonlyMap<string, Readonly<TrackedCreate>>,
  names: readonly string[],
  requestId: string
): DomainError | null {
  const taken = new Set(nodes.map((n) => n.name))
  const clash = names.find((n) => taken.has(n))
  if (clash) {
    return new DomainError(
      'CONFLICT',
      `A node named ${clash} already exists in this project and location. Choose another name.`,
      {
        field: 'name',
        createOutcome: 'not_created'
      }
    )
  }
  // Another create may still make a node with this name (after a restart, a new wizard has a new requestId).
  const open = namesInFlight(creates, requestId)
  const busy = names.find((n) => open.has(n))
  if (busy) {
    return new DomainError(
      'CONFLICT',
      `Nodetray is still creating ${busy}, or checking whether E2E created it. Wait until that is known, or choose another name.`,
      { field: 'name', createOutcome: 'not_created' }
    )
  }
  const same = creates.get(requestId)
  if (same && isOpen(same)) {
    return new DomainError('CONFLICT', `Nodetray is already creating ${names[0] ?? 'this node'}.`, {
      createOutcome: 'not_created'
    })
  }
  return null
}

export function createsView(creates: Map<string, TrackedCreate>): PendingCreate[] {
  return [...creates.values()].map((t) => ({
    requestId: t.record.requestId,
    names: t.record.names,
    state: t.phase,
    checkAfter: t.record.checkAfter === null ? null : new Date(t.record.checkAfter).toISOString()
  }))
}
