import type { CredentialInfo } from '../../../../shared/domain/profile'
import { formatDate } from '../../lib/format'

/** What is wrong with a profile's credentials, told apart: the keychain's state first, then the token's. */
export type CredentialProblemKind =
  | 'keychain-locked'
  | 'keychain-unavailable'
  | 'needs-credentials'
  | 'token-rejected'
  | 'token-expired'
  | 'token-expiring'

export interface CredentialProblem {
  kind: CredentialProblemKind
  level: 'warn' | 'error'
  text: string
  /** Asking the keychain again can help (Try again). */
  retry: boolean
  /** The words on the button that fixes it: Try again (the keychain) or the edit form, focused. */
  fixLabel: string
}

export function credentialProblem(c: CredentialInfo): CredentialProblem | null {
  if (c.secret === 'locked')
    return {
      kind: 'keychain-locked',
      level: 'warn',
      text: 'Keychain locked — unlock it, then Try again',
      retry: true,
      fixLabel: 'Try again'
    }
  if (c.secret === 'unavailable')
    return {
      kind: 'keychain-unavailable',
      level: 'error',
      text: `System keychain unreachable${c.keychainHint ? ` — ${c.keychainHint}` : ''}`,
      retry: true,
      fixLabel: 'Try again'
    }
  if (!c.hasCredentials || c.tokenState === 'missing' || c.secret === 'missing')
    return {
      kind: 'needs-credentials',
      level: 'error',
      text: 'Needs credentials — the keychain holds no API key and auth token for it',
      retry: false,
      fixLabel: 'Enter credentials'
    }
  if (c.tokenState === 'rejected')
    return {
      kind: 'token-rejected',
      level: 'error',
      text: 'E2E rejected the auth token — it was revoked or replaced in MyAccount',
      retry: false,
      fixLabel: 'Paste a new token'
    }
  if (c.tokenState === 'expired')
    return {
      kind: 'token-expired',
      level: 'error',
      text: `Auth token expired${c.tokenExpiresAt ? ` on ${formatDate(c.tokenExpiresAt)}` : ''} — E2E refuses it`,
      retry: false,
      fixLabel: 'Paste a new token'
    }
  if (c.tokenState === 'expiring') {
    const d = c.tokenDaysLeft
    const text =
      d === null
        ? 'Auth token expires soon'
        : d <= 0
          ? 'Auth token expires today'
          : `Auth token expires in ${d} ${d === 1 ? 'day' : 'days'}`
    return { kind: 'token-expiring', level: 'warn', text, retry: false, fixLabel: 'Replace the token' }
  }
  return null
}
