// Entry: ask main for the window's data first, then load and mount React. The stores are small; React and the
// screens come in a second chunk, so the IPC round trips run while that chunk loads and evaluates. React mounts
// once the first answers are in, so the first render is the list itself rather than a spinner rendered over.
import { startLoading } from './stores/events'
import { preloadFirstRun } from './lazy-screens'
import { holdFullListsUntil } from './stores/nodes.store'
import { showsFirstRun, useProfilesStore } from './stores/profiles.store'
import { useUiStore } from './stores/ui.store'
import './styles/global.css'

/** A slow start (a keychain prompt, say) shows the app with its own loading states after this long. */
const MOUNT_WAIT_MS = 200

// The chunk request goes out first so the host serves it before it spends time on the node snapshot.
const mounting = import('./mount')
const { firstData } = startLoading()
const waited = Promise.race([firstData, new Promise((r) => setTimeout(r, MOUNT_WAIT_MS))])

// A first run shows its own screen, not the list: have that chunk in before mounting, so it is the first render.
const screenReady = waited.then(() => {
  const { profiles, loaded } = useProfilesStore.getState()
  // A failed load is not fatal here: the screen's Suspense boundary tries again and shows the error.
  return loaded && showsFirstRun(profiles, useUiStore.getState().firstRunDone)
    ? preloadFirstRun().catch(() => null)
    : null
})

const root = document.getElementById('root')
if (root) holdFullListsUntil(Promise.all([mounting, screenReady]).then(([{ mount }]) => mount(root)))
