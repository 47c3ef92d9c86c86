// Above every screen (the node list included): which profiles cannot reach E2E because of their credentials,
// one banner per kind of problem, each saying what to do. Expiry warnings stay on the profiles screen.
import type { ProfileView } from '../../../../shared/domain/profile'
import { Banner } from '../../components/Banner'
import { useProfilesStore } from '../../stores/profiles.store'
import { retryKeychain } from './retry-keychain'
import { credentialProblem, type CredentialProblemKind } from './token-warning'

const SHOWN: Partial<Record<CredentialProblemKind, { level: 'warn' | 'error'; what: (names: string) => string }>> = {
  'keychain-locked': {
    level: 'warn',
    what: (names) => `Keychain locked — ${names}: unlock your system keychain, then Try again.`
  },
  'keychain-unavailable': {
    level: 'error',
    what: (names) => `System keychain unreachable — ${names} cannot use their saved API keys.`
  },
  'needs-credentials': {
    level: 'error',
    what: (names) => `Needs credentials — ${names}: open Profiles, edit, and enter the API key and auth token.`
  },
  'token-rejected': {
    level: 'error',
    what: (names) => `E2E rejected the auth token — ${names}: open Profiles, edit, and paste a new token.`
  }
}

export function CredentialBanners() {
  const profiles = useProfilesStore((s) => s.profiles)
  const groups = new Map<CredentialProblemKind, { names: string[]; hint: string | null }>()
  for (const p of profiles as ProfileView[]) {
    if (p.isDemo) continue
    const problem = credentialProblem(p.credentials)
    if (!problem || !SHOWN[problem.kind]) continue
    const g = groups.get(problem.kind) ?? { names: [], hint: p.credentials.keychainHint ?? null }
    g.names.push(p.name)
    groups.set(problem.kind, g)
  }
  if (groups.size === 0) return null
  return (
    <div className="stack" data-testid="credential-banners">
      {[...groups.entries()].map(([kind, g]) => {
        const shown = SHOWN[kind]
        if (!shown) return null
        const retry = kind === 'keychain-locked' || kind === 'keychain-unavailable'
        return (
          <Banner key={kind} kind={shown.level} testId={`credential-banner-${kind}`} announce>
            <span>{shown.what(g.names.join(', '))}</span>
            {kind === 'keychain-unavailable' && g.hint && <span> {g.hint}</span>}
            {retry && (
              <>
                {' '}
                <button type="button" className="btn btn-sm" onClick={() => void retryKeychain()}>
                  Try again
                </button>
              </>
            )}
          </Banner>
        )
      })}
    </div>
  )
}
