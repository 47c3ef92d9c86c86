// One poller per profile. Pure scheduling: an injected Clock and a run() callback, no HTTP of its own.
// Runs never overlap; the cadence follows intervalMs() (fast while something moves, steady otherwise) and backs
// off after errors, longer still after a 429.
import type { AppErrorData } from '../../../shared/domain/errors'
import type { Clock } from '../ports'
import { spreadGroup } from './spread'

export const FAST_INTERVAL_MS = 5_000
export const BACKOFF_BASE_MS = 5_000
export const BACKOFF_MAX_MS = 10 * 60_000
export const RATE_LIMIT_MIN_MS = 30_000
/** A menu or window opening refreshes at most this often. */
export const POKE_MIN_GAP_MS = 10_000

export type RunResult = { ok: true } | { ok: false; error: Pick<AppErrorData, 'code' | 'retryAfterMs'> }

export interface PollerOptions {
  clock: Clock
  run: () => Promise<RunResult>
  /** The healthy cadence right now (asked after every run and on reschedule()). */
  intervalMs: () => number
  /** Called whenever the next planned run changes (null: none planned). */
  onSchedule?: (nextAt: number | null) => void
}

export interface Poller {
  /** Plans the first run now. */
  start(): void
  stop(): void
  /** User pause: no timed runs and no pokes; runNow() still works. Unpausing refreshes at once. */
  setPaused(paused: boolean): void
  /** Sleep / screen lock: nothing at all is sent. Resuming refreshes at once. */
  setSuspended(suspended: boolean): void
  /** Debounced "refresh soon". */
  poke(): void
  /** Refresh now. While a run is in flight, one follow-up run is queued and every caller waits for it. */
  runNow(): Promise<void>
  /** The interval may have changed (a node started moving, an action is pending): plan again. */
  reschedule(): void
  readonly nextAt: number | null
  readonly consecutiveErrors: number
  readonly inFlight: boolean
}

export function backoffMs(consecutiveErrors: number): number {
  const n = Math.max(0, consecutiveErrors - 1)
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(n, 20))
}

export function createPoller(opts: PollerOptions): Poller {
  const { clock } = opts
  let started = false
  let paused = false
  let suspended = false
  let timer: unknown = null
  let nextAt: number | null = null
  let current: Promise<void> | null = null
  let followUp: Promise<void> | null = null
  let lastStartedAt: number | null = null
  let lastFinishedAt: number | null = null
  let consecutiveErrors = 0
  /** After a 429 or an error: nothing before this, whatever the interval says. */
  let notBefore = 0
  // Other profiles' pollers on this clock: steady runs are spread over the interval (see spread.ts).
  const spread = spreadGroup(clock, {
    anchor: () => {
      if (blocked()) return null
      if (current) return (lastStartedAt ?? clock.now()) + opts.intervalMs()
      return nextAt
    }
  })

  const blocked = (): boolean => !started || paused || suspended

  function clearTimer(): void {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
  }

  function setNext(at: number | null): void {
    if (at === nextAt) return
    nextAt = at
    opts.onSchedule?.(at)
  }

  function planAt(at: number): void {
    clearTimer()
    const now = clock.now()
    const when = Math.max(at, now)
    setNext(when)
    timer = clock.setTimeout(() => {
      timer = null
      void tick()
    }, when - now)
  }

  /** Where the next timed run belongs given what we know now. */
  function plan(): void {
    if (blocked() || current) {
      clearTimer()
      if (blocked()) setNext(null)
      return
    }
    if (lastFinishedAt === null) return planAt(clock.now())
    const interval = opts.intervalMs()
    let healthyAt = lastFinishedAt + interval
    // Fast polling follows a node the user is watching: it is never delayed for the others.
    if (interval > FAST_INTERVAL_MS) healthyAt = spread.place(healthyAt, interval)
    planAt(consecutiveErrors > 0 ? notBefore : Math.max(healthyAt, notBefore))
  }

  async function execute(): Promise<void> {
    clearTimer()
    setNext(null)
    lastStartedAt = clock.now()
    let result: RunResult
    try {
      result = await opts.run()
    } catch {
      result = { ok: false, error: { code: 'INTERNAL' } }
    }
    const now = clock.now()
    lastFinishedAt = now
    if (result.ok) {
      consecutiveErrors = 0
      notBefore = 0
    } else {
      consecutiveErrors++
      let wait = backoffMs(consecutiveErrors)
      if (result.error.code === 'RATE_LIMITED') wait = Math.max(wait, RATE_LIMIT_MIN_MS, result.error.retryAfterMs ?? 0)
      notBefore = now + wait
    }
  }

  function launch(): Promise<void> {
    const p = execute().finally(() => {
      current = null
      plan()
    })
    current = p
    return p
  }

  async function tick(): Promise<void> {
    if (blocked() || current) return
    await launch()
  }

  return {
    start() {
      if (started) return
      started = true
      spread.join()
      plan()
    },
    stop() {
      started = false
      clearTimer()
      setNext(null)
      spread.leave()
    },
    setPaused(value) {
      if (paused === value) return
      paused = value
      if (!value && !blocked() && !current) void launch()
      else plan()
    },
    setSuspended(value) {
      if (suspended === value) return
      suspended = value
      if (!value && !blocked() && !current) void launch()
      else plan()
    },
    poke() {
      if (blocked() || current) return
      const now = clock.now()
      if (lastStartedAt !== null && now - lastStartedAt < POKE_MIN_GAP_MS) return
      if (now < notBefore) return
      void launch()
    },
    runNow() {
      if (suspended) return Promise.resolve()
      if (!current) return launch()
      // Coalesce: everyone asking during this run shares one follow-up run (its data is newer than the request).
      followUp ??= current.then(() => {
        followUp = null
        return suspended ? undefined : (current ?? launch())
      })
      return followUp
    },
    reschedule() {
      if (timer !== null) plan()
    },
    get nextAt() {
      return nextAt
    },
    get consecutiveErrors() {
      return consecutiveErrors
    },
    get inFlight() {
      return current !== null
    }
  }
}
