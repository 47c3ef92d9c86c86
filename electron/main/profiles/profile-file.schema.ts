// The on-disk shape of profiles.json. It never holds secrets: those live in the OS keychain.
import { z } from 'zod'
import { LOCATIONS } from '../../../shared/domain/location'
import type { Profile } from '../../../shared/domain/profile'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings'

export const PROFILE_FILE_VERSION = 2

export interface ProfileFileV2 {
  version: 2
  profiles: Profile[]
  settings: Settings
}

export const ProfileSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().min(1).max(100),
  projectId: z.string().regex(/^\d{1,12}$/),
  location: z.enum(LOCATIONS),
  apiBaseUrl: z.string().min(1).max(300),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  initials: z.string().min(1).max(2),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable()
}) satisfies z.ZodType<Profile>

// Settings are read leniently: a missing or bad value takes its default instead of failing the whole file.
const lenient = <T extends z.ZodType>(schema: T, fallback: z.infer<T>) => schema.catch(fallback)
export const SettingsSchema = z
  .object({
    steadyIntervalSec: lenient(z.number().int().min(15).max(3600), DEFAULT_SETTINGS.steadyIntervalSec),
    notifications: lenient(z.boolean(), DEFAULT_SETTINGS.notifications),
    launchAtLogin: lenient(z.boolean(), DEFAULT_SETTINGS.launchAtLogin),
    startHidden: lenient(z.boolean(), DEFAULT_SETTINGS.startHidden),
    quitOnClose: lenient(z.boolean(), DEFAULT_SETTINGS.quitOnClose),
    hideDemo: lenient(z.boolean(), DEFAULT_SETTINGS.hideDemo)
  })
  .catch({ ...DEFAULT_SETTINGS }) satisfies z.ZodType<Settings>

export const ProfileFileV2Schema = z.object({
  version: z.literal(2),
  profiles: z.array(ProfileSchema),
  settings: SettingsSchema.default({ ...DEFAULT_SETTINGS })
})

export function emptyProfileFile(): ProfileFileV2 {
  return { version: 2, profiles: [], settings: { ...DEFAULT_SETTINGS } }
}
