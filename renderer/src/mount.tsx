// React and the app, in their own chunk: main.tsx starts the first IPC calls before this (the bulk of the
// script) is fetched and evaluated.
import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { preloadScreens } from './lazy-screens'

/** Renders synchronously, so the caller knows the first frame is committed when this returns. */
export function mount(root: HTMLElement): void {
  // User Timing marks: the renderer bench splits the first paint into its phases with them.
  performance.mark('nodetray:mount')
  const reactRoot = createRoot(root)
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>
    )
  )
  performance.mark('nodetray:mounted')
  // The other screens' chunks load while the user looks at the list, when the page is idle.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void preloadScreens(), { timeout: 2000 })
  else setTimeout(() => void preloadScreens(), 500)
}
