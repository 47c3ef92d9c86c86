import type { Location } from './location'

export const DEFAULT_API_BASE_URL = 'https://api.e2enetworks.com/myaccount/api/v1'
export const DEMO_PROFILE_ID = 'demo'

/** One API address however it was typed: host case, a default port and trailing slashes do not make another. */
function sameAddress(url: string): string {
  try {
    const u = new URL(url.trim() || DEFAULT_API_BASE_URL)
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`
  } catch {
    return url
  }
}

/**
 * Which account's nodes a profile sees: its API address, project and location, each however it was typed ("051704"
 * is project 51704: the API is sent the number). Profiles with one key see the same nodes and share a name lock.
 */
export function projectScopeKey(p: Pick<Profile, 'projectId' | 'location' | 'apiBaseUrl'>): string {
  return JSON.stringify([p.projectId.trim().replace(/^0+(?=\d)/, ''), p.location, sameAddress(p.apiBaseUrl)])
}

/**
 * The profiles a total counts: one per scope, since profiles of one project, location and address list the same
 * nodes (the forms warn about it but allow it: two keys for one project are legitimate). Of each scope, the first
 * that `hasNodes` in the given order, else the first; the order of `profiles` is kept.
 */
export function onePerScope<P extends Pick<Profile, 'id' | 'projectId' | 'location' | 'apiBaseUrl'>>(
  profiles: readonly P[],
  hasNodes: (p: P) => boolean
): P[] {
  const chosen = new Map<string, P>()
  for (const p of profiles) {
    const key = projectScopeKey(p)
    const first = chosen.get(key)
    if (!first || (!hasNodes(first) && hasNodes(p))) chosen.set(key, p)
  }
  const keep = new Set(chosen.values())
  return profiles.filter((p) => keep.has(p))
}

/** A profile as stored on disk: no secrets, ever. */
export interface Profile {
  id: string
  name: string
  /** Digits only; the API takes it as an int. */
  projectId: string
  location: Location
  apiBaseUrl: string
  /** Hex colour like "#3b82f6". */
  color: string
  /** One or two characters shown in the tray and avatars. */
  initials: string
  createdAt: string
  lastUsedAt: string | null
}

/** 'rejected': E2E answered 401 to this profile's key and token since they were last saved. */
export type TokenState = 'ok' | 'expiring' | 'expired' | 'unknown' | 'missing' | 'rejected'

/**
 * Where a profile's secrets stand in the OS keychain. 'stored': read fine. 'missing': the keychain answered and
 * holds nothing for it (needs credentials). 'locked': the keychain is locked or did not answer in time (Try again
 * unlocks). 'unavailable': no keychain to talk to (no D-Bus / Secret Service, broken module).
 */
export type SecretState = 'stored' | 'missing' | 'locked' | 'unavailable'

/** What the renderer may know about a profile's secrets. */
export interface CredentialInfo {
  hasCredentials: boolean
  /** Last four characters of the API key, e.g. "…1a2b". */
  apiKeyHint: string | null
  tokenExpiresAt: string | null
  tokenState: TokenState
  /** Whole days left when expiring soon (≤ 14). */
  tokenDaysLeft: number | null
  /** Absent means 'stored' (demo profiles, older fixtures). */
  secret?: SecretState
  /** What the user can do about a locked or unavailable keychain. */
  keychainHint?: string
}

export interface ProfileView extends Profile {
  isDemo: boolean
  credentials: CredentialInfo
}

/** One line of the checklist shown before credentials are saved: 'ok' passed, 'warn' may go on, 'fail' blocks. */
export type CheckState = 'ok' | 'warn' | 'fail' | 'skipped'
export type CredentialCheckId = 'token' | 'address' | 'credentials' | 'projects'

export interface CredentialCheck {
  id: CredentialCheckId
  state: CheckState
  /** Plain words: what was checked and what came of it, e.g. "Token valid until 12 March 2027". */
  text: string
}

/** `profiles:check-import`: main's checks of one alias of a pending import, before anything is saved. */
export interface ImportCheckResult {
  alias: string
  checks: CredentialCheck[]
  /** The account's projects from the lookup; empty when it could not be made. IAM-shared projects are never here. */
  projects: { projectId: number; name: string; isDefault: boolean }[]
  /** Why this alias may not be imported (an expired or rejected token), or null when it may. */
  blockedBy: string | null
}
