/** A profile's secrets. They live only in main, in the OS keychain. */
export interface Credentials {
  apiKey: string
  authToken: string
}

/**
 * The vault interface. keytar in the app; in memory for unit tests and `--vault memory` in the preview host.
 * Entries are keyed by account: a profile's `secretRef` (see profile-mutations.ts for why it changes).
 * Every method throws KEYCHAIN_UNAVAILABLE when the keychain cannot be used; `isKeychainLocked` tells a
 * locked keychain from a missing one.
 */
export interface CredentialVault {
  readonly kind: 'keychain' | 'memory'
  /** null: the keychain answered and holds nothing. `unlock`: the user asked, so an unlock prompt may show. */
  get(account: string, opts?: { unlock?: boolean }): Promise<Credentials | null>
  set(account: string, credentials: Credentials): Promise<void>
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>
  listProfileIds(): Promise<string[]>
}
