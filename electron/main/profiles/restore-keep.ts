// A restore can hide live secrets. profiles.json.bak is one write behind and carries the same install id, so the
// entry of a profile added after it (or of a profile the damaged file alone named) looks like this folder's orphan.
// So a load that fell back (to the backup, or to nothing) marks the file `keychainRestorePending`; the first
// keychain listing after it records every entry of this folder the file does not name in `keptKeychainEntries`,
// saved in the file, and drops the mark. The sweep never deletes a kept entry, and deletes nothing while the mark
// is there (a locked keychain at the first start must not let the second start sweep).
import { secretRefOf, type ProfileFileV2 } from './profile-file.schema'

const PENDING = 'keychainRestorePending'
const KEPT = 'keptKeychainEntries'
const ACCOUNT_RE = /^[A-Za-z0-9_.-]{1,100}$/

/** Marks a file loaded after a damaged one: its keychain entries are recorded before anything is swept. */
export function markRestore(file: ProfileFileV2, at: number): void {
  file[PENDING] = new Date(at).toISOString()
}

/** Any value counts (a hand-edited one too): the safe reading is "not recorded yet". */
export function restorePending(file: ProfileFileV2): boolean {
  return file[PENDING] !== undefined
}

/** The accounts earlier restores kept (read leniently: a bad item is skipped, never a reason to sweep). */
export function keptRefs(file: ProfileFileV2): string[] {
  const v = file[KEPT]
  return Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string' && ACCOUNT_RE.test(a)) : []
}

/** The file with `accounts` added to the kept ones (minus those a profile names now) and the mark gone. */
export function withKept(file: ProfileFileV2, accounts: readonly string[]): { next: ProfileFileV2; added: number } {
  const before = new Set(keptRefs(file))
  const named = new Set(file.profiles.map(secretRefOf))
  const fresh = [...new Set(accounts)].filter((a) => !before.has(a) && !named.has(a))
  const kept = [...before, ...fresh].filter((a) => !named.has(a)).sort()
  const next: ProfileFileV2 = { ...file }
  delete next[PENDING]
  if (kept.length) next[KEPT] = kept
  else delete next[KEPT]
  return { next, added: fresh.length }
}

const entries = (n: number) => `${n} keychain ${n === 1 ? 'entry' : 'entries'}`

/** The end of the load notice after a restore from the backup; `kept` once the keychain was listed. */
export function restoredOutcome(kept: number | null): string {
  const base = `the previous version (profiles.json.bak) was loaded instead. Profiles added or changed after that backup may be missing`
  if (kept === null) return `${base}; their keychain entries are kept, not deleted`
  if (kept === 0) return `${base}; no keychain entry was left without a profile`
  return `${base}; their keychain entries were kept, not deleted (${entries(kept)} the restored list does not name)`
}

/** The end of the load notice when nothing could be restored. */
export function emptyOutcome(kept: number | null): string {
  const base = 'Nodetray started with no profiles; your credentials are still in the system keychain'
  return kept ? `${base} (${entries(kept)} kept)` : base
}

/** Entries recorded at a later start than the restore (the keychain could not be listed then). */
export function keptLaterMessage(kept: number): string {
  return `Your profile list was restored from its backup at an earlier start. ${entries(kept)} that it does not name ${kept === 1 ? 'was' : 'were'} kept, not deleted: they may hold the API keys of profiles added after that backup.`
}
