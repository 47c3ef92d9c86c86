// Entry: ask main for the window's data first, then load and mount React. The stores are small; React and the
// screens come in a second chunk, so the IPC round trips run while that chunk loads and evaluates.
// The first render is the list itself, never a spinner rendered over: from the window's saved copy of its first
// screen when there is one (main's answers replace it as they arrive), else once main's first answers are in.
import { preloadFirstRun } from './lazy-screens'
import { keepFirstScreenSaved, readFirstScreen, showFirstScreen } from './stores/boot-cache'
import { startLoading, startLoadingAfter } from './stores/events'
import { afterNextPaint, holdFullListsUntil } from './stores/nodes.store'
import { showsFirstRun, useProfilesStore } from './stores/profiles.store'
import { useUiStore } from './stores/ui.store'
import './styles/global.css'

/** A slow start (a keychain prompt, say) shows the app with its own loading states after this long. */
const MOUNT_WAIT_MS = 200

// The chunk request goes out first so the host serves it before it spends time on the node snapshot.
const mounting = import('./mount')
const saved = readFirstScreen()
let painted: () => void = () => undefined
if (saved) {
  showFirstScreen(saved)
  // Main's answers are applied after the saved screen is on screen, not in a second render before it.
  startLoadingAfter(new Promise<void>((resolve) => (painted = resolve)))
}
const { firstData } = startLoading()
keepFirstScreenSaved()
const waited = saved ? Promise.resolve() : Promise.race([firstData, new Promise((r) => setTimeout(r, MOUNT_WAIT_MS))])

// A first run shows its own screen, not the list: have that chunk in before mounting, so it is the first render.
const screenReady = waited.then(() => {
  const { profiles, loaded } = useProfilesStore.getState()
  // A failed load is not fatal here: the screen's boundary shows the error and offers to try again.
  return loaded && showsFirstRun(profiles, useUiStore.getState().firstRunDone)
    ? preloadFirstRun().catch(() => null)
    : null
})

const root = document.getElementById('root')
if (root) {
  const mounted = Promise.all([mounting, screenReady]).then(([{ mount }]) => mount(root))
  holdFullListsUntil(mounted)
  void mounted.then(afterNextPaint).then(painted, painted)
} else painted()
