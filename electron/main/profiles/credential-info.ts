// What the renderer may know about a profile's secrets: a four-character hint and the token's expiry.
import type { CredentialInfo } from '../../../shared/domain/profile'
import { secretHint } from '../redact'
import type { Credentials } from '../vault/credential-vault'
import type { SecretRead } from './credential-cache'
import { readJwtExpiry } from './jwt'

export const EXPIRING_WITHIN_DAYS = 14
const DAY_MS = 24 * 60 * 60 * 1000

export function credentialInfo(creds: Credentials | null, now: number): CredentialInfo {
  if (!creds)
    return { hasCredentials: false, apiKeyHint: null, tokenExpiresAt: null, tokenState: 'missing', tokenDaysLeft: null }
  const exp = readJwtExpiry(creds.authToken)
  const base = { hasCredentials: true, apiKeyHint: secretHint(creds.apiKey) }
  if (!exp) return { ...base, tokenExpiresAt: null, tokenState: 'unknown', tokenDaysLeft: null }
  const left = exp.getTime() - now
  const tokenExpiresAt = exp.toISOString()
  if (left <= 0) return { ...base, tokenExpiresAt, tokenState: 'expired', tokenDaysLeft: null }
  if (left <= EXPIRING_WITHIN_DAYS * DAY_MS)
    return { ...base, tokenExpiresAt, tokenState: 'expiring', tokenDaysLeft: Math.floor(left / DAY_MS) }
  return { ...base, tokenExpiresAt, tokenState: 'ok', tokenDaysLeft: null }
}

/** "12 March 2027": unambiguous whatever the user's locale. */
export function formatExpiry(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

/** The page's view of a keychain read: locked and unavailable are told apart from "nothing stored". */
export function credentialView(read: SecretRead, tokenRejected: boolean, now: number): CredentialInfo {
  if (read.state === 'stored') {
    const info = credentialInfo(read.creds, now)
    return { ...info, secret: 'stored', ...(tokenRejected ? { tokenState: 'rejected', tokenDaysLeft: null } : {}) }
  }
  const none = credentialInfo(null, now)
  if (read.state === 'missing') return { ...none, secret: 'missing' }
  return { ...none, tokenState: 'unknown', secret: read.state, keychainHint: read.hint }
}
