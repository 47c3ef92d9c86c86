// The popover window is hidden and shown, not reloaded: "shown" is the window gaining focus, "hidden" the page
// becoming invisible (Electron reports a hidden BrowserWindow to the page as document.hidden).
import { useEffect, useLayoutEffect, useRef } from 'react'

/** Calls `onShown` each time the popover comes up and `onHidden` each time it goes away. */
export function useOnShown(onShown: () => void, onHidden: () => void): void {
  const latest = useRef({ onShown, onHidden })
  useLayoutEffect(() => {
    latest.current = { onShown, onHidden }
  })
  useEffect(() => {
    const shown = () => latest.current.onShown()
    const changed = () => {
      if (document.visibilityState === 'hidden') latest.current.onHidden()
      else if (document.hasFocus()) latest.current.onShown()
    }
    window.addEventListener('focus', shown)
    document.addEventListener('visibilitychange', changed)
    return () => {
      window.removeEventListener('focus', shown)
      document.removeEventListener('visibilitychange', changed)
    }
  }, [])
}

/** The popover's tallest: its design height, or the screen's work area when that is shorter. */
export const GLANCE_MAX_HEIGHT = 560

/** Tells the CSS how tall the popover may grow on this screen (the display can change between shows). */
export function fitToScreen(): void {
  const avail = globalThis.screen?.availHeight ?? GLANCE_MAX_HEIGHT
  document.documentElement.style.setProperty('--glance-max', `${Math.min(GLANCE_MAX_HEIGHT, avail - 12)}px`)
}
