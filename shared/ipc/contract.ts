// The one IPC contract. Main's handler map, the preload, the preview bridge and the renderer's fakes are all
// typed from it, so a change here breaks every side that disagrees at compile time.
import type { z } from 'zod'
import type { CreateOptionsData, OsFamily, Plan, Project } from '../domain/index'
import type { NodeDetail, NodeSummary } from '../domain/node'
import type { ProfileNodes } from '../domain/node-state'
import type { ImportCheckResult, ProfileView } from '../domain/profile'
import type { Settings } from '../domain/settings'
import type { TrayMenuModel } from '../domain/tray'
import type { AppNotification } from '../domain/notifications'
import type { Location } from '../domain/location'
import type { UpdateStatus } from '../domain/updates'
import * as S from './schemas'
import { EVENT_NAMES, INVOKE_CHANNELS } from './channels'

export { EVENT_NAMES, INVOKE_CHANNELS }

export interface AppInfo {
  name: string
  version: string
  platform: string
  /** The demo profile (embedded simulator) is available and shown. */
  demoMode: boolean
  /** The demo sandbox can be shown in this build (the first-run choice, the setting); absent means false. */
  demoAvailable?: boolean
  /** Started to open on the demo sandbox (`npm start` from a checkout, `--demo on`): no first-run screen while the
   * demo is all there is. Absent means false. */
  startsOnDemo?: boolean
  /** Running in the browser preview host rather than Electron. */
  preview: boolean
  /** Problems found at startup (e.g. an unreadable profile file kept aside), until dismissed. */
  notices: AppNotice[]
}

export interface AppNotice {
  id: string
  level: 'warning'
  message: string
}

export interface ImportPreviewEntry {
  alias: string
  apiKeyHint: string
  tokenExpiresAt: string | null
  suggestedProjectId: string | null
  suggestedLocation: Location | null
  nameTaken: boolean
}
export interface ImportPreview {
  importId: string
  kind: z.infer<typeof S.ImportKind>
  source: string
  entries: ImportPreviewEntry[]
}

export type WizardDraftData = z.infer<typeof S.WizardDraftSchema>
export interface WizardDraftSaved {
  draft: WizardDraftData
  /** ISO time of the last save. */
  savedAt: string
}

export type CreateNodeResult = {
  /** 'created': the API confirmed. 'recovered': the call failed ambiguously but the node exists. */
  outcome: 'created' | 'recovered'
  nodes: NodeSummary[]
  message: string
}

export const invokeSchemas = {
  'app:info': S.Empty,
  'app:open-external': S.OpenExternalInput,
  'app:dismiss-notice': S.NoticeRef,
  'clipboard:write': S.ClipboardInput,
  'settings:get': S.Empty,
  'settings:update': S.SettingsPatch,
  'profiles:list': S.Empty,
  'profiles:create': S.ProfileCreateInput,
  'profiles:update': S.ProfileUpdateInput,
  'profiles:delete': S.ProfileRef,
  'profiles:check-credentials': S.CheckCredentialsInput,
  'profiles:pick-import': S.ImportKindInput,
  'profiles:import': S.ImportInput,
  'profiles:export': S.Empty,
  'profiles:retry-keychain': S.OptionalProfileRef,
  'profiles:check-import': S.ImportCheckInput,
  'nodes:snapshot': S.SnapshotInput,
  'nodes:refresh': S.OptionalProfileRef,
  'nodes:detail': S.NodeRef,
  'nodes:action': S.NodeActionInput,
  'nodes:delete': S.DeleteNodeInput,
  'nodes:committed-settings': S.CommittedSettingsInput,
  'nodes:create': S.CreateNodeInput,
  'catalog:os': S.ProfileRef,
  'catalog:plans': S.PlansInput,
  'catalog:create-options': S.ProfileRef,
  'poller:set-paused': S.PauseInput,
  'tray:model': S.Empty,
  'tray:activate': S.TrayActivateInput,
  'dialog:respond': S.DialogResponseInput,
  'updates:status': S.Empty,
  'updates:restart': S.Empty,
  'wizard:draft-get': S.Empty,
  'wizard:draft-save': S.WizardDraftSaveInput
} as const

