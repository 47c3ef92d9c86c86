// Applies main's events to the stores. One subscription set for the app's lifetime; returns the cleanup.
// The window's start-up (first loads, saved first screen, full lists after paint) is start-up.ts.
import { bridge } from '../lib/ipc'
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
