import type { CredentialInfo } from '../../../../shared/domain/profile'

/** The credential problem worth showing next to a profile, or null. */
export function tokenWarning(c: CredentialInfo): { kind: 'warn' | 'error'; text: string } | null {
  if (!c.hasCredentials || c.tokenState === 'missing')
    return { kind: 'error', text: 'No credentials stored — edit the profile to add them' }
  if (c.tokenState === 'expired') return { kind: 'error', text: 'Auth token expired — paste a new one' }
  if (c.tokenState === 'expiring') {
    const d = c.tokenDaysLeft
    return {
      kind: 'warn',
      text:
        d === null
          ? 'Auth token expires soon'
          : d <= 0
            ? 'Auth token expires today'
            : `Auth token expires in ${d} ${d === 1 ? 'day' : 'days'}`
    }
  }
  return null
}
