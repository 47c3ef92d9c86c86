// Screens the first paint of the node list does not need, in their own chunks. Together with zod (which the
// forms use) they were a third of the startup script. `preloadScreens` fetches them once the list is on screen;
// a screen whose chunk is already in renders at once, without a Suspense fallback flashing first.
import { createElement, lazy, type ComponentType } from 'react'

function lazyScreen<M, P extends object>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>) {
  let ready: ComponentType<P> | null = null
  const loadAndKeep = async () => (ready = pick(await load()))
  const Suspending = lazy(async () => ({ default: await loadAndKeep() }))
  function Screen(props: P) {
    return createElement(ready ?? Suspending, props)
  }
  return { Screen, preload: loadAndKeep }
}

const firstRun = lazyScreen(
  () => import('./features/first-run/FirstRun'),
  (m) => m.FirstRun
)
const profiles = lazyScreen(
  () => import('./features/profiles/ProfilesScreen'),
  (m) => m.ProfilesScreen
)
const settings = lazyScreen(
  () => import('./features/settings/SettingsScreen'),
  (m) => m.SettingsScreen
)
const tray = lazyScreen(
  () => import('./features/tray-preview/TrayPreview'),
  (m) => m.TrayPreview
)
const dialogs = lazyScreen(
  () => import('./features/dialogs/DialogHost'),
  (m) => m.DialogHost
)
const detail = lazyScreen(
  () => import('./features/node-detail/NodeDetailPanel'),
  (m) => m.NodeDetailPanel
)

export const FirstRun = firstRun.Screen
export const ProfilesScreen = profiles.Screen
export const SettingsScreen = settings.Screen
export const TrayPreview = tray.Screen
export const DialogHost = dialogs.Screen
export const NodeDetailPanel = detail.Screen

/** The first-run screen, for main.tsx to load before mounting when that is what the window will show. */
export const preloadFirstRun = firstRun.preload

let preloading: Promise<unknown> | null = null

/** Starts loading every lazy screen (once); failures surface later, when the screen is actually shown. */
export function preloadScreens(): Promise<unknown> {
  preloading ??= Promise.allSettled([firstRun, profiles, settings, tray, dialogs, detail].map((s) => s.preload()))
  return preloading
}