export interface InvokeResults {
  'app:info': AppInfo
  'app:open-external': { opened: boolean }
  'app:dismiss-notice': { dismissed: boolean }
  /** Main writes the clipboard: the renderer's permission handler denies the async clipboard API. */
  'clipboard:write': { copied: true }
  'settings:get': Settings
  'settings:update': Settings
  'profiles:list': ProfileView[]
  'profiles:create': ProfileView
  'profiles:update': ProfileView
  'profiles:delete': { deleted: true }
  'profiles:check-credentials': { valid: true; projects: Project[] }
  /** null when the user cancelled the file dialog. */
  'profiles:pick-import': ImportPreview | null
  'profiles:import': ProfileView[]
  /** Main writes the file itself (no secrets in it); null when cancelled. */
  'profiles:export': { savedTo: string | null; count: number }
  /** Asks the keychain again for one profile (or all): after an unlock, or when it did not answer in time. */
  'profiles:retry-keychain': ProfileView[]
  /** Checks one alias of a pending import; failed checks are results, not errors. */
  'profiles:check-import': ImportCheckResult
  'nodes:snapshot': ProfileNodes[]
  'nodes:refresh': { refreshed: number }
  'nodes:detail': NodeDetail
  'nodes:action': { accepted: true }
  'nodes:delete': { deleted: true }
  'nodes:committed-settings': { updated: true }
  'nodes:create': CreateNodeResult
  'catalog:os': OsFamily[]
  'catalog:plans': Plan[]
  'catalog:create-options': CreateOptionsData
  'poller:set-paused': { paused: boolean }
  'tray:model': TrayMenuModel
  'tray:activate': { done: true }
  'dialog:respond': { done: true }
  /** Where the app's own update stands (Electron only; elsewhere `enabled: false`). */
  'updates:status': UpdateStatus
  /** Installs a downloaded update: the app quits and restarts; false when none is ready. */
  'updates:restart': { restarting: boolean }
  /** The create wizard's unfinished draft, kept in main's memory only; null when there is none. */
  'wizard:draft-get': WizardDraftSaved | null
  'wizard:draft-save': { saved: boolean }
}

export type InvokeChannel = keyof typeof invokeSchemas
export type InvokeInput<C extends InvokeChannel> = z.infer<(typeof invokeSchemas)[C]>
export type InvokeResult<C extends InvokeChannel> = InvokeResults[C]

// Compile-time checks that schemas, results and the zod-free channel list (channels.ts) name the same channels.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never
export const channelsAgree: SameKeys<typeof invokeSchemas, InvokeResults> = true
export const channelListAgrees: SameKeys<typeof invokeSchemas, Record<(typeof INVOKE_CHANNELS)[number], unknown>> = true

/** A native dialog shown by the preview host as HTML (Electron uses real dialogs and never sends this). */
export interface DialogRequest {
  dialogId: string
  kind: 'confirm' | 'open-file' | 'save-file'
  title: string
  message: string
  detail?: string
  buttons: string[]
  cancelId: number
  defaultPath?: string
}

export type Navigation =
  | { view: 'node'; profileId: string; nodeId: number }
  | { view: 'list'; profileId?: string }
  | { view: 'settings' }
  /** The create wizard over the node list (the tray's "Create node"). */
  | { view: 'create' }

/** Events from main to the renderer. Names are past participles. */
export interface EventPayloads {
  'nodes:changed': ProfileNodes
  'profiles:changed': ProfileView[]
  'settings:changed': Settings
  'tray:changed': TrayMenuModel
  'app:navigated': Navigation
  'notifications:shown': AppNotification
  'dialog:requested': DialogRequest
  'updates:changed': UpdateStatus
}
export type EventName = keyof EventPayloads
export const eventListAgrees: SameKeys<EventPayloads, Record<(typeof EVENT_NAMES)[number], unknown>> = true
