// The profiles service: profiles live in profiles.json, their secrets in the vault (changes in
// profile-mutations.ts), demo profiles come from the embedded simulator, imports from profiles-import.ts.
// Listing never waits long for the keychain (credential-cache.ts): a locked or silent keychain shows per profile.
import { DEFAULT_API_BASE_URL, type Profile, type ProfileView } from '../../../shared/domain/profile'
import * as S from '../../../shared/ipc/schemas'
import type { ApiTarget, ClientFactory } from '../api/client.types'
import type { Clock, DemoBackend, DemoConnection, Dialogs } from '../ports'
import { DomainError } from '../errors'
import type { Logger, SecretScrubber } from '../redact'
import type { CredentialVault } from '../vault/credential-vault'
import type { ApiHostPolicy } from './api-hosts'
import type { DiskFs } from './atomic-file'
import { createCredentialCache } from './credential-cache'
import { credentialInfo, credentialView } from './credential-info'
import { sweepKeychain, type SweepResult } from './keychain-sweep'
import { publicProfile, secretRefOf, type StoredProfile } from './profile-file.schema'
import { demoProfiles, isDemoId, lazyDemo } from './demo-profiles'
import { createImportExport } from './profiles-import'
import { createMutations, createSecretWriter } from './profile-mutations'
import type { ProfilesFile } from './profiles-file'
import { assertTokenNotExpired, notFound, parseInput } from './profile-rules'
import { keptLaterMessage } from './restore-keep'
import type { LastKnownCache, ProfileNotice, ProfileNotices, ProfilesService, SettingsService } from './profiles.types'

export interface ProfilesServiceDeps {
  profilesFile: ProfilesFile
  settings: SettingsService
  lastKnown: LastKnownCache
  vault: CredentialVault
  dialogs: Dialogs
  demo: DemoBackend | null
  createClient: ClientFactory
  clock: Clock
  scrubber: SecretScrubber
  log: Logger
  homeDir: string
  fs: DiskFs
  apiHosts: ApiHostPolicy
  /** How long a caller waits for the keychain before the profile shows as locked. */
  keychainWaitMs?: number
  /** How long a change waits for a keychain write or delete before it fails (profile-mutations.ts). */
  keychainWriteMs?: number
  /** Why this profile's project, location or base URL must not change now (a create in flight), or null. */
  scopeChangeBlockedBy?: (profileId: string) => string | null
}

const MARK_USED_EVERY_MS = 60_000

