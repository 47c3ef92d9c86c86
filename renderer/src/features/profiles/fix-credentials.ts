// "Fix" on a credential banner or a profile card leads to the one place that fixes it: the profile's edit form,
// opened on the Profiles screen with the field to fill focused and the reason said above it.
import { create } from 'zustand'
import { useUiStore } from '../../stores/ui.store'
import type { CredentialProblemKind } from './token-warning'

export interface FixRequest {
  profileId: string
  /** The field to focus and why the form opened. */
  focus: 'apiKey' | 'authToken'
  reason: string
}

interface FixState {
  request: FixRequest | null
  ask(request: FixRequest): void
  clear(): void
}

export const useCredentialFix = create<FixState>()((set) => ({
  request: null,
  ask: (request) => set({ request }),
  clear: () => set({ request: null })
}))

/** What the edit form says when it opens for a problem, and which field it focuses. */
export function fixFor(kind: CredentialProblemKind): Omit<FixRequest, 'profileId'> | null {
  switch (kind) {
    case 'needs-credentials':
      return {
        focus: 'apiKey',
        reason:
          'The system keychain holds no API key and auth token for this profile. Enter both (MyAccount → API & IAM).'
      }
    case 'token-rejected':
      return {
        focus: 'authToken',
        reason:
          'E2E rejected the stored auth token. Paste a new one from MyAccount → API & IAM; the API key stays unless you change it.'
      }
    case 'token-expired':
      return {
        focus: 'authToken',
        reason: 'The auth token has expired. Create a new token in MyAccount → API & IAM and paste it here.'
      }
    case 'token-expiring':
      return {
        focus: 'authToken',
        reason: 'The auth token expires soon. Create a new token in MyAccount → API & IAM and paste it here.'
      }
    default:
      return null
  }
}

/** Opens the Profiles screen with this profile's edit form, focused on what needs fixing. */
export function openCredentialFix(profileId: string, kind: CredentialProblemKind): void {
  const fix = fixFor(kind)
  if (!fix) return
  useUiStore.getState().setView('profiles')
  useCredentialFix.getState().ask({ profileId, ...fix })
}
