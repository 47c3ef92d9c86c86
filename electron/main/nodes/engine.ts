// The engine: one runtime per profile, its poller, list refreshes, last-known cache and change events. It is the
// only code that changes a ProfileRuntime. Commands (node-commands.ts, create-command.ts) read a ProfileRead and
// change state through the intent methods below, each of which emits (and persists) on its own.
import { staleReasonFor } from '../../../shared/domain/errors'
import type { Plan } from '../../../shared/domain/catalog'
import type { NodeDetail, NodeSummary } from '../../../shared/domain/node'
import type { PendingCreateRecord, PendingKind, ProfileNodes } from '../../../shared/domain/node-state'
import type { ProfileView } from '../../../shared/domain/profile'
import type { ClientFactory, E2EClient } from '../api/client.types'
import type { Clock, NotificationSink } from '../ports'
import { DomainError, isDomainError } from '../errors'
import { decideNotifications } from '../notifications/transition-notifier'
import { createPoller, type RunResult } from '../poller/poller'
import type { LastKnownCache, ProfilesService, SettingsService } from '../profiles/profiles.types'
import type { Logger } from '../redact'
import { CREATE_TIMEOUT_MS } from '../api/create.client'
import { settlePending, type PendingEntry } from './pending'
import {
  isOpen,
  nameTaken,
  openRecords,
  resumed,
  SETTLE_WINDOW_MS,
  settleCreates,
  type TrackedCreate
} from './pending-creates'
import {
  CATALOG_TTL_MS,
  intervalFor,
  newRuntime,
  resetScope,
  scopeKeyOf,
  targetKeyOf,
  viewOf,
  type ProfileRead,
  type ProfileRuntime
} from './profile-runtime'
import { lookUpTermEnds, rememberTermEnd } from './term-ends'

export interface EngineDeps {
  profiles: ProfilesService
  settings: SettingsService
  lastKnown: LastKnownCache
  createClient: ClientFactory
  clock: Clock
  notifier: NotificationSink
  log: Logger
}

/** How long a confirmed delete keeps hiding its node from lists fetched before the confirmation. */
export const DELETED_MARK_MS = 10 * 60_000

export const toDomainError = (e: unknown): DomainError =>
  isDomainError(e) ? e : new DomainError('INTERNAL', 'Something went wrong while talking to E2E.')

export class Engine {
  private readonly runtimes = new Map<string, ProfileRuntime>()
  private listeners = new Set<(state: ProfileNodes) => void>()
  private paused = false
  private suspended = false
  private started = false
  private inFlight = new Set<Promise<unknown>>()
  /** Stamps each emitted state (ProfileNodes.rev): one counter for all profiles, only ever up. */
  private revision = 0

  constructor(readonly deps: EngineDeps) {}

  get isPaused(): boolean {
    return this.paused
  }

  onChanged(listener: (state: ProfileNodes) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  snapshot(): ProfileNodes[] {
    return [...this.runtimes.values()].map((rt) => ({ ...this.view(rt), rev: rt.rev }))
  }

  private view(rt: ProfileRuntime): ProfileNodes {
    const { clock, settings } = this.deps
    return viewOf(rt, {
      now: clock.now(),
      paused: this.paused || this.suspended,
      steadyIntervalSec: settings.get().steadyIntervalSec
    })
  }

  private emit(rt: ProfileRuntime): void {
    if (rt.removed) return
    const view = this.view(rt)
    const json = JSON.stringify(view)
    if (json === rt.lastEmitted) return
    rt.lastEmitted = json
    rt.rev = ++this.revision
    const state: ProfileNodes = { ...view, rev: rt.rev }
    for (const l of this.listeners) {
      try {
        l(state)
      } catch (e) {
        this.deps.log.error('nodes listener failed', { error: String(e) })
      }
    }
  }

  /** Throws NOT_FOUND for a profile we do not know (after one look at the profile list). */
  async runtime(profileId: string): Promise<ProfileRead> {
    let rt = this.runtimes.get(profileId)
    if (!rt) {
      await this.syncProfiles(await this.deps.profiles.list())
      rt = this.runtimes.get(profileId)
    }
    if (!rt) throw new DomainError('NOT_FOUND', 'That profile no longer exists.')
    return rt
  }

  /** The mutable runtime behind a ProfileRead; null once its profile is gone (a change to it is moot then). */
  private own(p: ProfileRead): ProfileRuntime | null {
    const rt = this.runtimes.get(p.profileId)
    return rt === p ? rt : null
  }

  private mustOwn(p: ProfileRead): ProfileRuntime {
    const rt = this.own(p)
    if (!rt) throw new DomainError('NOT_FOUND', 'That profile no longer exists.')
    return rt
  }

  clientFor(p: ProfileRead): Promise<E2EClient> {
    const rt = this.mustOwn(p)
    if (!rt.client) {
      const { profiles, createClient, clock } = this.deps
      const p = profiles
        .apiTarget(rt.profileId)
        .then((target) => createClient(target, { onRequest: () => rt.counter.add(clock.now()) }))
      // A failed lookup (no credentials yet) must not stick: the next call tries again.
      p.catch(() => {
        if (rt.client === p) rt.client = null
      })
      rt.client = p
    }
    return rt.client
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p)
    void p.finally(() => this.inFlight.delete(p)).catch(() => undefined)
    return p
  }

