// The start-up sweep of the keychain (see profile-mutations.ts for the write order it completes): entries that
// no profile names are orphans of an interrupted change and are deleted; profiles whose entry is gone need
// their credentials again. Several data folders share one keychain, so only entries carrying THIS folder's
// install id (keychain-refs.ts) are ever deleted; older entries without one are never swept. Nothing is deleted
// unless profiles.json was there at start and loaded cleanly (not restored from a backup, not from a newer
// Nodetray) and every entry kept aside could be identified: otherwise an entry may belong to a profile we cannot
// see. Entries named by a damaged copy kept aside (profiles.json.corrupt-*) count as owned while it exists.
// A profile whose own entry is gone adopts the one entry of this folder (or an older one) that carries its id
// and nobody else owns: after a restore from the backup, that is the secret the lost file named.
// After a load that fell back, every entry of this folder the file does not name is recorded as kept, for good
// (restore-keep.ts): it may belong to a profile newer than the backup. Nothing is deleted until that is recorded.
// A profile kept aside owns every entry carrying its id: its secretRef may be what could not be read.
import { isDomainError } from '../errors'
import type { Logger } from '../redact'
import { KEYCHAIN_HINTS } from '../vault/keychain-errors'
import { isKeychainLocked } from '../vault/keytar-vault'
import type { CredentialVault } from '../vault/credential-vault'
import { parseSecretRef } from './keychain-refs'
import { secretRefOf, type StoredProfile } from './profile-file.schema'
import type { ProfilesFile } from './profiles-file'
import { keptRefs, restorePending, withKept } from './restore-keep'

/** `kept`: entries a fallback load recorded as kept in this run (restore-keep.ts), for the notice. */
export type SweepResult =
  | { swept: true; removed: number; missing: StoredProfile[]; adopted?: string[]; kept?: number }
  | {
      swept: false
      reason: string
      keychain?: { state: 'locked' | 'unavailable'; hint: string }
      adopted?: string[]
      kept?: number
    }

export const SWEEP_LIST_TIMEOUT_MS = 5000

export function sweepKeychain(d: {
  profilesFile: ProfilesFile
  vault: CredentialVault
  log: Logger
  timeoutMs?: number
}): Promise<SweepResult> {
  const aside = d.profilesFile.keptAside.map((k) => k.secretRef)
  // Still listed when nothing may go: an unreachable keychain is reported at start either way.
  const noDelete = !d.profilesFile.existedAtStart
    ? 'there was no profile file yet: this folder has written nothing'
    : !d.profilesFile.loadedCleanly
      ? 'the profile file did not load cleanly'
      : aside.some((r) => r === null)
        ? 'a profile kept aside has no readable id'
        : restorePending(d.profilesFile.current())
          ? 'the keychain entries a restore keeps are not recorded yet'
          : null
  if (noDelete && !d.profilesFile.writable) return Promise.resolve({ swept: false, reason: noDelete })
  // In the profiles file's queue, so no file change is half-way while we look; entries written for a change that has not
  // reached the queue yet are in profilesFile.pendingRefs.
  return d.profilesFile.serial(async (): Promise<SweepResult> => {
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
    const present = new Set(accounts)
    let file = d.profilesFile.current()
    const asideIds = new Set(d.profilesFile.keptAside.map((k) => k.id).filter((id) => id !== null))
    const owned = new Set<string>([
      ...file.profiles.map(secretRefOf),
      ...aside.filter((r): r is string => r !== null),
      ...accounts.filter((a) => asideIds.has(parseSecretRef(a).profileId)),
      ...d.profilesFile.pendingRefs
    ])
    const ours = (a: string) => parseSecretRef(a).installId === d.profilesFile.installId
    // A kept entry may be adopted (a profile then names it); one a damaged copy names is left to that copy.
    const adoptable = (a: string) =>
      !owned.has(a) && !d.profilesFile.damagedCopyRefs.has(a) && (ours(a) || parseSecretRef(a).installId === null)

    const adopted: string[] = []
    let kept: number | undefined
    if (d.profilesFile.writable) {
      const repoint = new Map<string, string>()
      for (const p of file.profiles) {
        if (present.has(secretRefOf(p))) continue
        const candidates = accounts.filter((a) => parseSecretRef(a).profileId === p.id && adoptable(a))
        // One candidate is the profile's secret; several cannot be told apart: keep them all, adopt none.
        for (const c of candidates) owned.add(c)
        const only = candidates.length === 1 ? candidates[0] : undefined
        if (only) repoint.set(p.id, only)
      }
      const pending = restorePending(file)
      if (repoint.size || pending) {
        let next = {
          ...file,
          profiles: file.profiles.map((p) => {
            const ref = repoint.get(p.id)
            return ref ? { ...p, secretRef: ref } : p
          })
        }
        // After a fallback load: this folder's entries the file does not name may be newer profiles' secrets.
        const named = new Set(next.profiles.map(secretRefOf))
        const unnamed = accounts.filter((a) => ours(a) && !named.has(a) && !d.profilesFile.pendingRefs.has(a))
        const recorded = pending ? withKept(next, unnamed) : null
        if (recorded) next = recorded.next
        try {
          await d.profilesFile.write(next)
          file = next
          adopted.push(...repoint.keys())
          if (repoint.size) d.log.info(`profiles: ${repoint.size} profiles took back their keychain entry`)
          if (recorded) {
            kept = recorded.added
            d.log.info(`profiles: after a restore, ${kept} keychain entries no profile names are kept`)
          }
        } catch (err) {
          d.log.warn('profiles: could not save the adopted or kept keychain entries', {
            err: err instanceof Error ? err.message : String(err)
          })
        }
      }
    }
    if (noDelete) return { swept: false, reason: noDelete, adopted, ...(kept !== undefined ? { kept } : {}) }

    for (const a of [...keptRefs(file), ...d.profilesFile.damagedCopyRefs]) owned.add(a)
    let removed = 0
    for (const account of accounts) {
      if (owned.has(account) || !ours(account)) continue
      try {
        if (await withTimeout(d.vault.delete(account), d.timeoutMs ?? SWEEP_LIST_TIMEOUT_MS)) removed++
      } catch (err) {
        d.log.warn('profiles: could not delete an orphaned keychain entry', {
          err: err instanceof Error ? err.message : String(err)
        })
        // A keychain that stopped answering would hold the file's queue once per orphan: the rest wait a start.
        if (!isDomainError(err)) break
      }
    }
    const missing = file.profiles.filter((p) => !present.has(secretRefOf(p)))
    if (removed || missing.length)
      d.log.info(
        `profiles: keychain sweep removed ${removed} orphaned entries; ${missing.length} profiles need credentials`
      )
    return { swept: true, removed, missing, adopted }
  })
}

/** The keychain did not answer within the time limit. */
export class KeychainTimeout extends Error {
  constructor() {
    super('no answer in time')
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const t = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new KeychainTimeout()), ms)))
  return Promise.race([p, t]).finally(() => clearTimeout(timer))
}
