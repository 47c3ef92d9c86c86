// When to look for an update and what the user is told, as a pure service over a clock, a network probe and a
// checker. Checks a little after start and then every few hours; never while offline; after a failure it tries
// again sooner, doubling the wait up to the normal interval. electron-updater downloads an update it finds; once
// downloaded, "Restart to update" installs it. The Electron side (electron-updater-adapter.ts) only forwards.
import type { UpdateStatus } from '../../../shared/domain/updates'
import type { Clock } from '../ports'
import type { UpdateSupport } from './update-support'

export const FIRST_CHECK_DELAY_MS = 30_000 // after start, so the check never competes with the first paint
export const CHECK_INTERVAL_MS = 4 * 60 * 60_000
export const FIRST_RETRY_MS = 15 * 60_000
export const OFFLINE_RETRY_MS = 5 * 60_000

export interface UpdateChecker {
  /** Resolves with the newer version found (its download starts) or null when up to date; rejects on failure. */
  check(): Promise<{ version: string } | null>
  /** Quits and installs the downloaded update. */
  install(): void
}

export interface UpdatePolicyDeps {
  clock: Clock
  support: UpdateSupport
  isOnline(): boolean
  checker: UpdateChecker
}

export interface UpdatePolicy {
  start(): void
  stop(): void
  status(): UpdateStatus
  onChanged(listener: (status: UpdateStatus) => void): () => void
  /** From the updater: the download of `version` finished. */
  downloaded(version: string): void
  /** From the updater: a download (or a check) failed outside a check() call. */
  failed(): void
  /** "Restart to update": true when an update was ready and is being installed. */
  restart(): boolean
}

export function retryDelay(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), CHECK_INTERVAL_MS)
}

export function createUpdatePolicy(deps: UpdatePolicyDeps): UpdatePolicy {
  const { clock } = deps
  let status: UpdateStatus = {
    state: 'idle',
    enabled: deps.support.enabled,
    version: null,
    message: deps.support.reason
  }
  let timer: unknown = null
  let failures = 0
  let running = false
  const listeners = new Set<(s: UpdateStatus) => void>()

  function set(next: Partial<UpdateStatus>): void {
    status = { ...status, ...next }
    for (const l of listeners) l(status)
  }

  function schedule(ms: number): void {
    if (timer !== null) clock.clearTimeout(timer)
    timer = running ? clock.setTimeout(() => void check(), ms) : null
  }

  function fail(): void {
    failures += 1
    const wait = retryDelay(failures)
    set({ state: 'error', message: `Could not check for updates; trying again in ${Math.round(wait / 60_000)} min.` })
    schedule(wait)
  }

  async function check(): Promise<void> {
    timer = null
    if (!running || status.state === 'checking' || status.state === 'downloaded') return
    if (!deps.isOnline()) return schedule(OFFLINE_RETRY_MS)
    set({ state: 'checking', message: null })
    try {
      const found = await deps.checker.check()
      if (!running) return
      failures = 0
      if (found) set({ state: 'available', version: found.version, message: `Downloading version ${found.version}…` })
      else set({ state: 'idle', version: null, message: null })
      schedule(CHECK_INTERVAL_MS)
    } catch {
      if (running) fail()
    }
  }

  return {
    start() {
      if (!deps.support.enabled || running) return
      running = true
      schedule(FIRST_CHECK_DELAY_MS)
    },
    stop() {
      running = false
      schedule(0)
    },
    status: () => status,
    onChanged(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    downloaded(version) {
      if (!deps.support.enabled) return
      // Nothing more to look for until the user restarts.
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
      set({ state: 'downloaded', version, message: `Version ${version} is ready. Restart to update.` })
    },
    failed() {
      if (running && status.state !== 'downloaded' && status.state !== 'checking') fail()
    },
    restart() {
      if (status.state !== 'downloaded') return false
      deps.checker.install()
      return true
    }
  }
}
