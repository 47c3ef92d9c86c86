import { create } from 'zustand'
import type { z } from 'zod'
import type { Settings } from '../../../shared/domain/settings'
import type { SettingsPatch } from '../../../shared/ipc/schemas'
import { asAppError, call, type AppError } from '../lib/ipc'

interface SettingsState {
  settings: Settings | null
  error: AppError | null
  load(): Promise<void>
  /** Throws the typed error so the form can show it by its field. */
  update(patch: z.infer<typeof SettingsPatch>): Promise<Settings>
  apply(settings: Settings): void
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: null,
  error: null,
  async load() {
    try {
      set({ settings: await call((api) => api.settings.get({})), error: null })
    } catch (e) {
      set({ error: asAppError(e) })
    }
  },
  async update(patch) {
    // Optimistic, so a checkbox flips at once (a controlled input would snap back while the call runs).
    const before = get().settings
    if (before) set({ settings: { ...before, ...stripUndefined(patch) } })
    try {
      const settings = await call((api) => api.settings.update(patch))
      set({ settings })
      return settings
    } catch (e) {
      set({ settings: before })
      throw e
    }
  },
  apply: (settings) => set({ settings })
}))

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
