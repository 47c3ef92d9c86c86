// Node lists keyed by profile, exactly as main last sent them (snapshot, then `nodes:changed` per profile).
import { create } from 'zustand'
import type { ProfileNodes } from '../../../shared/domain/node-state'
import { asAppError, call, type AppError } from '../lib/ipc'
import { afterNextPaint } from '../lib/after-paint'

interface NodesState {
  byProfile: Record<string, ProfileNodes>
  loaded: boolean
  error: AppError | null
  /** Both steps below, the full lists after the next paint: the lists as main has them. */
  load(): Promise<void>
  /** The first screenful of each profile; true when a profile was cut (the full lists are still to come). */
  loadFirst(): Promise<boolean>
  /** The full lists (the caller waits for the first screenful's paint; start-up.ts does). */
  loadRest(): Promise<void>
  apply(state: ProfileNodes): void
  /** Profiles no longer listed drop out (deleted profiles, hidden demo). */
  retain(profileIds: string[]): void
  refresh(profileId?: string): Promise<void>
  setPaused(paused: boolean): Promise<void>
}

/** Rows in the first, cut snapshot: more than a tall window shows. */
export const FIRST_PAINT_ROWS = 80

const byId = (list: ProfileNodes[]): Record<string, ProfileNodes> =>
  Object.fromEntries(list.map((p) => [p.profileId, p]))

/**
 * A snapshot's reply, without undoing `nodes:changed` events that overtook it: a profile's state with a higher `rev`
 * than the snapshot's is newer and stays (the preview answers calls and streams events on separate connections, so a
 * snapshot taken before an event can arrive after it). A profile the snapshot lacks stays only when an event about
 * it is newer than everything in the snapshot (added meanwhile); otherwise it is gone.
 */
export function withSnapshot(
  current: Record<string, ProfileNodes>,
  snapshot: ProfileNodes[]
): Record<string, ProfileNodes> {
  const next = byId(snapshot)
  const newest = Math.max(0, ...snapshot.map((p) => p.rev ?? 0))
  for (const [id, held] of Object.entries(current)) {
    const got = next[id]
    const rev = held.rev ?? 0
    if (got ? rev > (got.rev ?? 0) : rev > newest) next[id] = held
  }
  return next
}

export const useNodesStore = create<NodesState>()((set, get) => ({
  byProfile: {},
  loaded: false,
  error: null,
  async load() {
    if (!(await get().loadFirst())) return
    await afterNextPaint()
    await get().loadRest()
  },
  async loadFirst() {
    // The first screenful (each profile's first rows by name) paints at once. Only when a profile was cut does
    // the full snapshot follow.
    try {
      const first = await call((api) => api.nodes.snapshot({ firstByName: FIRST_PAINT_ROWS }))
      set((s) => ({ byProfile: withSnapshot(s.byProfile, first), loaded: true, error: null }))
      return first.some((p) => p.totalNodes !== undefined)
    } catch (e) {
      set({ error: asAppError(e), loaded: true })
      return false
    }
  },
  async loadRest() {
    try {
      const full = await call((api) => api.nodes.snapshot({}))
      set((s) => ({ byProfile: withSnapshot(s.byProfile, full), error: null }))
    } catch (e) {
      set({ error: asAppError(e) })
    }
  },
  // An event older than what is held (a snapshot that overtook it) changes nothing.
  apply: (state) =>
    set((s) => {
      const held = s.byProfile[state.profileId]
      if (held && (held.rev ?? 0) > (state.rev ?? 0)) return s
      return { byProfile: { ...s.byProfile, [state.profileId]: state } }
    }),
  retain: (ids) =>
    set((s) => {
      const keep = Object.fromEntries(Object.entries(s.byProfile).filter(([id]) => ids.includes(id)))
      return Object.keys(keep).length === Object.keys(s.byProfile).length ? s : { byProfile: keep }
    }),
  async refresh(profileId) {
    try {
      await call((api) => api.nodes.refresh(profileId ? { profileId } : {}))
      set({ error: null })
    } catch (e) {
      set({ error: asAppError(e) })
    }
  },
  async setPaused(paused) {
    try {
      await call((api) => api.poller.setPaused({ paused }))
      // Main answers with nodes:changed for each profile; mirror at once so the button flips without waiting.
      set((s) => ({
        byProfile: Object.fromEntries(
          Object.entries(s.byProfile).map(([id, p]) => [id, { ...p, polling: { ...p.polling, paused } }])
        ),
        error: null
      }))
    } catch (e) {
      set({ error: asAppError(e) })
    }
  }
}))
