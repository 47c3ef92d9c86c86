import type { z } from 'zod'
import type { NodeSummary } from '../../../shared/domain/node'
import type { PendingCreateRecord } from '../../../shared/domain/node-state'
import type { Project } from '../../../shared/domain/resources'
import type { ImportCheckResult, ProfileView } from '../../../shared/domain/profile'
import type { Settings } from '../../../shared/domain/settings'
import type { ImportPreview } from '../../../shared/ipc/contract'
import type * as S from '../../../shared/ipc/schemas'
import type { ApiTarget } from '../api/client.types'
import type { SweepResult } from './keychain-sweep'

export interface ProfilesService {
  /** Demo profiles first (unless hidden by settings), then the user's, in creation order. */
  list(): Promise<ProfileView[]>
  /** Throws DomainError NOT_FOUND. */
  get(profileId: string): Promise<ProfileView>
  create(input: z.infer<typeof S.ProfileCreateInput>): Promise<ProfileView>
  /**
   * Blank or absent apiKey/authToken keep the stored ones, except with a new apiBaseUrl, which needs both
   * (VALIDATION otherwise). Demo profiles are read-only (FORBIDDEN).
   */
  update(input: z.infer<typeof S.ProfileUpdateInput>): Promise<ProfileView>
  /** Removes the profile, its keychain entries and its last-known cache. */
  delete(profileId: string): Promise<void>
  checkCredentials(input: z.infer<typeof S.CheckCredentialsInput>): Promise<{ valid: true; projects: Project[] }>
  /** Opens the file dialog in main (the file never reaches the page), parses it, keeps the secrets in memory. */
  pickImport(kind: z.infer<typeof S.ImportKind>): Promise<ImportPreview | null>
  importProfiles(input: z.infer<typeof S.ImportInput>): Promise<ProfileView[]>
  /** Main's checks of one alias of a pending import; an alias whose check failed is refused by importProfiles. */
  checkImport(input: z.infer<typeof S.ImportCheckInput>): Promise<ImportCheckResult>
  exportProfiles(): Promise<{ savedTo: string | null; count: number }>
  /** Main-only: what the API client needs, secrets included. Never returned over IPC. */
  apiTarget(profileId: string): Promise<ApiTarget>
  markUsed(profileId: string): Promise<void>
  onChanged(listener: (profiles: ProfileView[]) => void): () => void
}

export interface SettingsService {
  get(): Settings
  update(patch: Partial<Settings>): Promise<Settings>
  onChanged(listener: (settings: Settings) => void): () => void
}

export interface LastKnown {
  nodes: NodeSummary[]
  /** null: no list fetched yet, but creates are pending. */
  fetchedAt: string | null
  /** Creates whose outcome is not known yet: kept with the list so a restart cannot forget them. */
  creates?: PendingCreateRecord[]
}

/** Per-profile last node list, persisted so the app shows something at once and when offline. */
export interface LastKnownCache {
  load(profileId: string): Promise<LastKnown | null>
  save(profileId: string, value: LastKnown): Promise<void>
  delete(profileId: string): Promise<void>
}

/** A problem the user should hear about once, e.g. profiles.json was corrupt and was moved aside. */
export interface ProfileNotice {
  id: string
  level: 'warning'
  message: string
  /** Where the unreadable file was moved, when it was. */
  keptAs: string | null
}

/** Main-only extras of the profiles service returned by createProfileStack (not part of the IPC contract). */
export interface ProfileNotices {
  /** Load problems found at startup; empty when all was well. The list survives until dismissed. */
  readonly notices: readonly ProfileNotice[]
  dismissNotice(id: string): void
  /** Asks the keychain again (unlock prompt allowed) for one profile or all; the list after it. */
  retryKeychain(profileId?: string): Promise<ProfileView[]>
  /** E2E answered 401 to this profile's key and token (true), or a call succeeded again (false). */
  setTokenRejected(profileId: string, rejected: boolean): void
  /** The start-up keychain sweep (orphans deleted, missing secrets found), running in the background. */
  keychainSweep(): Promise<SweepResult>
}
