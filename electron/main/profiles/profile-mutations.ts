// Create, update and delete, ordered so that a crash (or a failure) at any point leaves the old or the new
// state, never a profile without its secret:
//   - Each profile names the keychain entry that holds its secrets (`secretRef`); a new secret always goes into
//     a NEW entry, never over the one the file points at. Entry names carry the data folder's install id
//     (keychain-refs.ts), so the sweep of one folder never touches another folder's entries.
//   - create:  1. write the secret under a fresh entry  2. write the file with the profile.
//   - update:  1. write the new secret under a fresh entry  2. write the file pointing at it  3. delete the old entry.
//     (Name, colour and other edits without new secrets write only the file.)
//   - delete:  1. write the file without the profile  2. delete its entry.
//   - import:  1. write every secret under fresh entries  2. write the file with all profiles.
// A crash between the steps leaves at most an entry that no profile names (an orphan): the start-up sweep
// (keychain-sweep.ts) deletes those once the file has loaded cleanly. A profile created whose file write never
// landed is simply not there; no step ever removes the entry a saved profile points at before the file stops
// pointing at it.
// The keychain is never waited on while holding the file's queue: a keychain stuck on an unanswered prompt
// must not hold up a rename. Keychain writes and deletes give up after KEYCHAIN_WRITE_MS (a write that lands
// later is an orphan for the next sweep); an entry being written is in profilesFile.pendingRefs until the file names
// it, so the sweep leaves it alone.
import type { z } from 'zod'
import { DEFAULT_API_BASE_URL } from '../../../shared/domain/profile'
import * as S from '../../../shared/ipc/schemas'
import type { Clock } from '../ports'
import { DomainError } from '../errors'
import type { Logger, SecretScrubber } from '../redact'
import { KEYCHAIN_HINTS } from '../vault/keychain-errors'
import type { CredentialVault, Credentials } from '../vault/credential-vault'
import type { ApiHostPolicy } from './api-hosts'
import type { CredentialCache } from './credential-cache'
import { demoForbidden, isDemoId } from './demo-profiles'
import { newSecretRef as taggedRef } from './keychain-refs'
import { KeychainTimeout, withTimeout } from './keychain-sweep'
import { secretRefOf, type StoredProfile } from './profile-file.schema'
import type { ProfilesFile } from './profiles-file'
import {
  assertNameFree,
  assertTokenNotExpired,
  defaultColor,
  defaultInitials,
  newProfileId,
  notFound,
  parseInput
} from './profile-rules'

/** How long a keychain write or delete may take before the change gives up. A normal write takes well under a
 * second; longer is a prompt nobody answers, or a call queued behind a read waiting on one. */
export const KEYCHAIN_WRITE_MS = 5000

export interface MutationDeps {
  profilesFile: ProfilesFile
  vault: CredentialVault
  creds: CredentialCache
  apiHosts: ApiHostPolicy
  clock: Clock
  scrubber: SecretScrubber
  log: Logger
  /** Called after a profile's secrets were replaced (a rejected token is forgiven). */
  secretsReplaced?(profileId: string): void
  keychainWriteMs?: number
}

/** A fresh keychain account for a profile's secrets: `<profile id>.<install id>.<random>`. */
export function newSecretRef(profilesFile: ProfilesFile, profileId: string): string {
  return taggedRef(profileId, profilesFile.installId)
}

export function keychainTimeoutError(ms: number): DomainError {
  return new DomainError(
    'KEYCHAIN_UNAVAILABLE',
    `The system keychain did not answer within ${Math.round(ms / 1000)} s, so nothing was saved.`,
    { hint: `It may be waiting for you to unlock it or to allow Nodetray. ${KEYCHAIN_HINTS.locked}`, retryable: true }
  )
}