  async start(): Promise<void> {
    if (this.started) return
    this.started = true
    const list = await this.deps.profiles.list()
    await this.syncProfiles(list, false)
    for (const rt of this.runtimes.values()) rt.poller?.start()
  }

  async stop(): Promise<void> {
    this.started = false
    for (const rt of this.runtimes.values()) rt.poller?.stop()
    // A refresh that settles now may start its last-known write: wait until nothing is left in flight.
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight])
  }

  /** Adds runtimes for new profiles (showing their last-known lists at once), drops removed ones, rebuilds changed clients. */
  async syncProfiles(list: ProfileView[], startPollers = this.started): Promise<void> {
    const ids = new Set(list.map((p) => p.id))
    const removed: ProfileRuntime[] = []
    for (const [id, rt] of this.runtimes) {
      if (ids.has(id)) continue
      rt.removed = true
      rt.poller?.stop()
      this.runtimes.delete(id)
      removed.push(rt)
    }
    const added: ProfileRuntime[] = []
    for (const p of list) {
      const rt = this.runtimes.get(p.id)
      if (!rt) {
        const fresh = newRuntime(p)
        this.runtimes.set(p.id, fresh)
        added.push(fresh)
        continue
      }
      rt.profileName = p.name
      if (rt.targetKey === targetKeyOf(p)) continue
      rt.targetKey = targetKeyOf(p)
      rt.client = null
      rt.catalog.clear()
      if (rt.scopeKey !== scopeKeyOf(p)) {
        rt.scopeKey = scopeKeyOf(p)
        resetScope(rt)
      }
      this.emit(rt)
      if (this.started) void this.refreshNow(rt)
    }
    await Promise.all(added.map((rt) => this.loadLastKnown(rt)))
    for (const rt of added) {
      rt.poller = this.makePoller(rt)
      this.emit(rt)
      if (startPollers) rt.poller.start()
    }
    for (const rt of removed) this.handOverCreates(rt)
  }

  /**
   * A deleted profile's open creates go to another profile of the project they were sent to: their names stay
   * taken there until a list settles them (else a create of the same name through that profile would go out while
   * E2E may have made the first). With no such profile, nobody can create in that project now and they are dropped.
   */
  private handOverCreates(gone: ProfileRuntime): void {
    for (const [id, t] of gone.creates) {
      if (!isOpen(t)) continue
      const heir = [...this.runtimes.values()].find((o) => o.scopeKey === t.scopeKey)
      if (!heir) {
        this.deps.log.info('open create dropped with its profile', { profileId: gone.profileId })
        continue
      }
      heir.creates.set(id, t)
      this.reschedule(heir)
      this.emit(heir)
      this.save(heir)
    }
    gone.creates.clear()
  }

  /** The runtime tracking this create: its profile's, or the one it was handed to when that profile was deleted. */
  private holderOf(p: ProfileRead, requestId: string): ProfileRuntime | null {
    const own = this.own(p)
    if (own?.creates.has(requestId)) return own
    for (const rt of this.runtimes.values()) if (rt.creates.has(requestId)) return rt
    return null
  }

  private async loadLastKnown(rt: ProfileRuntime): Promise<void> {
    try {
      const cached = await this.deps.lastKnown.load(rt.profileId)
      if (cached && rt.source === 'none' && cached.fetchedAt !== null) {
        rt.nodes = cached.nodes
        rt.fetchedAt = cached.fetchedAt
        rt.source = 'cache'
      }
      // Creates a restart interrupted: their outcome is unknown until a list after their window says.
      for (const record of cached?.creates ?? []) {
        if (!rt.creates.has(record.requestId)) {
          rt.creates.set(record.requestId, resumed(record, CREATE_TIMEOUT_MS, rt.scopeKey))
        }
      }
    } catch (e) {
      this.deps.log.warn('last-known list unreadable', { profileId: rt.profileId, error: String(e) })
    }
  }

  private makePoller(rt: ProfileRuntime) {
    const poller = createPoller({
      clock: this.deps.clock,
      intervalMs: () => intervalFor(rt, this.deps.settings.get().steadyIntervalSec),
      run: () => this.track(this.refreshOnce(rt)),
      onSchedule: () => this.emit(rt)
    })
    poller.setPaused(this.paused)
    poller.setSuspended(this.suspended)
    return poller
  }

  refreshNow(p: ProfileRead): Promise<void> {
    const rt = this.own(p)
    if (!rt) return Promise.resolve()
    return rt.poller ? rt.poller.runNow() : this.refreshOnce(rt).then(() => undefined)
  }

  /** Refreshes every profile; resolves with how many. */
  async refreshAll(): Promise<number> {
    const all = [...this.runtimes.values()]
    await Promise.all(all.map((rt) => this.refreshNow(rt)))
    return all.length
  }

  /** The steady interval or the notification switch changed: re-plan every poller. */
  replanAll(): void {
    for (const rt of this.runtimes.values()) this.reschedule(rt)
  }

  /** Menu or window opened: every profile refreshes soon (debounced). */
  pokeAll(): void {
    for (const rt of this.runtimes.values()) rt.poller?.poke()
  }

  /** Something started moving or an action is pending: the cadence may have to change. */
  private reschedule(rt: ProfileRuntime): void {
    rt.poller?.reschedule()
    this.emit(rt)
  }

  setPaused(paused: boolean): void {
    this.paused = paused
    for (const rt of this.runtimes.values()) {
      rt.poller?.setPaused(paused)
      this.emit(rt)
    }
  }

  setSuspended(suspended: boolean): void {
    this.suspended = suspended
    for (const rt of this.runtimes.values()) {
      rt.poller?.setSuspended(suspended)
      this.emit(rt)
    }
  }

  /** One list refresh. Never throws: the outcome lands in the runtime and goes back to the poller. */
  private async refreshOnce(rt: ProfileRuntime): Promise<RunResult> {
    const { clock, log } = this.deps
    const startedAt = clock.now()
    rt.refreshing = true
    this.emit(rt)
    let result: RunResult
    try {
      const client = await this.clientFor(rt)
      const nodes = await client.listNodes()
      if (!rt.removed) {
        this.applyList(rt, nodes, startedAt)
        await lookUpTermEnds(rt, client, clock.now())
      }
      result = { ok: true }
    } catch (e) {
      const err = toDomainError(e)
      rt.error = { ...err.data, reason: staleReasonFor(err.code) }
      rt.pending = settlePending(rt.pending, null, startedAt, clock.now()).kept
      log.warn('node list refresh failed', { profileId: rt.profileId, code: err.code, status: err.data.status })
      result = { ok: false, error: err.data }
    }
    rt.refreshing = false
    this.emit(rt)
    return result
  }

  private applyList(rt: ProfileRuntime, listed: NodeSummary[], fetchStartedAt: number): void {
    const { clock, settings, notifier, log } = this.deps
    const now = clock.now()
    const fetched = this.dropDeleted(rt, listed, fetchStartedAt, now)
    const fetchedIds = new Set(fetched.map((n) => n.id))
    // A node we just created may be missing from a list E2E answered before the create was confirmed: keep showing
    // it (a list started in the same millisecond counts as before). A list fetched after the confirmation is the
    // truth (E2E applies a create before it answers; the pager reads a shifting list again), so a node missing from
    // it is gone, deleted elsewhere (another profile on the same project, the web console): it is not kept, and its
    // pending create settles below (isSettled: absent). Kept on, it stayed Creating for PENDING_TIMEOUT_MS after it
    // was gone. Open creates (sending, checking) are not nodes: only settleCreates decides them, from `fetched`.
    const stillCreating = rt.nodes.filter((n) => {
      const entry = rt.pending.get(n.id)
      return !fetchedIds.has(n.id) && entry?.action.kind === 'create' && fetchStartedAt <= entry.settleAfterMs
    })
    const nodes = [...fetched, ...stillCreating]
    const decided = decideNotifications({
      profileId: rt.profileId,
      profileName: rt.profileName,
      prev: rt.notifyPrev,
      next: nodes,
      pendingBefore: Object.fromEntries([...rt.pending].map(([id, e]) => [String(id), e.action])),
      createdByUs: rt.createdByUs,
      termEnds: rt.termEnds,
      termWarned: rt.termWarned,
      now,
      enabled: settings.get().notifications !== false
    })
    for (const key of decided.termWarnedAdd) rt.termWarned.add(key)
    const { kept, settled } = settlePending(rt.pending, nodes, fetchStartedAt, now)
    rt.pending = kept
    for (const s of settled) if (s.action.kind === 'create') rt.createdByUs.delete(s.action.nodeId)
    for (const id of rt.termEnds.keys()) if (!fetchedIds.has(id)) rt.termEnds.delete(id)
    rt.notifyPrev = nodes
    rt.nodes = nodes
    rt.fetchedAt = new Date(now).toISOString()
    rt.source = 'live'
    rt.error = null
    for (const n of decided.notifications) {
      try {
        notifier.show(n)
      } catch (e) {
        log.warn('notification failed', { error: String(e) })
      }
    }
    for (const t of settleCreates(rt.creates, fetched, fetchStartedAt, now, rt.scopeKey)) {
      log.info('create outcome settled', { profileId: rt.profileId, outcome: t.phase, nodes: t.found.length })
      this.adoptCreated(rt, t.found)
    }
    this.save(rt)
    // This list is also the truth for another profile's creates sent to this project: that profile's own lists may
    // be failing (token expired, keychain locked), and its names must not stay taken here for ever.
    for (const other of this.runtimes.values()) {
      if (other === rt) continue
      const settled = settleCreates(other.creates, fetched, fetchStartedAt, now, rt.scopeKey)
      for (const t of settled) {
        log.info('create outcome settled', { profileId: other.profileId, outcome: t.phase, nodes: t.found.length })
        if (t.scopeKey === other.scopeKey) this.adoptCreated(other, t.found)
      }
      if (!settled.length) continue
      this.reschedule(other)
      this.emit(other)
      this.save(other)
    }
  }

  /**
   * A list fetched before E2E confirmed a delete may still show the node: leave it out. A list fetched after
   * shows the truth; once one no longer lists the node (or after a bound), the mark goes.
   */
  private dropDeleted(rt: ProfileRuntime, listed: NodeSummary[], fetchStartedAt: number, now: number): NodeSummary[] {
    if (!rt.deletedAt.size) return listed
    const listedIds = new Set(listed.map((n) => n.id))
    for (const [id, at] of rt.deletedAt) {
      if ((fetchStartedAt >= at && !listedIds.has(id)) || now - at > DELETED_MARK_MS) rt.deletedAt.delete(id)
    }
    return listed.filter((n) => {
      const at = rt.deletedAt.get(n.id)
      return at === undefined || fetchStartedAt >= at
    })
  }

  // ---- intents: node actions ----------------------------------------------------------------------------------

  /** A call for this node is about to go out: the node is busy until confirmPending or dropPending. */
  markPending(p: ProfileRead, nodeId: number, kind: PendingKind): PendingEntry {
    const now = this.deps.clock.now()
    const entry: PendingEntry = {
      action: { nodeId, kind, startedAt: new Date(now).toISOString() },
      startedAtMs: now,
      settleAfterMs: Infinity
    }
    const rt = this.own(p)
    if (!rt) return entry
    rt.pending.set(nodeId, entry)
    this.emit(rt)
    return entry
  }

  /** E2E accepted the call: only lists fetched from now on may settle it. */
  confirmPending(p: ProfileRead, entry: PendingEntry): void {
    entry.settleAfterMs = this.deps.clock.now()
    const rt = this.own(p)
    if (rt) this.reschedule(rt)
  }

  /** The call failed: the node is not busy with it any more. `fresh`: the node read again (null: it is gone). */
  dropPending(p: ProfileRead, entry: PendingEntry, fresh: NodeSummary | null | undefined): void {
    const rt = this.own(p)
    if (!rt) return
    const id = entry.action.nodeId
    if (rt.pending.get(id) === entry) rt.pending.delete(id)
    if (fresh === null) rt.nodes = rt.nodes.filter((n) => n.id !== id)
    else if (fresh) rt.nodes = rt.nodes.map((n) => (n.id === id ? fresh : n))
    this.emit(rt)
  }

  /** E2E confirmed the delete: the node goes from the list at once. */
  markDeleted(p: ProfileRead, nodeId: number): void {
    const rt = this.own(p)
    if (!rt) return
    rt.deletedAt.set(nodeId, this.deps.clock.now())
    rt.nodes = rt.nodes.filter((n) => n.id !== nodeId)
    this.emit(rt)
    // A restart before the next list (offline, say) must not show it again from the last-known list.
    this.save(rt)
  }

  /** A node's detail was read: keep its committed term end for the "term ends soon" notice. */
  noteDetail(p: ProfileRead, detail: NodeDetail): void {
    const rt = this.own(p)
    if (rt) rememberTermEnd(rt, detail, this.deps.clock.now())
  }

  /** The node's committed term may have changed: look it up again on the next refresh. */
  forgetTermLookup(p: ProfileRead, nodeId: number): void {
    this.own(p)?.termLookedUpAt.delete(nodeId)
  }

  /** A catalog answer, cached per profile for CATALOG_TTL_MS; a failed one is not kept. Plans are kept for create's checks. */
  cached<T>(p: ProfileRead, key: string, load: (c: E2EClient) => Promise<T>, plans?: (v: T) => Plan[]): Promise<T> {
    const rt = this.mustOwn(p)
    const now = this.deps.clock.now()
    const hit = rt.catalog.get(key)
    if (hit && now - hit.at < CATALOG_TTL_MS) return hit.value as Promise<T>
    const value = this.clientFor(rt).then(load)
    const entry: { at: number; value: Promise<unknown>; plans?: Plan[] } = { at: now, value }
    rt.catalog.set(key, entry)
    value.then(
      (v) => {
        if (plans) entry.plans = plans(v)
      },
      () => {
        if (rt.catalog.get(key) === entry) rt.catalog.delete(key)
      }
    )
    return value
  }

  // ---- intents: creates --------------------------------------------------------------------------------------

  /**
   * A create is about to be sent: shown as sending, and on disk before this resolves (it throws if it is not).
   * Refused (CONFLICT, not_created) if a listed node or another open create has one of its names: checked and
   * registered with no await in between, so of two creates of one name only one can go out.
   */
  async openCreate(p: ProfileRead, record: PendingCreateRecord): Promise<void> {
    const rt = this.mustOwn(p)
    const taken = this.nameTakenInScope(rt, record.names, record.requestId)
    if (taken) throw taken
    rt.creates.set(record.requestId, {
      record,
      phase: 'sending',
      found: [],
      settledAt: null,
      scopeKey: rt.scopeKey
    })
    this.reschedule(rt)
    try {
      await this.persist(rt)
    } catch (e) {
      rt.creates.delete(record.requestId)
      this.reschedule(rt)
      throw e
    }
  }

  /**
   * nameTaken over every profile on this profile's project, location and API address: two profiles of one project
   * see one account's nodes, so a name listed or being created in either is taken in both (else each could make a
   * billed node of one name, or a retry through the other profile could make a second).
   */
  nameTakenInScope(p: ProfileRead, names: readonly string[], requestId: string): DomainError | null {
    const rt = this.mustOwn(p)
    const nodes: NodeSummary[] = []
    const creates = new Map<string, Readonly<TrackedCreate>>()
    for (const other of this.runtimes.values()) {
      if (other === rt || other.scopeKey === rt.scopeKey) nodes.push(...other.nodes)
      // Its own creates all count (one sent before a scope change may still make a node); another profile's when
      // they were sent to this project, also if that profile has moved to another project since.
      for (const [id, t] of other.creates) if (other === rt || t.scopeKey === rt.scopeKey) creates.set(id, t)
    }
    return nameTaken(nodes, creates, names, requestId)
  }

  /** E2E refused it (nothing was made), or a Retry after "not created" starts over: forget the create. */
  forgetCreate(p: ProfileRead, requestId: string): void {
    const rt = this.holderOf(p, requestId)
    if (!rt?.creates.delete(requestId)) return
    this.reschedule(rt)
    this.save(rt)
  }

  /** The POST failed ambiguously: checking until a list fetched after the settle window says. */
  createUnknown(p: ProfileRead, requestId: string): Readonly<TrackedCreate> | null {
    const rt = this.holderOf(p, requestId)
    const tracked = rt?.creates.get(requestId)
    if (!rt || !tracked) return null
    tracked.record.checkAfter = this.deps.clock.now() + SETTLE_WINDOW_MS
    tracked.phase = 'checking'
    this.reschedule(rt)
    this.save(rt)
    return tracked
  }

  /** E2E made the nodes: shown at once, followed until they run. */
  createMade(p: ProfileRead, requestId: string, nodes: NodeSummary[]): void {
    const rt = this.holderOf(p, requestId) ?? this.own(p)
    if (!rt) return
    const tracked = rt.creates.get(requestId)
    if (tracked) {
      tracked.phase = 'created'
      tracked.found = nodes
      tracked.settledAt = this.deps.clock.now()
      // The profile moved to another project meanwhile: these nodes are not in the list it shows now.
      if (tracked.scopeKey !== rt.scopeKey) {
        this.reschedule(rt)
        this.save(rt)
        return
      }
    }
    this.adoptCreated(rt, nodes)
    if (!nodes.length) void this.refreshNow(rt)
    this.save(rt)
  }

  /**
   * Why the profile's project, location or base URL must not change now, or null: one of its creates is in flight or
   * checking, and only a list of its own project can tell whether E2E made the node (profiles.service.ts asks).
   */
  scopeChangeBlockedBy(profileId: string): string | null {
    const rt = this.runtimes.get(profileId)
    if (!rt) return null
    const now = this.deps.clock.now()
    for (const t of rt.creates.values()) {
      // One sent to another scope (the profile moved while it was in flight) settles only if the profile goes back.
      if (!isOpen(t) || t.scopeKey !== rt.scopeKey) continue
      const names = t.record.names.join(', ')
      const until = t.record.checkAfter ?? t.record.postedAt + CREATE_TIMEOUT_MS + SETTLE_WINDOW_MS
      const left = Math.ceil((until - now) / 1000)
      const when = left > 0 ? `about ${left} s left` : "waiting for E2E's node list"
      const what =
        t.phase === 'sending' ? `Nodetray is creating ${names}` : `Nodetray is checking whether E2E created ${names}`
      return `${what} (${when}). The project, location and API address of this profile can change once that is known.`
    }
    return null
  }

  /** Shows new nodes at once (as E2E reported them, usually Creating) and polls fast until they run. */
  private adoptCreated(rt: ProfileRuntime, created: NodeSummary[]): void {
    const now = this.deps.clock.now()
    const startedAt = new Date(now).toISOString()
    const known = new Set(rt.nodes.map((n) => n.id))
    const fresh = created.filter((n) => !known.has(n.id))
    rt.nodes = [...rt.nodes, ...fresh]
    for (const n of created) {
      rt.createdByUs.add(n.id)
      const entry: PendingEntry = {
        action: { nodeId: n.id, kind: 'create', startedAt },
        startedAtMs: now,
        settleAfterMs: now
      }
      rt.pending.set(n.id, entry)
    }
    // The notifier needs a "before" that includes the new nodes, or their first Running looks like a baseline.
    rt.notifyPrev = rt.notifyPrev ? [...rt.notifyPrev, ...fresh] : rt.nodes
    this.reschedule(rt)
  }

  /**
   * Writes the profile's list and open creates. Writes run one after another and each takes the state when it
   * starts, so the file always ends with the newest state. Tracked, so stop() waits for it.
   */
  private save(rt: ProfileRuntime): void {
    this.persist(rt).catch((e: unknown) => {
      this.deps.log.warn('could not save the last-known list', { profileId: rt.profileId, error: String(e) })
    })
  }

  private persist(rt: ProfileRuntime): Promise<void> {
    const write = rt.saveChain.then(() => {
      if (rt.removed) return // the profile is gone: its file must not come back
      const creates = openRecords(rt.creates)
      return this.deps.lastKnown.save(rt.profileId, {
        nodes: rt.nodes,
        fetchedAt: rt.fetchedAt,
        ...(creates.length ? { creates } : {})
      })
    })
    rt.saveChain = write.catch(() => undefined)
    return this.track(write)
  }
}
