// Secrets read from the vault stay in main's memory so polling does not hit the keychain on every call.
// Every secret loaded is registered with the scrubber so it can never reach a log line or an error.
import type { SecretScrubber } from '../redact'
import type { CredentialStore, Credentials } from '../vault/credential-store'

export interface CredentialCache {
  /** Throws KEYCHAIN_UNAVAILABLE when the vault cannot be read; null when nothing is stored. */
  get(profileId: string): Promise<Credentials | null>
  remember(profileId: string, creds: Credentials | null): void
  forget(profileId: string): void
}

export function createCredentialCache(vault: CredentialStore, scrubber: SecretScrubber): CredentialCache {
  const cache = new Map<string, Credentials | null>()
  // A read that started before a set/forget must not put the older value back.
  const generation = new Map<string, number>()
  const bump = (id: string) => generation.set(id, (generation.get(id) ?? 0) + 1)

  return {
    async get(profileId) {
      if (cache.has(profileId)) return cache.get(profileId) ?? null
      const gen = generation.get(profileId) ?? 0
      const creds = await vault.get(profileId)
      if (creds) {
        scrubber.add(creds.apiKey)
        scrubber.add(creds.authToken)
      }
      if ((generation.get(profileId) ?? 0) === gen) cache.set(profileId, creds)
      return creds
    },
    remember(profileId, creds) {
      bump(profileId)
      if (creds) {
        scrubber.add(creds.apiKey)
        scrubber.add(creds.authToken)
      }
      cache.set(profileId, creds)
    },
    forget(profileId) {
      bump(profileId)
      cache.delete(profileId)
    }
  }
}
