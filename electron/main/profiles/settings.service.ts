// Settings live in profiles.json beside the profiles, so both share one atomic, serialised writer.
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings'
import { SettingsPatch } from '../../../shared/ipc/schemas'
import { DomainError } from '../errors'
import { validationError } from '../ipc/registry'
import type { Logger } from '../redact'
import type { ProfileStore } from './profile-store'
import type { SettingsService } from './profiles.types'

export function createSettingsService(store: ProfileStore, log: Logger): SettingsService {
  const listeners = new Set<(s: Settings) => void>()

  return {
    get: () => ({ ...DEFAULT_SETTINGS, ...store.current().settings }),
    async update(patch) {
      const parsed = SettingsPatch.safeParse(patch)
      if (!parsed.success) {
        const data = validationError(parsed.error)
        throw new DomainError('VALIDATION', data.message, { field: data.field, issues: data.issues })
      }
      const clean = Object.fromEntries(
        Object.entries(parsed.data).filter(([, v]) => v !== undefined)
      ) as Partial<Settings>
      const next = await store.update((file) => {
        const settings = { ...DEFAULT_SETTINGS, ...file.settings, ...clean }
        return { next: { ...file, settings }, result: settings }
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
