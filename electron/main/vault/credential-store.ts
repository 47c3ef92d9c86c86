/** A profile's secrets. They live only in main, in the OS keychain. */
export interface Credentials {
  apiKey: string
  authToken: string
}

/** The vault interface. keytar in the app; in memory for unit tests and `--vault memory` in the preview host. */
export interface CredentialStore {
  readonly kind: 'keychain' | 'memory'
  get(profileId: string): Promise<Credentials | null>
  set(profileId: string, credentials: Credentials): Promise<void>
  /** True when something was deleted. */
  delete(profileId: string): Promise<boolean>
  listProfileIds(): Promise<string[]>
}
