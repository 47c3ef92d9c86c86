// Profile form values and their as-you-type checks, from the same zod schemas main parses with.
import type { z } from 'zod'
import { LOCATIONS, type Location } from '../../../../shared/domain/location'
import { projectScopeKey, type ProfileView } from '../../../../shared/domain/profile'
import { ProfileCreateInput, ProfileUpdateInput } from '../../../../shared/ipc/schemas'

export interface ProfileFormValues {
  name: string
  projectId: string
  location: Location
  apiKey: string
  authToken: string
  color: string
  initials: string
  apiBaseUrl: string
}
export type FieldName = keyof ProfileFormValues
export type FieldErrors = Partial<Record<FieldName, string>>

const PALETTE = ['#2563eb', '#16a34a', '#db2777', '#ea580c', '#7c3aed', '#0891b2', '#ca8a04']

export function initialValues(profile?: ProfileView, index = 0): ProfileFormValues {
  return {
    name: profile?.name ?? '',
    projectId: profile?.projectId ?? '',
    location: profile?.location ?? (LOCATIONS[0] as Location),
    // Secrets are never prefilled: the renderer never has them.
    apiKey: '',
    authToken: '',
    color: profile?.color ?? (PALETTE[index % PALETTE.length] as string),
    initials: profile?.initials ?? '',
    apiBaseUrl: profile && !profile.isDemo ? profile.apiBaseUrl : ''
  }
}

const shape = ProfileCreateInput.shape

function check(schema: z.ZodType, value: unknown): string | undefined {
  const r = schema.safeParse(value)
  return r.success ? undefined : r.error.issues[0]?.message
}

/** A JWT's `exp`, read without checking anything else (main checks again; E2E verifies the token). */
export function tokenExpiry(token: string): Date | null {
  const part = token.trim().split('.')[1]
  if (!part) return null
  try {
    const json = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown }
    if (typeof json.exp !== 'number' || !Number.isFinite(json.exp)) return null
    const d = new Date(json.exp * 1000)
    return Number.isNaN(d.getTime()) ? null : d
  } catch {
    return null
  }
}

const expiredText = (d: Date) =>
  `This token expired on ${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}. Create a new one in MyAccount → API & IAM.`

/**
 * Errors per field; on edit, blank credentials are fine (they keep the stored ones), except when the API address
 * changes: main never sends stored secrets to a new address, so both must be typed again.
 */
export function validate(
  values: ProfileFormValues,
  editing: boolean,
  storedBaseUrl?: string,
  now: number = Date.now()
): FieldErrors {
  const exp = values.authToken.trim() === '' ? null : tokenExpiry(values.authToken)
  const newAddress = editing && values.apiBaseUrl.trim() !== '' && values.apiBaseUrl.trim() !== storedBaseUrl
  const again = (what: string) => `Enter the ${what} again to use a new API address`
  const errors: FieldErrors = {
    name: check(shape.name, values.name),
    projectId: check(shape.projectId, values.projectId),
    location: check(shape.location, values.location),
    apiKey:
      editing && values.apiKey === ''
        ? newAddress
          ? again('API key')
          : undefined
        : values.apiKey === ''
          ? 'API key is required'
          : check(shape.apiKey, values.apiKey),
    authToken:
      editing && values.authToken === ''
        ? newAddress
          ? again('auth token')
          : undefined
        : values.authToken === ''
          ? 'Auth token is required'
          : (check(shape.authToken, values.authToken) ?? (exp && exp.getTime() <= now ? expiredText(exp) : undefined)),
    color: check(shape.color.unwrap(), values.color),
    initials: values.initials === '' ? undefined : check(shape.initials.unwrap(), values.initials),
    apiBaseUrl: values.apiBaseUrl.trim() === '' ? undefined : check(shape.apiBaseUrl.unwrap(), values.apiBaseUrl)
  }
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v !== undefined)) as FieldErrors
}

export function toCreateInput(v: ProfileFormValues): z.infer<typeof ProfileCreateInput> {
  return {
    name: v.name.trim(),
    projectId: v.projectId.trim(),
    location: v.location,
    apiKey: v.apiKey.trim(),
    authToken: v.authToken.trim(),
    color: v.color,
    ...(v.initials.trim() ? { initials: v.initials.trim() } : {}),
    ...(v.apiBaseUrl.trim() ? { apiBaseUrl: v.apiBaseUrl.trim() } : {})
  }
}

export function toUpdateInput(profileId: string, v: ProfileFormValues): z.infer<typeof ProfileUpdateInput> {
  return {
    profileId,
    name: v.name.trim(),
    projectId: v.projectId.trim(),
    location: v.location,
    color: v.color,
    ...(v.initials.trim() ? { initials: v.initials.trim() } : {}),
    ...(v.apiBaseUrl.trim() ? { apiBaseUrl: v.apiBaseUrl.trim() } : {}),
    ...(v.apiKey.trim() ? { apiKey: v.apiKey.trim() } : {}),
    ...(v.authToken.trim() ? { authToken: v.authToken.trim() } : {})
  }
}

/** Maps a server field path ("authToken", "entries.0.name") to a form field, if it is one. */
export function formField(path: string | undefined): FieldName | undefined {
  const head = path?.split('.')[0]
  const names: FieldName[] = ['name', 'projectId', 'location', 'apiKey', 'authToken', 'color', 'initials', 'apiBaseUrl']
  return names.find((n) => n === head)
}

/**
 * Other profiles that point at the project, location and API address the form has now (however typed): each node of
 * that project would show once per profile (the totals count it once: onePerScope). Said, not refused: two profiles
 * with other keys for one project are legitimate, and the name lock is shared (main's nameTakenInScope).
 */
export function sameProjectProfiles(
  profiles: readonly ProfileView[],
  v: Pick<ProfileFormValues, 'projectId' | 'location' | 'apiBaseUrl'>,
  editingId?: string
): ProfileView[] {
  if (!/^\d+$/.test(v.projectId.trim())) return []
  const key = projectScopeKey(v)
  return profiles.filter((p) => p.id !== editingId && !p.isDemo && projectScopeKey(p) === key)
}

/**
 * Said when the credentials check (profiles:check-credentials) gets a 404: nothing at the API address answers as
 * E2E's API, so the address is wrong. The general words for NOT_FOUND speak of a node or resource that was deleted,
 * which is not what happened here.
 */
export const NO_API_AT_ADDRESS =
  'No E2E API answered at this address. Check the API base URL (it usually ends in /myaccount/api/v1).'

/** A 404 from E2E (it has a status) to the credentials check; main's own NOT_FOUND (a deleted profile) has none. */
export function isNoApiAtAddress(err: { code: string; data: { status?: number } }): boolean {
  return err.code === 'NOT_FOUND' && err.data.status !== undefined
}
