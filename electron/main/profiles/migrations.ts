// Forward migrations of profiles.json. Each step takes the previous version's parsed content; the file
// writes the result back (keeping the old file as profiles.json.bak) the first time it loads it.
import { z } from 'zod'
import { LOCATIONS } from '../../../shared/domain/location'
import { DEFAULT_API_BASE_URL } from '../../../shared/domain/profile'
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings'
import { cleanProfileName } from '../../../shared/ipc/schemas'
import {
  emptyProfileFile,
  PROFILE_FILE_VERSION,
  ProfileFileShellSchema,
  ProfileSchema,
  SettingsSchema,
  type ProfileFileV2,
  type StoredProfile
} from './profile-file.schema'

/** v1 (Nodetray 0.0.x): no settings, snake_case project_id as a number. Loose: unknown fields survive. */
const ProfileV1Schema = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().min(1).max(100),
  project_id: z.number().int().nonnegative(),
  location: z.enum(LOCATIONS),
  apiBaseUrl: z.string().min(1).optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  initials: z.string().min(1).max(2),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable().optional()
})
const ProfileFileV1ShellSchema = z.looseObject({ version: z.literal(1), profiles: z.array(z.unknown()) })

/** One v1 profile as v2, keeping the fields v1 did not know. */
export function migrateProfileV1toV2(p: z.infer<typeof ProfileV1Schema>): StoredProfile {
  const { project_id: projectId, ...rest } = p
  return {
    ...rest,
    projectId: String(projectId),
    apiBaseUrl: p.apiBaseUrl ?? DEFAULT_API_BASE_URL,
    lastUsedAt: p.lastUsedAt ?? null
  }
}

/** A profile entry that could not be read: left in the file exactly as it was, and shown with the reason. */
export interface KeptAside {
  raw: unknown
  /** Its id and name when those at least could be read, for the notice and for the keychain sweep. */
  id: string | null
  name: string | null
  secretRef: string | null
  reason: string
}

export type ParsedProfileFile =
  | {
      ok: true
      file: ProfileFileV2
      migratedFrom: number | null
      keptAside: KeptAside[]
      /** Set when a newer Nodetray wrote the file: this version reads what it can and never writes it. */
      newerVersion: number | null
    }
  | { ok: false; reason: string }

/** Parses any known version of the file and migrates it forward; each v2+ profile is parsed on its own. */
export function parseProfileFile(text: string): ParsedProfileFile {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'it is not valid JSON' }
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined
  if (version === 1) {
    // Per profile, like v2: a bad entry is kept aside (verbatim) and the others load; unknown fields survive.
    const shell = ProfileFileV1ShellSchema.safeParse(raw)
    if (!shell.success) return { ok: false, reason: describe(shell.error) }
    const { profiles: entries, settings, ...top } = shell.data
    const profiles: StoredProfile[] = []
    const keptAside: KeptAside[] = []
    for (const entry of entries) {
      const r = ProfileV1Schema.safeParse(entry)
      const v2 = r.success ? ProfileSchema.safeParse(migrateProfileV1toV2(r.data)) : null
      if (v2?.success) profiles.push(v2.data)
      else keptAside.push({ raw: entry, ...identify(entry), reason: describe((v2?.error ?? r.error) as z.ZodError) })
    }
    const file: ProfileFileV2 = {
      ...top,
      version: PROFILE_FILE_VERSION,
      profiles,
      settings: SettingsSchema.parse(settings ?? { ...DEFAULT_SETTINGS })
    }
    return { ok: true, file, migratedFrom: 1, keptAside, newerVersion: null }
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < PROFILE_FILE_VERSION)
    return { ok: false, reason: 'it has no known version number' }
  const newerVersion = version > PROFILE_FILE_VERSION ? version : null
  const shell = ProfileFileShellSchema.safeParse(raw)
  if (!shell.success) {
    if (newerVersion === null) return { ok: false, reason: describe(shell.error) }
    // A newer layout we cannot read at all: still not corrupt, just not ours to change.
    return { ok: true, file: emptyProfileFile(), migratedFrom: null, keptAside: [], newerVersion }
  }
  const profiles: StoredProfile[] = []
  const keptAside: KeptAside[] = []
  for (const entry of shell.data.profiles) {
    const r = ProfileSchema.safeParse(entry)
    if (r.success) profiles.push(r.data)
    else keptAside.push({ raw: entry, ...identify(entry), reason: describe(r.error) })
  }
  const file: ProfileFileV2 = { ...shell.data, version: PROFILE_FILE_VERSION, profiles }
  return { ok: true, file, migratedFrom: null, keptAside, newerVersion }
}

function identify(entry: unknown): Pick<KeptAside, 'id' | 'name' | 'secretRef'> {
  const o = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {}
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : null)
  const id = str(o.id)
  // Shown in a notice: no bidi or zero-width characters from a file edited by hand.
  const raw = str(o.name)
  const name = raw === null ? null : cleanProfileName(raw) || null
  return { id, name, secretRef: str(o.secretRef) ?? id }
}

function describe(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return 'its content is invalid'
  return `"${first.path.join('.') || 'file'}" is invalid (${first.message})`
}
