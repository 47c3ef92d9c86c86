// The popover window is hidden and shown, not reloaded: "shown" is the window gaining focus, "hidden" the page
// becoming invisible (Electron reports a hidden BrowserWindow to the page as document.hidden).
import { useEffect, useLayoutEffect, useRef, useState } from 'react'

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

/**
 * The time, re-read every `everyMs` while the popover shows and at once when it comes up (a hidden popover keeps
 * its last render: without the re-read on show, an age read "just now" for up to a tick after a failed refresh).
 * Nothing ticks while it is hidden.
 */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined
    const sync = () => {
      clearInterval(timer)
      timer = undefined
      if (document.visibilityState === 'hidden') return
      setNow(Date.now())
      timer = setInterval(() => setNow(Date.now()), everyMs)
    }
    sync()
    document.addEventListener('visibilitychange', sync)
    window.addEventListener('focus', sync)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', sync)
      window.removeEventListener('focus', sync)
    }
  }, [everyMs])
  return now
}
