// Entry: ask main for the window's data first, then load and mount React. The stores are small; React and the
// screens come in a second chunk, so the IPC round trips run while that chunk loads and evaluates. The steps and
// their order live in start-up.ts; this file hands it the page's own mount, paint and idle hooks.
import { afterNextPaint } from './lib/after-paint'
import { preloadFirstRun } from './lazy-screens'
import { startWindow } from './start-up'
import './styles/global.css'
import './styles/shell.css'
// The list's styles (and the shared components' and profile banners' it shows) come with the page, not with the
// mount chunk: a lazy chunk's CSS is a stylesheet the import waits for, and its arrival painted an extra, empty frame
// before the list's. Same order as the chunk inserted them, after the global styles.
import './components/components.css'
import './features/profiles/profiles.css'
import './features/nodes/nodes.css'

// The chunk request goes out first so the host serves it before it spends time on the node snapshot.
const mounting = import('./mount')
const root = document.getElementById('root')

startWindow({
  mount: async () => {
    const { mount } = await mounting
    if (root) mount(root)
  },
  afterPaint: afterNextPaint,
  whenIdle: (fn) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 5000 })
    else setTimeout(fn, 1000)
  },
  preloadFirstRun
})
