// The start-up sweep of the keychain (see profile-mutations.ts for the write order it completes): entries that
// no profile names are orphans of an interrupted change and are deleted; profiles whose entry is gone need
// their credentials again. It runs only when profiles.json loaded cleanly (not restored from a backup, not
// from a newer Nodetray) and every entry kept aside could be identified: otherwise an entry may belong to a
// profile we cannot see, and nothing is deleted.
import { isDomainError } from '../errors'
import type { Logger } from '../redact'
import { KEYCHAIN_HINTS } from '../vault/keychain-errors'
import { isKeychainLocked } from '../vault/keytar-store'
import type { CredentialStore } from '../vault/credential-store'
import { secretRefOf, type StoredProfile } from './profile-file.schema'
import type { ProfileStore } from './profile-store'

export type SweepResult =
  | { swept: true; removed: number; missing: StoredProfile[] }
  | { swept: false; reason: string; keychain?: { state: 'locked' | 'unavailable'; hint: string } }

export const SWEEP_LIST_TIMEOUT_MS = 5000

export function sweepKeychain(d: {
  store: ProfileStore
  vault: CredentialStore
  log: Logger
  timeoutMs?: number
}): Promise<SweepResult> {
  if (!d.store.loadedCleanly) return Promise.resolve({ swept: false, reason: 'the profile file did not load cleanly' })
  const aside = d.store.keptAside.map((k) => k.secretRef)
  if (aside.some((r) => r === null))
    return Promise.resolve({ swept: false, reason: 'a profile kept aside has no readable id' })
  // In the store's queue, so no change is half-way (a secret written, its profile not yet) while we look.
  return d.store.serial(async () => {
    let accounts: string[]
    try {
      accounts = await withTimeout(d.vault.listProfileIds(), d.timeoutMs ?? SWEEP_LIST_TIMEOUT_MS)
    } catch (err) {
      const reason = `the keychain could not be listed (${err instanceof Error ? err.message : String(err)})`
      d.log.warn(`profiles: keychain sweep skipped: ${reason}`)
      const hint = isDomainError(err) ? (err.data.hint ?? KEYCHAIN_HINTS.other) : KEYCHAIN_HINTS.locked
      // No answer in time is what a keychain waiting for its unlock prompt looks like.
      const state = isKeychainLocked(err) || !isDomainError(err) ? 'locked' : 'unavailable'
      return { swept: false, reason, keychain: { state, hint } }
    }
    const profiles = d.store.current().profiles
    const owned = new Set<string>([...profiles.map(secretRefOf), ...aside.filter((r): r is string => r !== null)])
    let removed = 0
    for (const account of accounts) {
      if (owned.has(account)) continue
      try {
        if (await withTimeout(d.vault.delete(account), d.timeoutMs ?? SWEEP_LIST_TIMEOUT_MS)) removed++
      } catch (err) {
        d.log.warn('profiles: could not delete an orphaned keychain entry', {
          err: err instanceof Error ? err.message : String(err)
        })
      }
    }
    const present = new Set(accounts)
    const missing = profiles.filter((p) => !present.has(secretRefOf(p)))
    if (removed || missing.length)
      d.log.info(
        `profiles: keychain sweep removed ${removed} orphaned entries; ${missing.length} profiles need credentials`
      )
    return { swept: true, removed, missing }
  })
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const t = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer in time')), ms)))
  return Promise.race([p, t]).finally(() => clearTimeout(timer))
}
