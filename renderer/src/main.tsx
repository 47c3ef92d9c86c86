// Entry: ask main for the window's data first, then load and mount React. The stores are small; React and the
// screens come in a second chunk, so the IPC round trips run while that chunk loads and evaluates. React mounts
// once the first answers are in, so the first render is the list itself rather than a spinner rendered over.
import { startLoading } from './stores/events'
import { holdFullListsUntil } from './stores/nodes.store'
import './styles/global.css'

/** A slow start (a keychain prompt, say) shows the app with its own loading states after this long. */
const MOUNT_WAIT_MS = 200

// The chunk request goes out first so the host serves it before it spends time on the node snapshot.
const mounting = import('./mount')
const { firstData } = startLoading()
const waited = Promise.race([firstData, new Promise((r) => setTimeout(r, MOUNT_WAIT_MS))])

const root = document.getElementById('root')
if (root) holdFullListsUntil(Promise.all([mounting, waited]).then(([{ mount }]) => mount(root)))
