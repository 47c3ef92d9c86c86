// Import from the files users already have, and export without secrets. The picked file is read in main;
// the page only sees a preview (aliases, key hints, expiry) and an importId pointing at secrets held here.
import { basename, join } from 'node:path'
import { DEFAULT_API_BASE_URL, type ProfileView } from '../../../shared/domain/profile'
import type { ImportPreview } from '../../../shared/ipc/contract'
import * as S from '../../../shared/ipc/schemas'
import type { Clock, Dialogs } from '../ports'
import { DomainError } from '../errors'
import { secretHint, type Logger, type SecretScrubber } from '../redact'
import type { CredentialVault, Credentials } from '../vault/credential-vault'
import { writeFileAtomic, type DiskFs } from './atomic-file'
import { parseE2ectlConfig, parseTokenFile, readImportFile } from './import-files'
import { ImportSessions } from './import-session'
import { readJwtExpiry } from './jwt'
import { checkImportedCredentials, tokenCheck, type ImportCheckDeps } from './import-checks'
import type { StoredProfile } from './profile-file.schema'
import { newSecretRef, type createSecretWriter } from './profile-mutations'
import type { ProfilesFile } from './profiles-file'
import { defaultColor, defaultInitials, newProfileId, parseInput, sameName } from './profile-rules'
import type { ProfilesService } from './profiles.types'

export interface ImportExportDeps {
  profilesFile: ProfilesFile
  vault: CredentialVault
  dialogs: Dialogs
  clock: Clock
  scrubber: SecretScrubber
  log: Logger
  homeDir: string
  fs: DiskFs
  /** Keychain writes with a time limit (profile-mutations.ts). */
  secrets: ReturnType<typeof createSecretWriter>
  /** Keyed by the keychain account (secretRef). */
  remember(account: string, creds: Credentials): void
  view(profile: StoredProfile): Promise<ProfileView>
  changed(): void
  /** For `profiles:check-import`: the host policy and the API client. */
  checks: Omit<ImportCheckDeps, 'clock'>
}

const JSON_FILTER = [{ name: 'JSON', extensions: ['json'] }]

export function createImportExport(d: ImportExportDeps): Pick<
  ProfilesService,
  'pickImport' | 'importProfiles' | 'exportProfiles' | 'checkImport'
