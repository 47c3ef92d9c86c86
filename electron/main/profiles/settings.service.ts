// Settings live in profiles.json beside the profiles, so both share one atomic, serialised writer.
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings'
import { SettingsPatch } from '../../../shared/ipc/schemas'
import { DomainError, validationError } from '../errors'
import type { Logger } from '../redact'
import type { ProfilesFile } from './profiles-file'
import type { SettingsService } from './profiles.types'

export function createSettingsService(profilesFile: ProfilesFile, log: Logger): SettingsService {
  const listeners = new Set<(s: Settings) => void>()

  return {
    get: () => known(profilesFile.current().settings),
    async update(patch) {
      const parsed = SettingsPatch.safeParse(patch)
      if (!parsed.success) {
        const data = validationError(parsed.error)
        throw new DomainError('VALIDATION', data.message, { field: data.field, issues: data.issues })
      }
      const { hideDemo, ...rest } = parsed.data
      const clean = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<Settings>
      // hideDemo is the older spelling of !showDemo; showDemo wins when both come.
      if (clean.showDemo === undefined && hideDemo !== undefined) clean.showDemo = !hideDemo
      if (clean.showDemo !== undefined) clean.hideDemo = !clean.showDemo
      const next = await profilesFile.update((file) => {
        // Unknown keys (a newer Nodetray's settings) stay in the file; the page sees only the known ones.
        const settings = { ...file.settings, ...known(file.settings), ...clean }
        return { next: { ...file, settings }, result: known(settings) }
      })
      for (const l of listeners) {
        try {
          l({ ...next })
        } catch (err) {
          log.error('settings: listener failed', { err: String(err) })
        }
      }
      return { ...next }
    },
    onChanged(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

function known(s: Partial<Settings>): Settings {
  const d = DEFAULT_SETTINGS
  return {
    steadyIntervalSec: s.steadyIntervalSec ?? d.steadyIntervalSec,
    notifications: s.notifications ?? d.notifications,
    launchAtLogin: s.launchAtLogin ?? d.launchAtLogin,
    startHidden: s.startHidden ?? d.startHidden,
    quitOnClose: s.quitOnClose ?? d.quitOnClose,
    // Opt-in: a file from before showDemo existed (only hideDemo) starts with the demo off.
    showDemo: s.showDemo ?? d.showDemo,
    hideDemo: !(s.showDemo ?? d.showDemo),
    glanceShortcut: s.glanceShortcut ?? d.glanceShortcut
  }
}
