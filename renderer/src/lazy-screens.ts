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

/**
 * A screen in its own chunk. Screen renders one and the same component type for its whole life: had it switched
 * from the lazy wrapper to the loaded component once the chunk was in, React would have mounted the screen again on
 * the next render and dropped its state (an open menu, an inline error, a delete under way, where focus was). That
 * happened when the user opened a screen before its chunk came in and React committed it through the wrapper.
 */
export function lazyScreen<M, P extends object>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>) {
  let ready: ComponentType<P> | null = null
  const loadAndKeep = async () => (ready = pick(await load()))
  type Loaded = { default: ComponentType<P> }
  const makeLazy = () =>
    lazy((): Promise<Loaded> => {
      // Already in (preloaded): a thenable that settles at once, which React reads in the same render, so the screen
      // shows without its fallback flashing first.
      const known = ready
      if (known) return { then: (ok: (m: Loaded) => void) => ok({ default: known }) } as unknown as Promise<Loaded>
      return loadAndKeep().then(
        (screen) => ({ default: screen }),
        (err: unknown) => {
          // React.lazy keeps a failure for good: the next "Try again" gets a fresh one that really loads again.
          failed.add(() => (LazyScreen = makeLazy()))
          throw err
        }
      )
    })
  let LazyScreen = makeLazy()
  function Screen(props: P) {
    return createElement(LazyScreen, props)
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
