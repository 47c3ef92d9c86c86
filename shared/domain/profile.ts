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

export type TokenState = 'ok' | 'expiring' | 'expired' | 'unknown' | 'missing'

/** What the renderer may know about a profile's secrets. */
export interface CredentialInfo {
  hasCredentials: boolean
  /** Last four characters of the API key, e.g. "…1a2b". */
  apiKeyHint: string | null
  tokenExpiresAt: string | null
  tokenState: TokenState
  /** Whole days left when expiring soon (≤ 14). */
  tokenDaysLeft: number | null
}

export interface ProfileView extends Profile {
  isDemo: boolean
  credentials: CredentialInfo
}