/** Keychain writes and deletes for changes: with a time limit, never inside the file's queue. */
export function createSecretWriter(d: {
  profilesFile: ProfilesFile
  vault: CredentialVault
  scrubber: SecretScrubber
  log: Logger
  keychainWriteMs?: number
}) {
  const ms = d.keychainWriteMs ?? KEYCHAIN_WRITE_MS
  return {
    /** Puts the secrets in a fresh entry (marked pending until release()); throws KEYCHAIN_UNAVAILABLE. */
    async save(ref: string, c: Credentials): Promise<void> {
      d.scrubber.add(c.apiKey)
      d.scrubber.add(c.authToken)
      // The file must hold the install id the entry carries before the entry exists (a crash right after
      // leaves an orphan this folder's sweep recognises). A no-op after the first write.
      await d.profilesFile.serial(() => d.profilesFile.ensureInstallIdSaved())
      d.profilesFile.pendingRefs.add(ref)
      try {
        await withTimeout(d.vault.set(ref, c), ms).catch((err: unknown) => {
          throw err instanceof KeychainTimeout ? keychainTimeoutError(ms) : err
        })
      } catch (err) {
        // Landing later, it is an orphan with this folder's id: the next sweep removes it.
        d.profilesFile.pendingRefs.delete(ref)
        throw err
      }
    },
    /** The file names the entry now (or never will): the sweep may judge it again. */
    release(ref: string): void {
      d.profilesFile.pendingRefs.delete(ref)
    },
    /** Best effort: an entry left behind is an orphan the next start-up sweep removes. */
    async drop(ref: string, why: string): Promise<void> {
      d.profilesFile.pendingRefs.delete(ref)
      await withTimeout(d.vault.delete(ref), ms).catch((err: unknown) =>
        d.log.warn(`profiles: could not delete ${why}; it is removed at the next start`, {
          err: err instanceof Error ? err.message : String(err)
        })
      )
    }
  }
}

