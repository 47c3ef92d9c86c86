// Everything the engine keeps for one profile: its list, pending actions, poller, request counter, API client and
// catalog cache. The renderer only ever sees viewOf(runtime).
import type { Plan } from '../../../shared/domain/catalog'
import type { AppErrorData, StaleReason } from '../../../shared/domain/errors'
import type { NodeSummary } from '../../../shared/domain/node'
import { isTransitional } from '../../../shared/domain/node-status'
import type { ProfileNodes } from '../../../shared/domain/node-state'
import { projectScopeKey, type ProfileView } from '../../../shared/domain/profile'
import type { E2EClient } from '../api/client.types'
import { FAST_INTERVAL_MS, type Poller } from '../poller/poller'
import { RequestCounter } from '../poller/request-counter'
import { pendingRecord, type PendingEntry } from './pending'
import { createsView, isOpen, type TrackedCreate } from './pending-creates'

export const CATALOG_TTL_MS = 10 * 60_000

export interface ProfileRuntime {
  profileId: string
  profileName: string
  /** What the API client depends on; a change rebuilds the client. */
  targetKey: string
  /** Project, location and base URL: a change means the list belongs to another project. */
  scopeKey: string
  nodes: NodeSummary[]
  fetchedAt: string | null
  source: ProfileNodes['source']
  refreshing: boolean
  error: (AppErrorData & { reason: StaleReason }) | null
  pending: Map<number, PendingEntry>
  /** Creates by requestId: open ones (sending, checking) and recently settled ones. */
  creates: Map<string, TrackedCreate>
  /** Deleted node id → when E2E confirmed the delete: a list fetched before that must not bring it back. */
  deletedAt: Map<number, number>
  /** Last-known writes, one after another, so an older state never lands after a newer one. */
  saveChain: Promise<void>
  /** The last live list the notifier saw; null until the first one (the silent baseline). */
  notifyPrev: NodeSummary[] | null
  createdByUs: Set<number>
  termEnds: Map<number, string>
  termWarned: Set<string>
  /** node id → when its committed term was last looked up. */
  termLookedUpAt: Map<number, number>
  counter: RequestCounter
  client: Promise<E2EClient> | null
  /** Catalog answers by query; `plans` is filled once a plans query resolves (create checks disk rules with it). */
  catalog: Map<string, { at: number; value: Promise<unknown>; plans?: Plan[] }>
  poller: Poller | null
  removed: boolean
  /** JSON of the last emitted view, so unchanged states are not emitted again. */
  lastEmitted: string
  /** The `rev` the last emitted view carried (0: none emitted yet). */
  rev: number
}

/**
 * What commands may read of a profile. Only the engine changes a ProfileRuntime, through intent methods that emit on
 * their own; a command holding a ProfileRead cannot forget to.
 */
export interface ProfileRead {
  readonly profileId: string
  readonly nodes: readonly NodeSummary[]
  readonly pending: ReadonlyMap<number, Readonly<PendingEntry>>
  readonly creates: ReadonlyMap<string, Readonly<TrackedCreate>>
  readonly catalog: ReadonlyMap<string, { readonly plans?: readonly Plan[] }>
}

export function targetKeyOf(p: ProfileView): string {
  const { projectId, location, apiBaseUrl, credentials } = p
  return JSON.stringify([
    projectId,
    location,
    apiBaseUrl,
    credentials.hasCredentials,
    credentials.apiKeyHint,
    credentials.tokenExpiresAt
  ])
}

/** Which account's nodes a profile sees: profiles with one scope key share a name lock (engine's nameTakenInScope). */
export const scopeKeyOf = (p: ProfileView): string => projectScopeKey(p)

export function newRuntime(p: ProfileView): ProfileRuntime {
  return {
    profileId: p.id,
    profileName: p.name,
    targetKey: targetKeyOf(p),
    scopeKey: scopeKeyOf(p),
    nodes: [],
    fetchedAt: null,
    source: 'none',
    refreshing: false,
    error: null,
    pending: new Map(),
    creates: new Map(),
    deletedAt: new Map(),
    saveChain: Promise.resolve(),
    notifyPrev: null,
    createdByUs: new Set(),
    termEnds: new Map(),
    termWarned: new Set(),
    termLookedUpAt: new Map(),
    counter: new RequestCounter(),
    client: null,
    catalog: new Map(),
    poller: null,
    removed: false,
    lastEmitted: '',
    rev: 0
  }
}

/** Another project now: forget the list and everything tied to its node ids. */
export function resetScope(rt: ProfileRuntime): void {
  rt.nodes = []
  rt.fetchedAt = null
  rt.source = 'none'
  rt.error = null
  rt.pending.clear()
  // An open create is never forgotten (Retry would post again): it stays checking, and only a list of the scope it
  // was sent to settles it (its scopeKey). Settled creates and deletes belong to the old project's list.
  for (const [id, t] of rt.creates) if (!isOpen(t)) rt.creates.delete(id)
  rt.deletedAt.clear()
  rt.notifyPrev = null
  rt.createdByUs.clear()
  rt.termEnds.clear()
  rt.termLookedUpAt.clear()
}

export function wantsFastPolling(rt: ProfileRuntime): boolean {
  return rt.pending.size > 0 || [...rt.creates.values()].some(isOpen) || rt.nodes.some((n) => isTransitional(n.status))
}

export function intervalFor(rt: ProfileRuntime, steadyIntervalSec: number): number {
  return wantsFastPolling(rt) ? FAST_INTERVAL_MS : Math.max(FAST_INTERVAL_MS, steadyIntervalSec * 1000)
}

export function viewOf(
  rt: ProfileRuntime,
  o: { now: number; paused: boolean; steadyIntervalSec: number }
): ProfileNodes {
  const nextAt = rt.poller?.nextAt ?? null
  return {
    profileId: rt.profileId,
    nodes: rt.nodes,
    fetchedAt: rt.fetchedAt,
    source: rt.source,
    refreshing: rt.refreshing,
    error: rt.error,
    pending: pendingRecord(rt.pending),
    ...(rt.creates.size ? { creates: createsView(rt.creates) } : {}),
    polling: {
      paused: o.paused,
      intervalMs: intervalFor(rt, o.steadyIntervalSec),
      nextPollAt: o.paused || nextAt === null ? null : new Date(nextAt).toISOString(),
      requestsLastHour: rt.counter.count(o.now)
    }
  }
}
