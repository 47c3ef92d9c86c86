// Entry: ask main for the window's data first, then load and mount React. The stores are small; React and the
// screens come in a second chunk, so the IPC round trips run while that chunk loads, evaluates and mounts.
import { startLoading } from './stores/events'
import './styles/global.css'

// The chunk request goes out first so the host serves it before it spends time on the node snapshot.
const mounting = import('./mount')
void startLoading()

const root = document.getElementById('root')
if (root) void mounting.then(({ mount }) => mount(root))
