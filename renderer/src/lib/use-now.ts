import { useEffect, useState } from 'react'

/**
 * The current time, re-read every `everyMs` while the page shows, and at once when it comes back (a hidden window or
 * tray popover keeps its last render: without the re-read an age could read "just now" for up to a tick). Nothing
 * ticks while the page is hidden. Keep it in small components so ticking re-renders little.
 */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined
    const start = () => {
      clearInterval(timer)
      timer = document.visibilityState === 'hidden' ? undefined : setInterval(() => setNow(Date.now()), everyMs)
    }
    // Back in view: the time now, then the ticks again. (Not on mount: that would be a second render at start-up.)
    const resync = () => {
      if (document.visibilityState !== 'hidden') setNow(Date.now())
      start()
    }
    start()
    document.addEventListener('visibilitychange', resync)
    window.addEventListener('focus', resync)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', resync)
      window.removeEventListener('focus', resync)
    }
  }, [everyMs])
  return now
}
