// Create, update and delete. Each runs in the store's queue with the vault first, and undoes its vault change
// when the file write fails, so a profile never lacks its secret and no secret outlives its profile.
import type { z } from 'zod'
import { DEFAULT_API_BASE_URL, type Profile } from '../../../shared/domain/profile'
import * as S from '../../../shared/ipc/schemas'
import type { Clock } from '../app/ports'
import { DomainError } from '../errors'
import type { Logger, SecretScrubber } from '../redact'
import type { CredentialStore, Credentials } from '../vault/credential-store'
import type { CredentialCache } from './credential-cache'
import { demoForbidden, isDemoId } from './demo-profiles'
import type { ProfileStore } from './profile-store'
import { assertNameFree, defaultColor, defaultInitials, newProfileId, notFound, parseInput } from './profile-rules'

export interface MutationDeps {
  store: ProfileStore
  vault: CredentialStore
  creds: CredentialCache
  clock: Clock
  scrubber: SecretScrubber
  log: Logger
}

export function createMutations(d: MutationDeps) {
  /** Puts the secrets in the vault; throws KEYCHAIN_UNAVAILABLE before anything else is written. */
  const saveSecrets = async (profileId: string, c: Credentials) => {
    d.scrubber.add(c.apiKey)
    d.scrubber.add(c.authToken)
    await d.vault.set(profileId, c)
  }
  const undo = async (what: string, fn: () => Promise<unknown>) => {
    await fn().catch((err: unknown) =>
      d.log.error(`profiles: could not undo ${what}`, { err: err instanceof Error ? err.message : String(err) })
    )
  }

  return {
    create(raw: z.infer<typeof S.ProfileCreateInput>): Promise<Profile> {
      const input = parseInput(S.ProfileCreateInput, raw)
      return d.store.serial(async () => {
        const file = d.store.current()
        assertNameFree(file.profiles, input.name)
        const p: Profile = {
          id: newProfileId(),
          name: input.name,
          projectId: input.projectId,
          location: input.location,
          apiBaseUrl: input.apiBaseUrl ?? DEFAULT_API_BASE_URL,
          color: input.color ?? defaultColor(file.profiles),
          initials: input.initials ?? defaultInitials(input.name),
          createdAt: new Date(d.clock.now()).toISOString(),
          lastUsedAt: null
        }
        const c = { apiKey: input.apiKey, authToken: input.authToken }
        await saveSecrets(p.id, c)
        try {
          await d.store.write({ ...file, profiles: [...file.profiles, p] })
        } catch (err) {
          await undo('the keychain entry of a profile that was not saved', () => d.vault.delete(p.id))
          throw err
        }
        d.creds.remember(p.id, c)
        return p
      })
    },

    update(raw: z.infer<typeof S.ProfileUpdateInput>): Promise<Profile> {
      const input = parseInput(S.ProfileUpdateInput, raw)
      if (isDemoId(input.profileId)) throw demoForbidden()
      return d.store.serial(async () => {
        const file = d.store.current()
        const old = file.profiles.find((p) => p.id === input.profileId)
        if (!old) throw notFound(input.profileId)
        if (input.name !== undefined) assertNameFree(file.profiles, input.name, { exceptId: old.id })
        const next: Profile = {
          ...old,
          name: input.name ?? old.name,
          projectId: input.projectId ?? old.projectId,
          location: input.location ?? old.location,
          apiBaseUrl: input.apiBaseUrl ?? old.apiBaseUrl,
          color: input.color ?? old.color,
          // Initials that were the default follow a rename; chosen ones stay.
          initials:
            input.initials ??
            (input.name && old.initials === defaultInitials(old.name) ? defaultInitials(input.name) : old.initials)
        }
        // Blank means "keep": only typed credentials replace the stored ones.
        const newKey = input.apiKey || undefined
        const newToken = input.authToken || undefined
        let saved: { before: Credentials | null; after: Credentials } | null = null
        if (newKey || newToken) {
          const before = await d.creds.get(old.id)
          const apiKey = newKey ?? before?.apiKey
          const authToken = newToken ?? before?.authToken
          if (!apiKey || !authToken) {
            const message = 'This profile has no stored credentials: enter both the API key and the auth token.'
            throw new DomainError('VALIDATION', message, { field: apiKey ? 'authToken' : 'apiKey' })
          }
          saved = { before, after: { apiKey, authToken } }
          await saveSecrets(old.id, saved.after)
        }
        try {
          await d.store.write({ ...file, profiles: file.profiles.map((p) => (p.id === old.id ? next : p)) })
        } catch (err) {
          const s = saved
          if (s)
            await undo('a credential change', () => (s.before ? d.vault.set(old.id, s.before) : d.vault.delete(old.id)))
          throw err
        }
        if (saved) d.creds.remember(old.id, saved.after)
        return next
      })
    },

    remove(profileId: string): Promise<void> {
      if (isDemoId(profileId)) throw demoForbidden()
      return d.store.serial(async () => {
        const file = d.store.current()
        if (!file.profiles.some((p) => p.id === profileId)) throw notFound(profileId)
        const before = await d.creds.get(profileId).catch(() => null)
        // Keychain first: when it fails the profile stays, so the user can retry and nothing is orphaned.
        await d.vault.delete(profileId)
        d.creds.forget(profileId)
        try {
          await d.store.write({ ...file, profiles: file.profiles.filter((p) => p.id !== profileId) })
        } catch (err) {
          if (before) await undo('a keychain deletion', () => d.vault.set(profileId, before))
          throw err
        }
      })
    }
  }
}
