// Applies main's events to the stores. One subscription set for the app's lifetime; returns the cleanup.
import { bridge } from '../lib/ipc'
import { useAppStore } from './app.store'
import { useNodesStore } from './nodes.store'
import { useProfilesStore } from './profiles.store'
import { useSettingsStore } from './settings.store'
import { useToastStore } from './notifications.store'
import { useUiStore } from './ui.store'

export function connectEvents(): () => void {
  const events = bridge().events
  const offs = [
    events.on('nodes:changed', (p) => useNodesStore.getState().apply(p)),
    events.on('profiles:changed', (list) => {
      useProfilesStore.getState().apply(list)
      useNodesStore.getState().retain(list.map((p) => p.id))
    }),
    events.on('settings:changed', (s) => useSettingsStore.getState().apply(s)),
    events.on('app:navigated', (nav) => useUiStore.getState().navigate(nav)),
    events.on('notifications:shown', (n) => {
      useToastStore.getState().push({ id: `n-${n.id}`, kind: 'info', title: n.title, body: n.body })
    })
  ]
  return () => offs.forEach((off) => off())
}

/** Loads everything the window needs at start, in parallel. */
export async function loadAll(): Promise<void> {
  await Promise.all([
    useProfilesStore.getState().load(),
    useSettingsStore.getState().load(),
    useNodesStore.getState().load()
  ])
}

export interface Startup {
  /** Every store has its first answer; the node lists may still be cut to the first screenful. */
  firstData: Promise<void>
  /** The full node lists are in too. */
  all: Promise<void>
}

let startup: Startup | null = null
let startGate: Promise<unknown> | null = null

/** The first loads wait for `gate`: when the window painted its saved first screen, main's answers come after that
 * frame instead of re-rendering the list before it is ever shown. */
export function startLoadingAfter(gate: Promise<unknown>): void {
  startGate = gate
}

/** The window's first loads (identity, profiles, settings, nodes), started once. main.tsx calls this before React
 * loads so the IPC round trips overlap script evaluation; App calls it again (a no-op then). */
export function startLoading(): Startup {
  if (startup) return startup
  const nodes = useNodesStore.getState()
  const load = () =>
    Promise.all([
      useAppStore.getState().load(),
      useProfilesStore.getState().load(),
      useSettingsStore.getState().load(),
      nodes.loadFirst()
    ])
  // Without a gate the four calls go out now, in one tick (the preview sends them as one request).
  const first = startGate ? startGate.then(load, load) : load()
  startup = {
    firstData: first.then(() => undefined),
    all: first.then(async ([, , , cut]) => (cut ? nodes.loadRest() : undefined))
  }
  return startup
}

/** Tests: the next startLoading() loads again. */
export function resetStartup(): void {
  startup = null
  startGate = null
}
