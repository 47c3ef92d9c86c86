// Forward migrations of profiles.json. Each step takes the previous version's parsed content; the store
// writes the result back (keeping the old file as profiles.json.bak) the first time it loads it.
import { z } from 'zod'
import { LOCATIONS } from '../../../shared/domain/location'
import { DEFAULT_API_BASE_URL } from '../../../shared/domain/profile'
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings'
import { PROFILE_FILE_VERSION, ProfileFileV2Schema, type ProfileFileV2 } from './profile-file.schema'

/** v1 (Nodetray 0.0.x): no settings, snake_case project_id as a number. */
const ProfileV1Schema = z.object({
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
const ProfileFileV1Schema = z.object({ version: z.literal(1), profiles: z.array(ProfileV1Schema) })

export function migrateV1toV2(v1: z.infer<typeof ProfileFileV1Schema>): ProfileFileV2 {
  return {
    version: 2,
    profiles: v1.profiles.map((p) => ({
      id: p.id,
      name: p.name,
      projectId: String(p.project_id),
      location: p.location,
      apiBaseUrl: p.apiBaseUrl ?? DEFAULT_API_BASE_URL,
      color: p.color,
      initials: p.initials,
      createdAt: p.createdAt,
      lastUsedAt: p.lastUsedAt ?? null
    })),
    settings: { ...DEFAULT_SETTINGS }
  }
}

export type ParsedProfileFile =
  { ok: true; file: ProfileFileV2; migratedFrom: number | null } | { ok: false; reason: string }

/** Parses any known version of the file and migrates it forward to the current one. */
export function parseProfileFile(text: string): ParsedProfileFile {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'it is not valid JSON' }
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined
  if (version === PROFILE_FILE_VERSION) {
    const r = ProfileFileV2Schema.safeParse(raw)
    return r.success ? { ok: true, file: r.data, migratedFrom: null } : { ok: false, reason: describe(r.error) }
  }
  if (version === 1) {
    const r = ProfileFileV1Schema.safeParse(raw)
    return r.success
      ? { ok: true, file: migrateV1toV2(r.data), migratedFrom: 1 }
      : { ok: false, reason: describe(r.error) }
  }
  if (typeof version === 'number' && version > PROFILE_FILE_VERSION) {
    return { ok: false, reason: `it was written by a newer Nodetray (file version ${version})` }
  }
  return { ok: false, reason: 'it has no known version number' }
}

function describe(error: z.ZodError): string {
  const first = error.issues[0]
  return first ? `"${first.path.join('.') || 'file'}" is invalid (${first.message})` : 'its content is invalid'
}
