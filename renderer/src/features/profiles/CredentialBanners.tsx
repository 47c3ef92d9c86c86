// Above every screen (the node list included): which profiles cannot reach E2E because of their credentials,
// one banner per kind of problem (missing, rejected, expired, keychain locked or unreachable), each with the button
// that fixes it: Try again for the keychain, the profile's edit form (focused on the right field) for the rest.
// Demo profiles never show here: their simulated credentials are not the user's to fix.
import { KeyRound, RefreshCw } from 'lucide-react'
import type { ProfileView } from '../../../../shared/domain/profile'
import { Banner } from '../../components/Banner'
import { Button } from '../../components/ui/Button'
import { useProfilesStore } from '../../stores/profiles.store'
import { useUiStore } from '../../stores/ui.store'
import { openCredentialFix } from './fix-credentials'
import { retryKeychain } from './retry-keychain'
import { credentialProblem, type CredentialProblemKind } from './token-warning'
import './profiles.css'

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
    what: (names) => `Needs credentials — ${names}: the keychain holds no API key and auth token.`
  },
  'token-rejected': {
    level: 'error',
    what: (names) => `E2E rejected the auth token — ${names}: it was revoked or replaced in MyAccount.`
  },
  'token-expired': {
    level: 'error',
    what: (names) => `Auth token expired — ${names}: E2E refuses it until you paste a new one.`
  }
}

/** More profiles than this in one banner: one button to the Profiles screen, where each card has its own. */
const MAX_FIX_BUTTONS = 3

export function CredentialBanners() {
  const profiles = useProfilesStore((s) => s.profiles)
  const groups = new Map<CredentialProblemKind, { profiles: ProfileView[]; hint: string | null; fixLabel: string }>()
  for (const p of profiles) {
    if (p.isDemo) continue
    const problem = credentialProblem(p.credentials)
    if (!problem || !SHOWN[problem.kind]) continue
    const g = groups.get(problem.kind) ?? {
      profiles: [],
      hint: p.credentials.keychainHint ?? null,
      fixLabel: problem.fixLabel
    }
    g.profiles.push(p)
    groups.set(problem.kind, g)
  }
  if (groups.size === 0) return null
  return (
    <div className="stack credential-banners" data-testid="credential-banners">
      {[...groups.entries()].map(([kind, g]) => {
        const shown = SHOWN[kind]
        if (!shown) return null
        const retry = kind === 'keychain-locked' || kind === 'keychain-unavailable'
        const names = g.profiles.map((p) => p.name)
        return (
          <Banner key={kind} kind={shown.level} testId={`credential-banner-${kind}`} announce>
            <span>{shown.what(names.join(', '))}</span>
            {kind === 'keychain-unavailable' && g.hint && <span> {g.hint}</span>}{' '}
            <span className="credential-fixes">
              {retry ? (
                <Button size="sm" icon={RefreshCw} onClick={() => void retryKeychain()}>
                  Try again
                </Button>
              ) : g.profiles.length > MAX_FIX_BUTTONS ? (
                <Button size="sm" icon={KeyRound} onClick={() => useUiStore.getState().setView('profiles')}>
                  Open Profiles
                </Button>
              ) : (
                g.profiles.map((p) => (
                  <Button key={p.id} size="sm" icon={KeyRound} onClick={() => openCredentialFix(p.id, kind)}>
                    {g.profiles.length === 1 ? g.fixLabel : `${g.fixLabel} for ${p.name}`}
                  </Button>
                ))
              )}
            </span>
          </Banner>
        )
      })}
    </div>
  )
}
