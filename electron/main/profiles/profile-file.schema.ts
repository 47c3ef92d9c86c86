// The on-disk shape of profiles.json. It never holds secrets: those live in the OS keychain. Objects are loose:
// fields a newer Nodetray added survive our rewrites (top level, per profile, settings).
import { z } from 'zod'
import { LOCATIONS } from '../../../shared/domain/location'
import type { Profile } from '../../../shared/domain/profile'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings'
import { cleanProfileName } from '../../../shared/ipc/schemas'

export const PROFILE_FILE_VERSION = 2

/** A profile as stored: the shared fields and the keychain entry that holds its secrets (plus, at run time,
 * any fields we do not know, kept by the loose schema and by spreading the old profile into the new). */
export interface StoredProfile extends Profile {
  /** The keychain account of its secrets; absent in files written before it existed, then the profile id. */
  secretRef?: string
}

export interface ProfileFileV2 {
  version: 2
  profiles: StoredProfile[]
  settings: Settings
  /** This data folder's id, in every keychain account it writes (see keychain-refs.ts); set by profiles-file.ts. */
  installId?: string
  [unknownField: string]: unknown
}

const SECRET_REF_RE = /^[A-Za-z0-9_.-]{1,100}$/

/** A saved name is shown cleaned (an older Nodetray let bidi and zero-width characters in); all-invisible is refused. */
export const StoredName = z
  .string()
  .max(100)
  .transform(cleanProfileName)
  .pipe(z.string().min(1, 'the name is empty or has only invisible characters'))

export const ProfileSchema = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: StoredName,
  projectId: z.string().regex(/^\d{1,12}$/),
  location: z.enum(LOCATIONS),
  apiBaseUrl: z.string().min(1).max(300),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  initials: z.string().min(1).max(2),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  secretRef: z.string().regex(SECRET_REF_RE).optional()
}) satisfies z.ZodType<StoredProfile>

/** The keychain account holding a stored profile's secrets. */
export function secretRefOf(p: Pick<StoredProfile, 'id' | 'secretRef'>): string {
  return p.secretRef ?? p.id
}

/** Only the fields the page may see: never the keychain reference or unknown fields. */
export function publicProfile(p: Profile): Profile {
  const { id, name, projectId, location, apiBaseUrl, color, initials, createdAt, lastUsedAt } = p
  return { id, name, projectId, location, apiBaseUrl, color, initials, createdAt, lastUsedAt }
}

// Settings are read leniently: a missing or bad value takes its default instead of failing the whole file.
const lenient = <T extends z.ZodType>(schema: T, fallback: z.infer<T>) => schema.catch(fallback)
export const SettingsSchema = z
  .looseObject({
    steadyIntervalSec: lenient(z.number().int().min(15).max(3600), DEFAULT_SETTINGS.steadyIntervalSec),
    notifications: lenient(z.boolean(), DEFAULT_SETTINGS.notifications),
    launchAtLogin: lenient(z.boolean(), DEFAULT_SETTINGS.launchAtLogin),
    startHidden: lenient(z.boolean(), DEFAULT_SETTINGS.startHidden),
    quitOnClose: lenient(z.boolean(), DEFAULT_SETTINGS.quitOnClose),
    showDemo: lenient(z.boolean(), DEFAULT_SETTINGS.showDemo),
    hideDemo: lenient(z.boolean(), DEFAULT_SETTINGS.hideDemo),
    glanceShortcut: lenient(z.boolean(), DEFAULT_SETTINGS.glanceShortcut)
  })
  .catch({ ...DEFAULT_SETTINGS }) satisfies z.ZodType<Settings>

/** The file around its profiles: each profile is parsed on its own (see migrations.ts). */
export const ProfileFileShellSchema = z.looseObject({
  version: z.number(),
  profiles: z.array(z.unknown()),
  settings: SettingsSchema.default({ ...DEFAULT_SETTINGS })
})

export const ProfileFileV2Schema = z.looseObject({
  version: z.literal(2),
  profiles: z.array(ProfileSchema),
  settings: SettingsSchema.default({ ...DEFAULT_SETTINGS })
})

export function emptyProfileFile(): ProfileFileV2 {
  return { version: 2, profiles: [], settings: { ...DEFAULT_SETTINGS } }
}
