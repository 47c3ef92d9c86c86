import type { Location } from './location'

export const DEFAULT_API_BASE_URL = 'https://api.e2enetworks.com/myaccount/api/v1'
export const DEMO_PROFILE_ID = 'demo'

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