> & {
  importedCredentials(importId: string, alias: string): Credentials
} {
  const sessions = new ImportSessions(d.clock)
  /** Why an alias of a pending import was refused by its last check (importId + NUL + alias), if it was. */
  const refusals = new Map<string, string>()
  const refusalKey = (importId: string, alias: string) => `${importId}\u0000${alias}`

  return {
    /** The secrets of one alias of a pending import, so "Check credentials" works before anything is saved. */
    importedCredentials(importId, alias) {
      const entry = sessions.get(importId)?.entries.find((e) => e.alias === alias)
      if (!entry)
        throw new DomainError('NOT_FOUND', 'That import has expired. Open the file again.', { field: 'importId' })
      return entry.credentials
    },

    async checkImport(raw) {
      const input = parseInput(S.ImportCheckInput, raw)
      const entry = sessions.get(input.importId)?.entries.find((e) => e.alias === input.alias)
      if (!entry)
        throw new DomainError('NOT_FOUND', 'That import has expired. Open the file again.', { field: 'importId' })
      const result = await checkImportedCredentials({ ...d.checks, clock: d.clock }, entry.alias, entry.credentials)
      const key = refusalKey(input.importId, entry.alias)
      // Refusals of imports that expired go with them.
      for (const k of [...refusals.keys()]) if (!sessions.get(k.split('\u0000')[0] ?? '')) refusals.delete(k)
      if (result.blockedBy) refusals.set(key, result.blockedBy)
      else refusals.delete(key)
      return result
    },

    async pickImport(kind) {
      const path = await d.dialogs.openFile(
        kind === 'e2ectl'
          ? {
              title: 'Import profiles from e2ectl',
              defaultPath: join(d.homeDir, '.e2e', 'config.json'),
              filters: JSON_FILTER
            }
          : { title: 'Import the token file downloaded from MyAccount', filters: JSON_FILTER }
      )
      if (!path) return null
      const raw = await readImportFile(d.fs, path)
      const entries = kind === 'e2ectl' ? parseE2ectlConfig(raw) : parseTokenFile(raw)
      for (const e of entries) {
        d.scrubber.add(e.credentials.apiKey)
        d.scrubber.add(e.credentials.authToken)
      }
      const importId = sessions.put({ kind, source: path, entries })
      const existing = d.profilesFile.current().profiles
      const preview: ImportPreview = {
        importId,
        kind,
        source: path,
        entries: entries.map((e) => ({
          alias: e.alias,
          apiKeyHint: secretHint(e.credentials.apiKey),
          tokenExpiresAt: readJwtExpiry(e.credentials.authToken)?.toISOString() ?? null,
          suggestedProjectId: e.suggestedProjectId,
          suggestedLocation: e.suggestedLocation,
          nameTaken: existing.some((p) => sameName(p.name, e.alias))
        }))
      }
      return preview
    },

    async importProfiles(raw) {
      const input = parseInput(S.ImportInput, raw)
      const session = sessions.get(input.importId)
      if (!session) {
        throw new DomainError('VALIDATION', 'This import has expired or was already used. Pick the file again.', {
          field: 'importId'
        })
      }
      // Validate everything before touching the vault, so a bad entry writes nothing at all.
      const plan = (file: ReturnType<ProfilesFile['current']>) =>
        input.entries.map((entry, i) => {
          const source = session.entries.find((e) => e.alias === entry.alias)
          if (!source)
            throw new DomainError('VALIDATION', `The file has no entry named "${entry.alias}".`, {
              field: `entries.${i}.alias`
            })
          if (file.profiles.some((p) => sameName(p.name, entry.name))) {
            throw new DomainError('CONFLICT', `A profile named "${entry.name}" already exists. Choose another name.`, {
              field: `entries.${i}.name`
            })
          }
          if (input.entries.some((other, j) => j < i && sameName(other.name, entry.name))) {
            throw new DomainError('CONFLICT', `Two imported profiles are both named "${entry.name}".`, {
              field: `entries.${i}.name`
            })
          }
          // Checked before anything is saved: an expired token, or one E2E rejected when it was checked, is refused.
          const token = tokenCheck(source.credentials.authToken, d.clock.now())
          const refused = token.state === 'fail' ? token.text : refusals.get(refusalKey(input.importId, entry.alias))
          if (refused) {
            throw new DomainError('AUTH', `${entry.alias}: ${refused}`, { field: `entries.${i}.alias` })
          }
          return { entry, creds: source.credentials }
        })
      d.profilesFile.assertWritable()
      const planned = plan(d.profilesFile.current()).map((x) => {
        const id = newProfileId()
        return { ...x, id, ref: newSecretRef(d.profilesFile, id) }
      })
      // Secrets first, each in a fresh entry and outside the file's queue, then the file: a crash leaves only
      // orphans the start-up sweep removes.
      const stored: string[] = []
      let created: StoredProfile[]
      try {
        for (const { ref, creds } of planned) {
          await d.secrets.save(ref, creds)
          stored.push(ref)
        }
        created = await d.profilesFile.serial(async () => {
          d.profilesFile.assertWritable()
          const file = d.profilesFile.current()
          plan(file)
          const profiles: StoredProfile[] = []
          for (const { entry, id, ref } of planned) {
            profiles.push({
              id,
              name: entry.name,
              projectId: entry.projectId,
              location: entry.location,
              apiBaseUrl: DEFAULT_API_BASE_URL,
              color: defaultColor([...file.profiles, ...profiles]),
              initials: defaultInitials(entry.name),
              createdAt: new Date(d.clock.now()).toISOString(),
              lastUsedAt: null,
              secretRef: ref
            })
          }
          await d.profilesFile.write({ ...file, profiles: [...file.profiles, ...profiles] })
          for (const { ref, creds } of planned) d.remember(ref, creds)
          return profiles
        })
      } catch (err) {
        // All or nothing: remove the keychain entries this call made.
        for (const ref of stored) await d.secrets.drop(ref, 'an imported secret that was not saved')
        throw err
      }
      for (const ref of stored) d.secrets.release(ref)
      sessions.drop(input.importId)
      for (const key of [...refusals.keys()]) if (key.startsWith(`${input.importId}\u0000`)) refusals.delete(key)
      d.changed()
      return Promise.all(created.map((p) => d.view(p)))
    },

    async exportProfiles() {
      const profiles = d.profilesFile.current().profiles
      const path = await d.dialogs.saveFile({
        title: 'Export profiles (without credentials)',
        defaultPath: join(d.homeDir, 'nodetray-profiles.json'),
        filters: JSON_FILTER
      })
      if (!path) return { savedTo: null, count: 0 }
      const body = {
        exportedAt: new Date(d.clock.now()).toISOString(),
        profiles: profiles.map((p) => ({
          name: p.name,
          projectId: p.projectId,
          location: p.location,
          apiBaseUrl: p.apiBaseUrl,
          color: p.color,
          initials: p.initials
        }))
      }
      try {
        await writeFileAtomic(d.fs, path, JSON.stringify(body, null, 2) + '\n')
      } catch (err) {
        const code = typeof err === 'object' && err !== null ? String((err as { code?: unknown }).code ?? '') : ''
        throw new DomainError('STORAGE', `Nodetray could not write ${basename(path)}${code ? ` (${code})` : ''}.`, {
          retryable: true
        })
      }
      return { savedTo: path, count: body.profiles.length }
    }
  }
}
