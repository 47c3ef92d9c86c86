import type { CredentialVault, Credentials } from './credential-vault'

/** In-memory vault for unit tests and the preview host's `--vault memory`. Nothing is ever written to disk. */
export class MemoryVault implements CredentialVault {
  readonly kind = 'memory' as const
  private readonly entries = new Map<string, Credentials>()

  async get(profileId: string): Promise<Credentials | null> {
    const c = this.entries.get(profileId)
    return c ? { ...c } : null
  }

  async set(profileId: string, credentials: Credentials): Promise<void> {
    this.entries.set(profileId, { apiKey: credentials.apiKey, authToken: credentials.authToken })
  }

  async delete(profileId: string): Promise<boolean> {
    return this.entries.delete(profileId)
  }

  async listProfileIds(): Promise<string[]> {
    return [...this.entries.keys()]
  }
}
