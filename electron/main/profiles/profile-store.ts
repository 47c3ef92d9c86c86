// profiles.json: the profile list and settings. One in-memory copy, every change written atomically
// through one promise queue, the previous version kept as profiles.json.bak. A corrupt file never stops
// the app: it is moved aside, the backup (or nothing) is loaded, and one warning is kept for the UI.
import { basename, join } from 'node:path'
import type { Clock } from '../app/ports'
import { DomainError } from '../errors'
import type { Logger } from '../redact'
import { DIR_MODE, isNotFound, nodeStoreFs, removeStaleTemps, writeFileAtomic, type StoreFs } from './atomic-file'
import { parseProfileFile } from './migrations'
import { emptyProfileFile, type ProfileFileV2 } from './profile-file.schema'
import type { ProfileNotice } from './profiles.types'

export const PROFILE_FILE_NAME = 'profiles.json'

export interface ProfileStoreOptions {
  dataDir: string
  clock: Clock
  log: Logger
  fs?: StoreFs
}

export class ProfileStore {
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly fs: StoreFs,
    readonly path: string,
    private file: ProfileFileV2,
    private startupWarning: ProfileNotice | null
  ) {}

  static async open(opts: ProfileStoreOptions): Promise<ProfileStore> {
    const fs = opts.fs ?? nodeStoreFs
    const path = join(opts.dataDir, PROFILE_FILE_NAME)
    await fs
      .mkdir(opts.dataDir, DIR_MODE)
      .catch((err: unknown) => opts.log.warn('profiles: cannot create data folder', { err: code(err) }))
    await removeStaleTemps(fs, path)
    const loaded = await loadFile(fs, path, opts)
    const store = new ProfileStore(fs, path, loaded.file, loaded.warning)
    if (loaded.rewrite) {
      // Migrated or restored from the backup: persist it now so the next start reads the current version.
      await store
        .serial(() => store.write(loaded.file))
        .catch((err: unknown) => opts.log.warn('profiles: cannot rewrite file', { err: code(err) }))
    }
    if (loaded.warning) opts.log.warn(`profiles: ${loaded.warning.message}`)
    return store
  }

  /** A copy of the current content; mutate it freely and pass it to write(). */
  current(): ProfileFileV2 {
    return structuredClone(this.file)
  }

  /** Runs `fn` after every earlier queued change has finished; changes never interleave. */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn)
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Writes `next` and makes it current. Call only inside serial(). Throws STORAGE and keeps the old content. */
  async write(next: ProfileFileV2): Promise<void> {
    const text = JSON.stringify(next, null, 2) + '\n'
    try {
      await writeFileAtomic(this.fs, this.path, text, { backup: true })
    } catch (err) {
      throw storageError(err, this.path)
    }
    this.file = structuredClone(next)
  }

  /** serial() + write() for simple edits: `fn` returns the new content and a result. */
  update<T>(fn: (file: ProfileFileV2) => { next: ProfileFileV2; result: T }): Promise<T> {
    return this.serial(async () => {
      const { next, result } = fn(this.current())
      await this.write(next)
      return result
    })
  }

  /** The load problem, if any, exactly once. */
  takeStartupWarning(): ProfileNotice | null {
    const w = this.startupWarning
    this.startupWarning = null
    return w
  }
}

interface Loaded {
  file: ProfileFileV2
  rewrite: boolean
  warning: ProfileNotice | null
}

async function loadFile(fs: StoreFs, path: string, opts: ProfileStoreOptions): Promise<Loaded> {
  let reason: string
  try {
    const parsed = parseProfileFile(await fs.readFile(path))
    if (parsed.ok) return { file: parsed.file, rewrite: parsed.migratedFrom !== null, warning: null }
    reason = parsed.reason
  } catch (err) {
    if (isNotFound(err)) return { file: emptyProfileFile(), rewrite: false, warning: null }
    reason = `it could not be read (${code(err)})`
  }

  const keptAs = `${path}.corrupt-${new Date(opts.clock.now()).toISOString().replace(/[:.]/g, '-')}`
  const moved = await fs.rename(path, keptAs).then(
    () => true,
    (err: unknown) => {
      opts.log.warn('profiles: cannot move the unreadable file aside', { err: code(err) })
      return false
    }
  )
  const backup = await fs.readFile(`${path}.bak`).then(parseProfileFile, () => null)
  const restored = backup?.ok === true
  const what = moved ? `It was kept as ${basename(keptAs)}` : 'It was left where it is'
  const outcome = restored
    ? 'the previous version (profiles.json.bak) was loaded instead'
    : 'Nodetray started with no profiles; your credentials are still in the system keychain'
  const warning: ProfileNotice = {
    id: `profiles-file-${opts.clock.now()}`,
    level: 'warning',
    message: `Your profile list (${PROFILE_FILE_NAME}) could not be used because ${reason}. ${what}, and ${outcome}.`,
    keptAs: moved ? keptAs : null
  }
  // Only rewrite when the bad file is out of the way: never overwrite the user's only copy.
  if (backup?.ok) return { file: backup.file, rewrite: moved, warning }
  return { file: emptyProfileFile(), rewrite: false, warning }
}

function code(err: unknown): string {
  const c = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined
  return typeof c === 'string' ? c : err instanceof Error ? err.message : 'unknown error'
}

export function storageError(err: unknown, path: string): DomainError {
  if (err instanceof DomainError) return err
  const c = code(err)
  const why =
    c === 'ENOSPC'
      ? 'the disk is full'
      : c === 'EACCES' || c === 'EPERM'
        ? `permission was denied for ${path}`
        : c === 'EROFS'
          ? 'the disk is read-only'
          : c
  return new DomainError('STORAGE', `Nodetray could not save your profiles: ${why}.`, { retryable: true })
}