export function createMutations(d: MutationDeps) {
  const secrets = createSecretWriter(d)

  return {
    async create(raw: z.infer<typeof S.ProfileCreateInput>): Promise<StoredProfile> {
      const input = parseInput(S.ProfileCreateInput, raw)
      assertTokenNotExpired(input.authToken, d.clock.now(), 'this profile', 'authToken')
      const apiBaseUrl = d.apiHosts.check(input.apiBaseUrl ?? DEFAULT_API_BASE_URL)
      d.profilesFile.assertWritable()
      assertNameFree(d.profilesFile.current().profiles, input.name)
      const id = newProfileId()
      const ref = newSecretRef(d.profilesFile, id)
      const c = { apiKey: input.apiKey, authToken: input.authToken }
      // 1. The secret, outside the file's queue.
      await secrets.save(ref, c)
      // 2. The file, checked again against what changed meanwhile.
      let saved: StoredProfile
      try {
        saved = await d.profilesFile.serial(async () => {
          d.profilesFile.assertWritable()
          const file = d.profilesFile.current()
          assertNameFree(file.profiles, input.name)
          const p: StoredProfile = {
            id,
            name: input.name,
            projectId: input.projectId,
            location: input.location,
            apiBaseUrl,
            color: input.color ?? defaultColor(file.profiles),
            initials: input.initials ?? defaultInitials(input.name),
            createdAt: new Date(d.clock.now()).toISOString(),
            lastUsedAt: null,
            secretRef: ref
          }
          await d.profilesFile.write({ ...file, profiles: [...file.profiles, p] })
          d.creds.remember(ref, c)
          return p
        })
      } catch (err) {
        await secrets.drop(ref, 'the keychain entry of a profile that was not saved')
        throw err
      }
      secrets.release(ref)
      return saved
    },

    async update(raw: z.infer<typeof S.ProfileUpdateInput>): Promise<StoredProfile> {
      const input = parseInput(S.ProfileUpdateInput, raw)
      if (isDemoId(input.profileId)) throw demoForbidden()
      const newKey = input.apiKey || undefined
      const newToken = input.authToken || undefined
      // Only a token typed now: a stored one that has since expired does not block a rename or a new key.
      if (newToken) assertTokenNotExpired(newToken, d.clock.now(), 'this profile', 'authToken')
      /** The profile as it is now, with the change applied; throws before anything is written. */
      const plan = (file: ReturnType<ProfilesFile['current']>) => {
        const old = file.profiles.find((p) => p.id === input.profileId)
        if (!old) throw notFound(input.profileId)
        if (input.name !== undefined) assertNameFree(file.profiles, input.name, { exceptId: old.id })
        const apiBaseUrl = input.apiBaseUrl === undefined ? old.apiBaseUrl : d.apiHosts.check(input.apiBaseUrl)
        // The stored secrets never follow the profile to another address: a new URL comes with both secrets.
        if (apiBaseUrl !== old.apiBaseUrl && (!newKey || !newToken)) {
          throw new DomainError(
            'VALIDATION',
            'Changing the API base URL needs the API key and the auth token again: Nodetray never sends stored credentials to a new address.',
            { field: newKey ? 'authToken' : 'apiKey' }
          )
        }
        const next: StoredProfile = {
          ...old,
          name: input.name ?? old.name,
          projectId: input.projectId ?? old.projectId,
          location: input.location ?? old.location,
          apiBaseUrl,
          color: input.color ?? old.color,
          // Initials that were the default follow a rename; chosen ones stay.
          initials:
            input.initials ??
            (input.name && old.initials === defaultInitials(old.name) ? defaultInitials(input.name) : old.initials)
        }
        return { old, next }
      }

      d.profilesFile.assertWritable()
      const first = plan(d.profilesFile.current())
      // Blank means "keep": only typed credentials replace the stored ones. Both typed: the old ones are not read.
      let after: Credentials | null = null
      const basedOn = secretRefOf(first.old)
      if (newKey && newToken) after = { apiKey: newKey, authToken: newToken }
      else if (newKey || newToken) {
        const before = await d.creds.get(basedOn)
        const apiKey = newKey ?? before?.apiKey
        const authToken = newToken ?? before?.authToken
        if (!apiKey || !authToken) {
          const message = 'This profile has no stored credentials: enter both the API key and the auth token.'
          throw new DomainError('VALIDATION', message, { field: apiKey ? 'authToken' : 'apiKey' })
        }
        after = { apiKey, authToken }
      }
      const newRef = after ? newSecretRef(d.profilesFile, first.old.id) : null
      // 1. The new secret (if any), outside the file's queue.
      if (newRef && after) await secrets.save(newRef, after)
      let result: { next: StoredProfile; oldRef: string }
      try {
        // 2. The file, planned again on what it holds now.
        result = await d.profilesFile.serial(async () => {
          d.profilesFile.assertWritable()
          const file = d.profilesFile.current()
          const { old, next } = plan(file)
          const oldRef = secretRefOf(old)
          if (after && !(newKey && newToken) && oldRef !== basedOn)
            throw new DomainError('CONFLICT', 'The credentials of this profile changed meanwhile. Try again.')
          if (newRef) next.secretRef = newRef
          await d.profilesFile.write({ ...file, profiles: file.profiles.map((p) => (p.id === old.id ? next : p)) })
          if (newRef && after) {
            d.creds.remember(newRef, after)
            d.creds.forget(oldRef)
          }
          return { next, oldRef }
        })
      } catch (err) {
        if (newRef) await secrets.drop(newRef, 'the new keychain entry of a change that was not saved')
        throw err
      }
      // 3. The replaced entry, now that the file no longer names it.
      if (newRef) {
        secrets.release(newRef)
        await secrets.drop(result.oldRef, 'the replaced keychain entry')
        d.secretsReplaced?.(result.next.id)
      }
      return result.next
    },

    async remove(profileId: string): Promise<void> {
      if (isDemoId(profileId)) throw demoForbidden()
      const gone = await d.profilesFile.serial(async () => {
        d.profilesFile.assertWritable()
        const file = d.profilesFile.current()
        const found = file.profiles.find((p) => p.id === profileId)
        if (!found) throw notFound(profileId)
        // File first: a profile never outlives its secret; the entry left by a crash here is swept at start.
        await d.profilesFile.write({ ...file, profiles: file.profiles.filter((p) => p.id !== profileId) })
        d.creds.forget(secretRefOf(found))
        return found
      })
      await secrets.drop(secretRefOf(gone), 'the keychain entry of a deleted profile')
    }
  }
}
