// The thin Electron side of updates: electron-updater finds, downloads and installs; the policy decides when
// and what the user is told. Nothing here is tested with a real updater; its logic lives in update-policy.ts.
import type { AppUpdater, UpdateCheckResult, UpdateDownloadedEvent } from 'electron-updater'
import type { Clock } from '../ports'
import type { Logger } from '../redact'
import { createUpdatePolicy, type UpdateChecker, type UpdatePolicy } from './update-policy'
import type { UpdateSupport } from './update-support'

type UpdaterLike = Pick<
  AppUpdater,
  'checkForUpdates' | 'quitAndInstall' | 'autoDownload' | 'autoInstallOnAppQuit' | 'logger'
> & {
  on(event: 'update-downloaded', listener: (info: UpdateDownloadedEvent) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export function createUpdaterChecker(updater: UpdaterLike, log: Logger): UpdateChecker {
  updater.autoDownload = true
  updater.autoInstallOnAppQuit = true
  // electron-updater logs feed URLs and versions; through our scrubbing logger, never the console.
  updater.logger = {
    info: (m: unknown) => log.info(`updater: ${String(m)}`),
    warn: (m: unknown) => log.warn(`updater: ${String(m)}`),
    error: (m: unknown) => log.error(`updater: ${String(m)}`)
  }
  return {
    async check() {
      const result: UpdateCheckResult | null = await updater.checkForUpdates()
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : null
    },
    install: () => updater.quitAndInstall()
  }
}

export function forwardUpdaterEvents(updater: UpdaterLike, policy: UpdatePolicy, log: Logger): void {
  updater.on('update-downloaded', (info) => policy.downloaded(info.version))
  updater.on('error', (error) => {
    log.warn('updater: failed', { error: error.message })
    policy.failed()
  })
}

/** The app's update policy, wired to electron-updater only when this install updates itself. */
export function createAppUpdates(deps: {
  support: UpdateSupport
  clock: Clock
  isOnline(): boolean
  updater: () => UpdaterLike
  log: Logger
}): UpdatePolicy {
  const base = { clock: deps.clock, support: deps.support, isOnline: deps.isOnline }
  if (!deps.support.enabled)
    return createUpdatePolicy({ ...base, checker: { check: async () => null, install: () => undefined } })
  const updater = deps.updater()
  const policy = createUpdatePolicy({ ...base, checker: createUpdaterChecker(updater, deps.log) })
  forwardUpdaterEvents(updater, policy, deps.log)
  return policy
}
