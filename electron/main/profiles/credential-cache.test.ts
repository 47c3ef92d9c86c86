// A keychain read that fails once without saying "locked" is tried again before the profile is shown as
// "keychain unavailable"; a locked keychain is reported at once (a retry would only wait on the prompt again).
import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import { SecretScrubber } from '../redact'
import type { CredentialVault, Credentials } from '../vault/credential-vault'
import { KEYCHAIN_HINTS } from '../vault/keychain-errors'
import { createCredentialCache } from './credential-cache'

const CREDS: Credentials = { apiKey: 'key-123456789', authToken: 'token-123456789' }
const failure = (hint: string) => new DomainError('KEYCHAIN_UNAVAILABLE', 'keychain failed', { hint })

function vaultAnswering(...answers: (Credentials | Error)[]): CredentialVault & { reads: number } {
  const v = {
    kind: 'keychain' as const,
    reads: 0,
    async get() {
      const a = answers[Math.min(v.reads++, answers.length - 1)]
      if (a instanceof Error) throw a
      return a ?? null
    },
    set: async () => undefined,
    delete: async () => false,
    listProfileIds: async () => []
  }
  return v
}

describe('credential cache', () => {
  it('a read that fails once (busy Secret Service) is tried again and shows the stored secret', async () => {
    const vault = vaultAnswering(failure(KEYCHAIN_HINTS.other), CREDS)
    const cache = createCredentialCache(vault, new SecretScrubber())
    await expect(cache.read('p1.x')).resolves.toEqual({ state: 'stored', creds: CREDS })
    expect(vault.reads).toBe(2)
  })

  it('a keychain that keeps failing reads as unavailable, after one retry', async () => {
    const vault = vaultAnswering(failure(KEYCHAIN_HINTS.other))
    const cache = createCredentialCache(vault, new SecretScrubber())
    await expect(cache.read('p1.x')).resolves.toMatchObject({ state: 'unavailable' })
    expect(vault.reads).toBe(2)
  })

  it('a locked keychain is reported at once, without a second read', async () => {
    const vault = vaultAnswering(failure(KEYCHAIN_HINTS.locked), CREDS)
    const cache = createCredentialCache(vault, new SecretScrubber())
    await expect(cache.read('p1.x')).resolves.toMatchObject({ state: 'locked' })
    expect(vault.reads).toBe(1)
  })
})
