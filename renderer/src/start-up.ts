// The window's start-up, in one place (ARCHITECTURE.md, "How the window starts"): paint the saved first screen at
// once, ask main for the first data, mount React as soon as there is something true to show, fetch the full node
// lists once that frame has painted, and check the saved copy in full when the page is idle. The steps that touch
// the page (mount, "a frame has painted", "the page is idle") are injected: main.tsx passes the browser's.
import { afterNextPaint } from './lib/after-paint'
import { useAppStore } from './stores/app.store'
import { dropFirstScreenUnlessValid, keepFirstScreenSaved, readFirstScreen, showFirstScreen } from './stores/boot-cache'
import { useNodesStore } from './stores/nodes.store'
import { firstRunPassed, showsFirstRun, useProfilesStore } from './stores/profiles.store'
import { useSettingsStore } from './stores/settings.store'
import { useUiStore } from './stores/ui.store'

export interface Loading {
  /** Every store has its first answer; the node lists may still be cut to the first screenful. */
  firstData: Promise<void>
  /** The full node lists are in too. */
  all: Promise<void>
}

export interface LoadingOptions {
  /** The first calls wait for this: when the saved first screen is painting, main's answers come after that frame
   * instead of re-rendering the list before it is ever shown. */
  gate?: Promise<unknown>
  /** The full node lists (megabytes of JSON with 10,000 nodes) are asked for once this resolves. */
  beforeFullLists?: () => Promise<void>
}

let loading: Loading | null = null

/** The window's first loads (identity, profiles, settings, nodes), started once: main.tsx starts them before React
 * loads so the IPC round trips overlap script evaluation; App calls this again (a no-op then; in tests, the start). */
export function startLoading(opts: LoadingOptions = {}): Loading {
  if (loading) return loading
  const nodes = useNodesStore.getState()
  const load = () =>
    Promise.all([
      useAppStore.getState().load(),
      useProfilesStore.getState().load(),
      useSettingsStore.getState().load(),
      nodes.loadFirst()
    ])
  // Without a gate the four calls go out now, in one tick (the preview sends them as one request).
  const first = opts.gate ? opts.gate.then(load, load) : load()
  const beforeFullLists = opts.beforeFullLists ?? afterNextPaint
  loading = {
    firstData: first.then(() => undefined),
    all: first.then(async ([, , , cut]) => {
      if (!cut) return
      // A failed mount still gets the full lists; the screen's boundary shows what went wrong.
      await beforeFullLists().catch(() => undefined)
      await nodes.loadRest()
    })
  }
  return loading
}

/** The next startLoading() starts again (tests; see tests' resetForTests). */
export function resetStartUp(): void {
  loading = null
}

export interface WindowStartOptions {
  /** Loads React and renders the first frame synchronously. */
  mount(): Promise<void>
  /** Resolves once a frame has painted after the call. */
  afterPaint(): Promise<void>
  /** Runs `fn` when the page is idle. */
  whenIdle(fn: () => void): void
  /** The first-run screen's chunk: a first run's first render is that screen, not the list. */
  preloadFirstRun(): Promise<unknown>
  /** A slow start (a keychain prompt, say) mounts with its own loading states after this long. */
  mountWaitMs?: number
}

const MOUNT_WAIT_MS = 200

/** The whole start; `painted` resolves once the first frame after mounting has painted. */
export function startWindow(opts: WindowStartOptions): Loading & { painted: Promise<void> } {
  const saved = readFirstScreen()
  let markPainted: () => void = () => undefined
  const painted = new Promise<void>((resolve) => (markPainted = resolve))
  if (saved) showFirstScreen(saved)
  const started = startLoading({
    gate: saved ? painted : undefined,
    // Called only after the first answers, by when `mounting` below exists.
    beforeFullLists: () => mounting.then(() => opts.afterPaint())
  })
  keepFirstScreenSaved()
  const waited = saved
    ? Promise.resolve()
    : Promise.race([started.firstData, new Promise((r) => setTimeout(r, opts.mountWaitMs ?? MOUNT_WAIT_MS))])
  const screenReady = waited.then(() => {
    const { profiles, loaded } = useProfilesStore.getState()
    // A failed load is not fatal here: the screen's boundary shows the error and offers to try again.
    const passed = firstRunPassed(useUiStore.getState().firstRunDone, useAppStore.getState().info)
    return loaded && showsFirstRun(profiles, passed) ? opts.preloadFirstRun().catch(() => null) : null
  })
  const mounting = screenReady.then(() => opts.mount())
  void mounting.then(() => opts.afterPaint()).then(markPainted, markPainted)
  // zod loads only now, off the first paint's path.
  void painted.then(() => opts.whenIdle(() => void dropFirstScreenUnlessValid().catch(() => undefined)))
  return { ...started, painted }
}
