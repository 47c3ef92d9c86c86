// Wires the profile file, settings, last-known cache and the profiles service together.
import type { ClientFactory } from '../api/client.types'
import type { Clock, DemoBackend, Dialogs } from '../ports'
import type { Logger, SecretScrubber } from '../redact'
import type { CredentialStore } from '../vault/credential-store'
import { createApiHostPolicy } from './api-hosts'
import { nodeStoreFs, type StoreFs } from './atomic-file'
import { createLastKnownStore } from './last-known.store'
import { ProfileStore } from './profile-store'
import { createProfilesService } from './profiles.service'
import type { LastKnownStore, ProfileNotices, ProfilesService, SettingsService } from './profiles.types'
import { createSettingsService } from './settings.service'

export type { ProfileNotice, ProfileNotices } from './profiles.types'
export { ALLOW_API_HOSTS_ENV, parseAllowedHosts } from './api-hosts'

export interface ProfileStackDeps {
  dataDir: string
  homeDir: string
  vault: CredentialStore
  dialogs: Dialogs
  demo: DemoBackend | null
  createClient: ClientFactory
  clock: Clock
  scrubber: SecretScrubber
  log: Logger
  env?: Record<string, string | undefined>
  /** Hosts besides E2E's own that profiles may use (main-side option, see api-hosts.ts). */
  allowApiHosts?: readonly string[]
  /** How long a caller waits for the keychain before a profile shows as locked. */
  keychainWaitMs?: number
  /** How long a change waits for a keychain write or delete before failing with KEYCHAIN_UNAVAILABLE. */
  keychainWriteMs?: number
  /** Tests inject failing file systems here. */
  fs?: StoreFs
  /** See ProfilesServiceDeps.scopeChangeBlockedBy. */
  scopeChangeBlockedBy?: (profileId: string) => string | null
}

export async function createProfileStack(
  deps: ProfileStackDeps
): Promise<{ profiles: ProfilesService & ProfileNotices; settings: SettingsService; lastKnown: LastKnownStore }> {
  const fs = deps.fs ?? nodeStoreFs
  const store = await ProfileStore.open({ dataDir: deps.dataDir, clock: deps.clock, log: deps.log, fs })
  const settings = createSettingsService(store, deps.log)
  const lastKnown = createLastKnownStore({ dataDir: deps.dataDir, fs })
  const profiles = createProfilesService({
    store,
    settings,
    lastKnown,
    vault: deps.vault,
    dialogs: deps.dialogs,
    demo: deps.demo,
    createClient: deps.createClient,
    clock: deps.clock,
    scrubber: deps.scrubber,
    log: deps.log,
    homeDir: deps.homeDir,
    fs,
    apiHosts: createApiHostPolicy(deps.allowApiHosts ?? []),
    ...(deps.keychainWaitMs !== undefined ? { keychainWaitMs: deps.keychainWaitMs } : {}),
    ...(deps.keychainWriteMs !== undefined ? { keychainWriteMs: deps.keychainWriteMs } : {}),
    ...(deps.scopeChangeBlockedBy ? { scopeChangeBlockedBy: deps.scopeChangeBlockedBy } : {})
  })
  return { profiles, settings, lastKnown }
}