export function createProfilesService(d: ProfilesServiceDeps): ProfilesService & ProfileNotices {
  const creds = createCredentialCache(d.vault, d.scrubber, { waitMs: d.keychainWaitMs })
  const demoConn = lazyDemo(d.demo, d.scrubber, d.log)
  const startedAt = new Date(d.clock.now()).toISOString()
  const demoLastUsed = new Map<string, string>()
  const listeners = new Set<(profiles: ProfileView[]) => void>()
  let notices: ProfileNotice[] = d.profilesFile.takeStartupNotices()
  /** Profiles whose token E2E answered 401 to since their secrets were last saved. */
  const rejected = new Set<string>()

  const demosShown = async (): Promise<{ conn: DemoConnection; profiles: Profile[] } | null> => {
    if (!d.demo || !d.settings.get().showDemo) return null
    const conn = await demoConn()
    return conn ? { conn, profiles: demoProfiles(conn, startedAt, demoLastUsed) } : null
  }

  const view = async (p: StoredProfile, demo: DemoConnection | null): Promise<ProfileView> => {
    const base = publicProfile(p)
    if (demo) {
      const c = { apiKey: demo.apiKey, authToken: demo.authToken }
      return { ...base, isDemo: true, credentials: credentialInfo(c, d.clock.now()) }
    }
    const read = await creds.read(secretRefOf(p))
    return { ...base, isDemo: false, credentials: credentialView(read, rejected.has(p.id), d.clock.now()) }
  }

  /** A create in flight or checking pins its profile's project, location and base URL (nodes/engine.ts). */
  const assertScopeMayChange = (raw: unknown): void => {
    const input = parseInput(S.ProfileUpdateInput, raw)
    const old = d.profilesFile.current().profiles.find((p) => p.id === input.profileId)
    const blocked = old ? d.scopeChangeBlockedBy?.(old.id) : null
    if (!old || !blocked) return
    const moves =
      (input.projectId !== undefined && input.projectId !== old.projectId) ||
      (input.location !== undefined && input.location !== old.location) ||
      (input.apiBaseUrl !== undefined && d.apiHosts.check(input.apiBaseUrl) !== old.apiBaseUrl)
    if (moves) throw new DomainError('PRECONDITION', blocked, { field: 'projectId' })
  }

  const list = async (): Promise<ProfileView[]> => {
    const demos = await demosShown()
    const user = d.profilesFile.current().profiles
    return Promise.all([
      ...(demos?.profiles ?? []).map((p) => view(p, demos?.conn ?? null)),
      ...user.map((p) => view(p, null))
    ])
  }

  /** The profile and whether it is a demo; NOT_FOUND for unknown ids and hidden demos. */
  const resolve = async (profileId: string): Promise<{ profile: StoredProfile; demo: DemoConnection | null }> => {
    if (isDemoId(profileId)) {
      const demos = await demosShown()
      const profile = demos?.profiles.find((p) => p.id === profileId)
      if (!profile || !demos) throw notFound(profileId)
      return { profile, demo: demos.conn }
    }
    const profile = d.profilesFile.current().profiles.find((p) => p.id === profileId)
    if (!profile) throw notFound(profileId)
    return { profile, demo: null }
  }

  let emitting: Promise<void> = Promise.resolve()
  const changed = (): void => {
    // Chained so listeners see lists in the order the changes happened.
    emitting = emitting
      .then(async () => {
        if (listeners.size === 0) return
        const profiles = await list()
        for (const l of listeners) {
          try {
            l(profiles)
          } catch (err) {
            d.log.error('profiles: listener failed', { err: String(err) })
          }
        }
      })
      .catch((err: unknown) => d.log.error('profiles: cannot list after a change', { err: String(err) }))
  }
  let showDemo = d.settings.get().showDemo
  // A read that outlived its caller (a slow or locked keychain) landed: send the list again.
  creds.onSettled(changed)
  d.settings.onChanged((s) => {
    if (s.showDemo !== showDemo) {
      showDemo = s.showDemo
      changed()
    }
  })

  /**
   * The demo sandbox hides itself once the user has a profile of their own: called after a create or import with
   * how many profiles of their own there were before it. The setting "Show the demo sandbox" brings it back.
   */
  const hideDemoAfterFirstOwn = async (ownBefore: number): Promise<void> => {
    if (ownBefore > 0 || !d.settings.get().showDemo) return
    try {
      await d.settings.update({ showDemo: false })
    } catch (err) {
      d.log.warn('profiles: could not hide the demo after the first profile', { err: String(err) })
    }
  }

  const assertNotExpired = (authToken: string, who: string): void =>
    assertTokenNotExpired(authToken, d.clock.now(), who)

  const apiTarget = async (profileId: string): Promise<ApiTarget> => {
    const { profile, demo } = await resolve(profileId)
    // Checked on every use too: a profile file edited by hand cannot send the secrets elsewhere either.
    const baseUrl = demo ? profile.apiBaseUrl : d.apiHosts.check(profile.apiBaseUrl)
    const c = demo ? { apiKey: demo.apiKey, authToken: demo.authToken } : await creds.get(secretRefOf(profile))
    if (!c) {
      throw new DomainError(
        'AUTH',
        `No credentials are stored for ${profile.name}. Edit the profile and enter its API key and auth token.`
      )
    }
    assertNotExpired(c.authToken, profile.name)
    return {
      baseUrl,
      apiKey: c.apiKey,
      authToken: c.authToken,
      projectId: Number(profile.projectId),
      location: profile.location
    }
  }

  const mutations = createMutations({
    profilesFile: d.profilesFile,
    vault: d.vault,
    creds,
    apiHosts: d.apiHosts,
    clock: d.clock,
    scrubber: d.scrubber,
    log: d.log,
    secretsReplaced: (id) => rejected.delete(id),
    keychainWriteMs: d.keychainWriteMs
  })

  /** A fallback load recorded the keychain entries it keeps: its notice says how many (restore-keep.ts). */
  const keptNotice = (kept: number): void => {
    const restore = d.profilesFile.restoreNotice
    if (restore) {
      // Re-worded in place; a notice the user already dismissed stays dismissed.
      notices = notices.map((n) => (n.id === restore.id ? { ...n, message: restore.describe(kept) } : n))
    } else if (kept > 0) {
      const message = keptLaterMessage(kept)
      notices = [...notices, { id: `profiles-kept-entries-${d.clock.now()}`, level: 'warning', message, keptAs: null }]
    }
    changed()
  }

  // In the background: start-up never waits for the keychain.
  const sweep: Promise<SweepResult> = sweepKeychain({ profilesFile: d.profilesFile, vault: d.vault, log: d.log }).then(
    (r) => {
      if (!r.swept && r.keychain?.state === 'unavailable') {
        notices = [
          ...notices,
          {
            id: `keychain-unavailable-${d.clock.now()}`,
            level: 'warning',
            message: `Nodetray cannot reach the system keychain, so it cannot use your saved API keys. ${r.keychain.hint}`,
            keptAs: null
          }
        ]
        changed()
      }
      // Profiles that took back their entry (after a restore from the backup) read it now.
      if (r.adopted?.length) changed()
      if (r.kept !== undefined) keptNotice(r.kept)
      if (r.swept && r.missing.length) {
        const names = r.missing.map((p) => `"${p.name}"`).join(', ')
        notices = [
          ...notices,
          {
            id: `profiles-needs-credentials-${d.clock.now()}`,
            level: 'warning',
            message: `${names} ${r.missing.length === 1 ? 'has' : 'have'} no API key and auth token in the system keychain. Edit ${r.missing.length === 1 ? 'it' : 'each one'} and enter them again.`,
            keptAs: null
          }
        ]
        for (const p of r.missing) creds.forget(secretRefOf(p))
        changed()
      }
      return r
    }
  )

  const importExport = createImportExport({
    profilesFile: d.profilesFile,
    vault: d.vault,
    dialogs: d.dialogs,
    clock: d.clock,
    scrubber: d.scrubber,
    log: d.log,
    homeDir: d.homeDir,
    fs: d.fs,
    secrets: createSecretWriter({ ...d, keychainWriteMs: d.keychainWriteMs }),
    remember: (id, c) => creds.remember(id, c),
    view: (p) => view(p, null),
    changed,
    checks: { apiHosts: d.apiHosts, createClient: d.createClient }
  })

  return {
    list,
    get: async (profileId) => {
      const { profile, demo } = await resolve(profileId)
      return view(profile, demo)
    },

    async create(raw) {
      const ownBefore = d.profilesFile.current().profiles.length
      const profile = await mutations.create(raw)
      await hideDemoAfterFirstOwn(ownBefore)
      changed()
      return view(profile, null)
    },

    async update(raw) {
      assertScopeMayChange(raw)
      const profile = await mutations.update(raw)
      changed()
      return view(profile, null)
    },

    async delete(profileId) {
      await mutations.remove(profileId)
      await d.lastKnown
        .delete(profileId)
        .catch((err: unknown) => d.log.warn('profiles: cannot delete the node cache', { profileId, err: String(err) }))
      changed()
    },

    async checkCredentials(raw) {
      const input = parseInput(S.CheckCredentialsInput, raw)
      let target: ApiTarget
      if ('profileId' in input) {
        const t = await apiTarget(input.profileId)
        target = { baseUrl: t.baseUrl, apiKey: t.apiKey, authToken: t.authToken }
      } else if ('importId' in input) {
        // Secrets held in main (not typed in this call) go only to E2E's default address.
        const baseUrl = d.apiHosts.check(input.apiBaseUrl ?? DEFAULT_API_BASE_URL)
        if (baseUrl !== d.apiHosts.check(DEFAULT_API_BASE_URL)) {
          throw new DomainError(
            'VALIDATION',
            'Imported credentials are checked only against E2E Networks. To use another API address, type the API key and auth token.',
            { field: 'apiBaseUrl' }
          )
        }
        const c = importExport.importedCredentials(input.importId, input.alias)
        assertNotExpired(c.authToken, input.alias)
        target = { baseUrl, apiKey: c.apiKey, authToken: c.authToken }
      } else {
        const baseUrl = d.apiHosts.check(input.apiBaseUrl ?? DEFAULT_API_BASE_URL)
        d.scrubber.add(input.apiKey)
        d.scrubber.add(input.authToken)
        assertNotExpired(input.authToken, 'this profile')
        target = { baseUrl, apiKey: input.apiKey, authToken: input.authToken }
      }
      const client = d.createClient(target)
      await client.checkCredentials()
      const projects = await client.listProjects()
      return { valid: true as const, projects }
    },

    pickImport: importExport.pickImport,
    checkImport: importExport.checkImport,
    async importProfiles(raw) {
      const ownBefore = d.profilesFile.current().profiles.length
      const created = await importExport.importProfiles(raw)
      await hideDemoAfterFirstOwn(ownBefore)
      return created
    },
    exportProfiles: importExport.exportProfiles,
    apiTarget,

    async markUsed(profileId) {
      const now = d.clock.now()
      const { profile, demo } = await resolve(profileId)
      const last = profile.lastUsedAt ? Date.parse(profile.lastUsedAt) : 0
      // Called on every switch and refresh: skip the disk write when it changes nothing visible.
      if (now - last < MARK_USED_EVERY_MS) return
      const stamp = new Date(now).toISOString()
      if (demo) demoLastUsed.set(profileId, stamp)
      else if (!d.profilesFile.writable) return
      else {
        const found = await d.profilesFile.update((file) => {
          const hit = file.profiles.some((p) => p.id === profileId)
          return {
            next: {
              ...file,
              profiles: file.profiles.map((p) => (p.id === profileId ? { ...p, lastUsedAt: stamp } : p))
            },
            result: hit
          }
        })
        if (!found) return
      }
      changed()
    },

    onChanged(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    async retryKeychain(profileId) {
      const ids = profileId === undefined ? d.profilesFile.current().profiles.map((p) => p.id) : [profileId]
      const targets = d.profilesFile.current().profiles.filter((p) => ids.includes(p.id))
      if (profileId !== undefined && targets.length === 0) throw notFound(profileId)
      await Promise.all(targets.map((p) => creds.read(secretRefOf(p), { retry: true })))
      changed()
      return list()
    },

    setTokenRejected(profileId, isRejected) {
      if (isDemoId(profileId) || rejected.has(profileId) === isRejected) return
      if (isRejected && !d.profilesFile.current().profiles.some((p) => p.id === profileId)) return
      if (isRejected) rejected.add(profileId)
      else rejected.delete(profileId)
      changed()
    },

    keychainSweep: () => sweep,

    get notices() {
      return notices
    },
    dismissNotice(id) {
      notices = notices.filter((n) => n.id !== id)
    }
  }
}
