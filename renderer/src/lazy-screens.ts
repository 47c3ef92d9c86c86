// Screens the first paint of the node list does not need, in their own chunks. Together with zod (which the
// forms use) they were a third of the startup script. `preloadScreens` fetches them once the list is on screen;
// a screen whose chunk is already in renders at once, without a Suspense fallback flashing first.
import { createElement, lazy, type ComponentType } from 'react'

const failed = new Set<() => void>()

/** Lets every screen whose chunk failed to load try again on its next render (ScreenBoundary's Try again). */
export function retryFailedScreens(): void {
  for (const reset of failed) reset()
  failed.clear()
}

function lazyScreen<M, P extends object>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>) {
  let ready: ComponentType<P> | null = null
  const loadAndKeep = async () => (ready = pick(await load()))
  const makeSuspending = () =>
    lazy(async () => {
      try {
        return { default: await loadAndKeep() }
      } catch (err) {
        // React.lazy keeps a failure for good: the next "Try again" gets a fresh one that really loads again.
        failed.add(() => (Suspending = makeSuspending()))
        throw err
      }
    })
  let Suspending = makeSuspending()
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
export const DialogHost = dialogs.Screen
export const NodeDetailPanel = detail.Screen

/** The first-run screen, for main.tsx to load before mounting when that is what the window will show. */
export const preloadFirstRun = firstRun.preload

let preloading: Promise<unknown> | null = null

/** Starts loading every lazy screen (once); failures surface later, when the screen is actually shown. */
export function preloadScreens(): Promise<unknown> {
  preloading ??= Promise.allSettled([firstRun, profiles, settings, dialogs, detail].map((s) => s.preload()))
  return preloading
}
