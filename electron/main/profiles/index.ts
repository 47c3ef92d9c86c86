// Wires the profile file, settings, last-known cache and the profiles service together.
import type { ClientFactory } from '../api/client.types'
import type { Clock, DemoBackend, Dialogs } from '../ports'
import type { Logger, SecretScrubber } from '../redact'
import type { CredentialVault } from '../vault/credential-vault'
import { createApiHostPolicy } from './api-hosts'
import { nodeDiskFs, type DiskFs } from './atomic-file'
import { createLastKnownCache } from './last-known-cache'
import { ProfilesFile } from './profiles-file'
import { createProfilesService } from './profiles.service'
import type { LastKnownCache, ProfileNotices, ProfilesService, SettingsService } from './profiles.types'
import { createSettingsService } from './settings.service'

export type { ProfileNotice, ProfileNotices } from './profiles.types'
export { ALLOW_API_HOSTS_ENV, parseAllowedHosts } from './api-hosts'

export interface ProfileStackDeps {
  dataDir: string
  homeDir: string
  vault: CredentialVault
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
  fs?: DiskFs
  /** See ProfilesServiceDeps.scopeChangeBlockedBy. */
  scopeChangeBlockedBy?: (profileId: string) => string | null
}

export async function createProfileStack(
  deps: ProfileStackDeps
): Promise<{ profiles: ProfilesService & ProfileNotices; settings: SettingsService; lastKnown: LastKnownCache }> {
  const fs = deps.fs ?? nodeDiskFs
  const profilesFile = await ProfilesFile.open({ dataDir: deps.dataDir, clock: deps.clock, log: deps.log, fs })
  const settings = createSettingsService(profilesFile, deps.log)
  const lastKnown = createLastKnownCache({ dataDir: deps.dataDir, fs })
  const profiles = createProfilesService({
    profilesFile,
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

/**
 * `--demo on` (preview host) and NODETRAY_DEMO=on: start with the demo sandbox shown, as if the user had picked it
 * on the first-run screen, but only while nothing is set up (no profile of the user's own). True when it did.
 */
export async function showDemoIfNothingSetUp(profiles: ProfilesService, settings: SettingsService): Promise<boolean> {
  if (settings.get().showDemo) return false
  if ((await profiles.list()).some((p) => !p.isDemo)) return false
  await settings.update({ showDemo: true })
  return true
}
