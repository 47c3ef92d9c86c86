import { create } from 'zustand'
import type { ProfileView } from '../../../shared/domain/profile'
import { asAppError, call, type AppError } from '../lib/ipc'

interface ProfilesState {
  profiles: ProfileView[]
  loaded: boolean
  error: AppError | null
  load(): Promise<void>
  apply(profiles: ProfileView[]): void
}

export const useProfilesStore = create<ProfilesState>()((set) => ({
  profiles: [],
  loaded: false,
  error: null,
  async load() {
    try {
      set({ profiles: await call((api) => api.profiles.list({})), loaded: true, error: null })
    } catch (e) {
      set({ error: asAppError(e) })
    }
  },
  apply: (profiles) => set({ profiles, loaded: true })
}))

export const userProfiles = (profiles: ProfileView[]): ProfileView[] => profiles.filter((p) => !p.isDemo)

/** The first-run screen shows until the user has a profile of their own or chose the demo. */
export const showsFirstRun = (profiles: ProfileView[], firstRunDone: boolean): boolean =>
  profiles.length === 0 || (userProfiles(profiles).length === 0 && !firstRunDone)

/** Whether the first run counts as done: the user finished it, or the app was started to open on the demo
 * (`npm start` from a checkout, `--demo on`), which then stands in for "Explore the demo". */
export const firstRunPassed = (firstRunDone: boolean, info: { startsOnDemo?: boolean } | null): boolean =>
  firstRunDone || info?.startsOnDemo === true

export function profileById(profiles: ProfileView[], id: string): ProfileView | undefined {
  return profiles.find((p) => p.id === id)
}
