// App identity (name, version, preview flag) from app:info.
import { create } from 'zustand'
import type { AppInfo } from '../../../shared/ipc/contract'
import { asAppError, call, type AppError } from '../lib/ipc'

interface AppState {
  info: AppInfo | null
  error: AppError | null
  load(): Promise<void>
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  error: null,
  async load() {
    try {
      set({ info: await call((api) => api.app.info({})), error: null })
    } catch (e) {
      set({ error: asAppError(e) })
    }
  }
}))
