// Create, update and delete, ordered so that a crash (or a failure) at any point leaves the old or the new
// state, never a profile without its secret:
//   - Each profile names the keychain entry that holds its secrets (`secretRef`); a new secret always goes into
//     a NEW entry, never over the one the file points at.
//   - create:  1. write the secret under a fresh entry  2. write the file with the profile.
//   - update:  1. write the new secret under a fresh entry  2. write the file pointing at it  3. delete the old entry.
//     (Name, colour and other edits without new secrets write only the file.)
//   - delete:  1. write the file without the profile  2. delete its entry.
//   - import:  1. write every secret under fresh entries  2. write the file with all profiles.
// A crash between the steps leaves at most an entry that no profile names (an orphan): the start-up sweep
// (keychain-sweep.ts) deletes those once the file has loaded cleanly. A profile created whose file write never
// landed is simply not there; no step ever removes the entry a saved profile points at before the file stops
// pointing at it.
import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import { DEFAULT_API_BASE_URL } from '../../../shared/domain/profile'
import * as S from '../../../shared/ipc/schemas'
import type { Clock } from '../app/ports'
import { DomainError } from '../errors'
import type { Logger, SecretScrubber } from '../redact'
import type { CredentialStore, Credentials } from '../vault/credential-store'
import type { ApiHostPolicy } from './api-hosts'
import type { CredentialCache } from './credential-cache'
import { demoForbidden, isDemoId } from './demo-profiles'
import { secretRefOf, type StoredProfile } from './profile-file.schema'
import type { ProfileStore } from './profile-store'
import { assertNameFree, defaultColor, defaultInitials, newProfileId, notFound, parseInput } from './profile-rules'

export interface MutationDeps {
  store: ProfileStore
  vault: CredentialStore
  creds: CredentialCache
  apiHosts: ApiHostPolicy
  clock: Clock
  scrubber: SecretScrubber
  log: Logger
  /** Called after a profile's secrets were replaced (a rejected token is forgiven). */
  secretsReplaced?(profileId: string): void
}

/** A fresh keychain account for a profile's secrets: `<profile id>.<random>`. */
export function newSecretRef(profileId: string): string {
  return `${profileId}.${randomBytes(4).toString('hex')}`
}

export function createMutations(d: MutationDeps) {
  /** Puts the secrets in a fresh entry; throws KEYCHAIN_UNAVAILABLE before anything else is written. */
  const saveSecrets = async (ref: string, c: Credentials) => {
    d.scrubber.add(c.apiKey)
    d.scrubber.add(c.authToken)
    await d.vault.set(ref, c)
  }
  /** Best effort: an entry left behind is an orphan the next start-up sweep removes. */
  const dropEntry = async (ref: string, why: string) => {
    await d.vault.delete(ref).catch((err: unknown) =>
      d.log.warn(`profiles: could not delete ${why}; it is removed at the next start`, {
        err: err instanceof Error ? err.message : String(err)
      })
    )
  }

  return {
    create(raw: z.infer<typeof S.ProfileCreateInput>): Promise<StoredProfile> {
      const input = parseInput(S.ProfileCreateInput, raw)
      const apiBaseUrl = d.apiHosts.check(input.apiBaseUrl ?? DEFAULT_API_BASE_URL)
      return d.store.serial(async () => {
        d.store.assertWritable()
        const file = d.store.current()
        assertNameFree(file.profiles, input.name)
        const id = newProfileId()
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
          secretRef: newSecretRef(id)
        }
        const ref = secretRefOf(p)
        const c = { apiKey: input.apiKey, authToken: input.authToken }
        await saveSecrets(ref, c)
        try {
          await d.store.write({ ...file, profiles: [...file.profiles, p] })
        } catch (err) {
          await dropEntry(ref, 'the keychain entry of a profile that was not saved')
          throw err
        }
        d.creds.remember(ref, c)
        return p
      })
    },

    update(raw: z.infer<typeof S.ProfileUpdateInput>): Promise<StoredProfile> {
      const input = parseInput(S.ProfileUpdateInput, raw)
      if (isDemoId(input.profileId)) throw demoForbidden()
      const newKey = input.apiKey || undefined
      const newToken = input.authToken || undefined
      return d.store.serial(async () => {
        d.store.assertWritable()
        const file = d.store.current()
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
        // Blank means "keep": only typed credentials replace the stored ones. Both typed: the old ones are not read.
        let after: Credentials | null = null
        if (newKey && newToken) after = { apiKey: newKey, authToken: newToken }
        else if (newKey || newToken) {
          const before = await d.creds.get(secretRefOf(old))
          const apiKey = newKey ?? before?.apiKey
          const authToken = newToken ?? before?.authToken
          if (!apiKey || !authToken) {
            const message = 'This profile has no stored credentials: enter both the API key and the auth token.'
            throw new DomainError('VALIDATION', message, { field: apiKey ? 'authToken' : 'apiKey' })
          }
          after = { apiKey, authToken }
        }
        const oldRef = secretRefOf(old)
        if (after) {
          next.secretRef = newSecretRef(old.id)
          await saveSecrets(next.secretRef, after)
        }
        try {
          await d.store.write({ ...file, profiles: file.profiles.map((p) => (p.id === old.id ? next : p)) })
        } catch (err) {
          if (after) await dropEntry(secretRefOf(next), 'the new keychain entry of a change that was not saved')
          throw err
        }
        if (after) {
          d.creds.remember(secretRefOf(next), after)
          d.creds.forget(oldRef)
          await dropEntry(oldRef, 'the replaced keychain entry')
          d.secretsReplaced?.(old.id)
        }
        return next
      })
    },

    remove(profileId: string): Promise<void> {
      if (isDemoId(profileId)) throw demoForbidden()
      return d.store.serial(async () => {
        d.store.assertWritable()
        const file = d.store.current()
        const gone = file.profiles.find((p) => p.id === profileId)
        if (!gone) throw notFound(profileId)
        // File first: a profile never outlives its secret; the entry left by a crash here is swept at start.
        await d.store.write({ ...file, profiles: file.profiles.filter((p) => p.id !== profileId) })
        d.creds.forget(secretRefOf(gone))
        await dropEntry(secretRefOf(gone), 'the keychain entry of a deleted profile')
      })
    }
  }
}
