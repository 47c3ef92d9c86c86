// Vaults for keychain-state tests: one whose reads never answer until released (a keychain waiting for an unlock
// prompt), one that is locked or unreachable, and one that records every call.
import { DomainError } from '../../electron/main/errors'
import type { Credentials } from '../../electron/main/vault/credential-vault'
import { KEYCHAIN_HINTS } from '../../electron/main/vault/keychain-errors'
import { lockedError } from '../../electron/main/vault/keytar-vault'
import { MemoryVault } from '../../electron/main/vault/memory-vault'

export type VaultMode = 'ok' | 'stuck' | 'locked' | 'unavailable'

export class ModalVault extends MemoryVault {
  mode: VaultMode = 'ok'
  readonly calls: string[] = []
  private waiting: Array<() => void> = []

  /** Lets every stuck call go on (with the vault's mode at that time). */
  release(): void {
    const w = this.waiting
    this.waiting = []
    for (const go of w) go()
  }

  private async gate(op: string): Promise<void> {
    this.calls.push(op)
    if (this.mode === 'stuck') await new Promise<void>((resolve) => this.waiting.push(resolve))
    if (this.mode === 'locked') throw lockedError('read')
    if (this.mode === 'unavailable')
      throw new DomainError('KEYCHAIN_UNAVAILABLE', 'Nodetray could not read credentials from the system keychain.', {
        hint: KEYCHAIN_HINTS.noSecretService,
        retryable: true
      })
  }

  override async get(account: string): Promise<Credentials | null> {
    await this.gate(`get ${account}`)
    return super.get(account)
  }
  override async set(account: string, c: Credentials): Promise<void> {
    await this.gate(`set ${account}`)
    return super.set(account, c)
  }
  override async delete(account: string): Promise<boolean> {
    await this.gate(`delete ${account}`)
    return super.delete(account)
  }
  override async listProfileIds(): Promise<string[]> {
    await this.gate('list')
    return super.listProfileIds()
  }
  /** Writes behind the mode's back, to set up a test. */
  seed(account: string, c: Credentials): Promise<void> {
    return super.set(account, c)
  }
}
