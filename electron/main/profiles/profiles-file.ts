// profiles.json: the profile list and settings. One in-memory copy, every change written atomically
// through one promise queue, the previous version kept as profiles.json.bak. A corrupt file never stops
// the app: it is moved aside, the backup (or nothing) is loaded, and one warning is kept for the UI.
// A profile entry that cannot be read is kept aside in the file, verbatim, and named in a notice; a file
// from a newer Nodetray is read as far as possible and never written (every change is refused).
// The file holds this data folder's install id (keychain-refs.ts), written with the file itself. A load that fell
// back marks the file so the keychain entries it does not name are kept (restore-keep.ts).
import { basename, join } from 'node:path'
import type { Clock } from '../ports'
import { DomainError } from '../errors'
import type { Logger } from '../redact'
import { DIR_MODE, isNotFound, nodeDiskFs, removeStaleTemps, writeFileAtomic, type DiskFs } from './atomic-file'
import { INSTALL_ID_RE, newInstallId, refsInText } from './keychain-refs'
import { parseProfileFile, type KeptAside } from './migrations'
import { emptyProfileFile, type ProfileFileV2 } from './profile-file.schema'
import type { ProfileNotice } from './profiles.types'
import { emptyOutcome, markRestore, restoredOutcome } from './restore-keep'

export const PROFILE_FILE_NAME = 'profiles.json'

export interface ProfilesFileOptions {
  dataDir: string
  clock: Clock
  log: Logger
  fs?: DiskFs
}

export class ProfilesFile {
  private queue: Promise<unknown> = Promise.resolve()
  /** Keychain accounts being written for a change not yet in the file: the sweep keeps them. */
  readonly pendingRefs = new Set<string>()

  private constructor(
    private readonly fs: DiskFs,
    readonly path: string,
    private file: ProfileFileV2,
    private startupNotices: ProfileNotice[],
    /** Entries we could not read; written back unchanged after the good ones. */
    readonly keptAside: readonly KeptAside[],
    /** The file version of a newer Nodetray, when one wrote the file: then nothing is ever written. */
    readonly newerVersion: number | null,
    /** The file was read as it is (no corruption, no fallback): only then may the keychain be swept. */
    readonly loadedCleanly: boolean,
    /** An unreadable file that could not be moved aside is still in place: never write over it. */
    private readonly unreadableInPlace: boolean,
    /** profiles.json was there at start (else nothing may be swept: this folder has written nothing yet). */
    readonly existedAtStart: boolean,
    /** This data folder's id, in every keychain account it writes; the sweep touches only those. */
    readonly installId: string,
    private installIdOnDisk: boolean,
    /** Keychain accounts named by damaged copies kept aside (profiles.json.corrupt-*): never swept. */
    readonly damagedCopyRefs: ReadonlySet<string>,
    /** The load notice of a fallback, re-worded once the sweep knows how many keychain entries it kept. */
    readonly restoreNotice: { id: string; describe(kept: number): string } | null
  ) {}

  /** False when a write would overwrite a file we must keep (a newer version's, or an unreadable one). */
  get writable(): boolean {
    return this.newerVersion === null && !this.unreadableInPlace
  }

  static async open(opts: ProfilesFileOptions): Promise<ProfilesFile> {
    const fs = opts.fs ?? nodeDiskFs
    const path = join(opts.dataDir, PROFILE_FILE_NAME)
    await fs
      .mkdir(opts.dataDir, DIR_MODE)
      .catch((err: unknown) => opts.log.warn('profiles: cannot create data folder', { err: code(err) }))
    await removeStaleTemps(fs, path)
    const loaded = await loadFile(fs, path, opts)
    const damaged = await readDamagedCopies(fs, opts.dataDir, loaded.unreadableInPlace ? path : null)
    const fileId = loaded.file.installId
    const known = typeof fileId === 'string' && INSTALL_ID_RE.test(fileId) ? fileId : null
    // A file restored without an id takes the one its damaged copy had, so that folder's entries stay its own.
    const installId = known ?? damaged.installId ?? newInstallId()
    loaded.file.installId = installId
    // No file, but a damaged copy: an earlier fallback that may not have recorded its kept entries yet.
    if (!loaded.existed && damaged.found) markRestore(loaded.file, opts.clock.now())
    const notices = [
      ...(loaded.warning ? [loaded.warning] : []),
      ...(loaded.newerVersion !== null ? [newerNotice(loaded.newerVersion, opts.clock)] : []),
      ...loaded.keptAside.map((k, i) => keptAsideNotice(k, i, opts.clock))
    ]
    const profilesFile = new ProfilesFile(
      fs,
      path,
      loaded.file,
      notices,
      loaded.keptAside,
      loaded.newerVersion,
      loaded.warning === null && loaded.newerVersion === null,
      loaded.unreadableInPlace,
      loaded.existed,
      installId,
      known !== null,
      damaged.refs,
      loaded.warning && loaded.describe ? { id: loaded.warning.id, describe: loaded.describe } : null
    )
    if (loaded.rewrite && loaded.newerVersion === null) {
      // Migrated or restored from the backup: persist it now so the next start reads the current version.
      await profilesFile
        .serial(() => profilesFile.write(loaded.file))
        .catch((err: unknown) => opts.log.warn('profiles: cannot rewrite file', { err: code(err) }))
    }
    for (const n of notices) opts.log.warn(`profiles: ${n.message}`)
    return profilesFile
  }

  /** Throws before a change starts (before any keychain write) when a newer Nodetray owns the file. */
  assertWritable(): void {
    if (this.newerVersion !== null) throw readOnlyError(this.newerVersion)
    if (this.unreadableInPlace) throw unreadableInPlaceError()
  }

  /** Call inside serial(), before writing a keychain entry: the file on disk then holds the install id the
   * entry carries, so a crash right after leaves an orphan this folder's sweep recognises. */
  async ensureInstallIdSaved(): Promise<void> {
    if (!this.installIdOnDisk) await this.write(this.current())
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
    this.assertWritable()
    const onDisk = {
      ...next,
      installId: this.installId,
      profiles: [...next.profiles, ...this.keptAside.map((k) => k.raw)]
    }
    const text = JSON.stringify(onDisk, null, 2) + '\n'
    try {
      await writeFileAtomic(this.fs, this.path, text, { backup: true })
    } catch (err) {
      throw storageError(err, this.path)
    }
    this.file = { ...structuredClone(next), installId: this.installId }
    this.installIdOnDisk = true
  }

  /** serial() + write() for simple edits: `fn` returns the new content and a result. */
  update<T>(fn: (file: ProfileFileV2) => { next: ProfileFileV2; result: T }): Promise<T> {
    return this.serial(async () => {
      const { next, result } = fn(this.current())
      await this.write(next)
      return result
    })
  }

  /** The load problems, if any, exactly once. */
  takeStartupNotices(): ProfileNotice[] {
    const n = this.startupNotices
    this.startupNotices = []
    return n
  }
}

interface Loaded {
  file: ProfileFileV2
  rewrite: boolean
  warning: ProfileNotice | null
  keptAside: KeptAside[]
  newerVersion: number | null
  unreadableInPlace: boolean
  existed: boolean
  /** The fallback notice's text for a number of kept keychain entries. */
  describe?: (kept: number | null) => string
}

/** The accounts (and install id) that damaged copies of the file name, read leniently. */
async function readDamagedCopies(
  fs: DiskFs,
  dir: string,
  inPlace: string | null
): Promise<{ refs: Set<string>; installId: string | null; found: boolean }> {
  const names = await fs.readdir(dir).catch(() => [] as string[])
  const paths = names.filter((n) => n.startsWith(`${PROFILE_FILE_NAME}.corrupt-`)).map((n) => join(dir, n))
  const anyCopy = paths.length > 0
  if (inPlace) paths.push(inPlace)
  const refs = new Set<string>()
  let installId: string | null = null
  for (const p of paths) {
    const text = await fs.readFile(p).catch(() => '')
    const found = refsInText(text)
    for (const r of found.refs) refs.add(r)
    installId ??= found.installId
  }
  return { refs, installId, found: anyCopy }
}

function unreadableInPlaceError(): DomainError {
  return new DomainError(
    'STORAGE',
    `Your profile list (${PROFILE_FILE_NAME}) could not be read or moved aside, so Nodetray will not write over it. Move or repair the file, then restart Nodetray.`
  )
}

export function readOnlyError(version: number): DomainError {
  return new DomainError(
    'FORBIDDEN',
    `Your profile list was saved by a newer version of Nodetray (file version ${version}). This version can show it but not change it: update Nodetray to make changes.`
  )
}

function newerNotice(version: number, clock: Clock): ProfileNotice {
  return {
    id: `profiles-newer-${clock.now()}`,
    level: 'warning',
    message: `Your profile list (${PROFILE_FILE_NAME}) was saved by a newer version of Nodetray (file version ${version}). Nodetray shows what it can read and will not change the file: update Nodetray to add, edit or delete profiles.`,
    keptAs: null
  }
}

function keptAsideNotice(k: KeptAside, index: number, clock: Clock): ProfileNotice {
  const who = k.name ? `The profile "${k.name}"` : `Profile entry ${index + 1}`
  return {
    id: `profiles-kept-aside-${index}-${clock.now()}`,
    level: 'warning',
    message: `${who} in ${PROFILE_FILE_NAME} could not be loaded: ${k.reason}. It is kept in the file unchanged; your other profiles loaded normally.`,
    keptAs: null
  }
}

async function loadFile(fs: DiskFs, path: string, opts: ProfilesFileOptions): Promise<Loaded> {
  let reason: string
  try {
    const parsed = parseProfileFile(await fs.readFile(path))
    if (parsed.ok)
      return {
        file: parsed.file,
        rewrite: parsed.migratedFrom !== null,
        warning: null,
        keptAside: parsed.keptAside,
        newerVersion: parsed.newerVersion,
        unreadableInPlace: false,
        existed: true
      }
    reason = parsed.reason
  } catch (err) {
    if (isNotFound(err))
      return {
        file: emptyProfileFile(),
        rewrite: false,
        warning: null,
        keptAside: [],
        newerVersion: null,
        unreadableInPlace: false,
        existed: false
      }
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
  const restored = backup?.ok === true && backup.newerVersion === null
  const what = moved
    ? `It was kept as ${basename(keptAs)}`
    : 'It was left where it is, and Nodetray will not write over it until you move or repair it'
  const describe = (kept: number | null) =>
    `Your profile list (${PROFILE_FILE_NAME}) could not be used because ${reason}. ${what}, and ${restored ? restoredOutcome(kept) : emptyOutcome(kept)}.`
  const warning: ProfileNotice = {
    id: `profiles-file-${opts.clock.now()}`,
    level: 'warning',
    message: describe(null),
    keptAs: moved ? keptAs : null
  }
  const file = backup?.ok && backup.newerVersion === null ? backup.file : emptyProfileFile()
  // What the damaged file named may be newer than what loads now: nothing is swept until that is recorded.
  markRestore(file, opts.clock.now())
  // Only rewrite when the bad file is out of the way: never overwrite the user's only copy.
  return {
    file,
    rewrite: restored && moved,
    warning,
    keptAside: backup?.ok && restored ? backup.keptAside : [],
    newerVersion: null,
    unreadableInPlace: !moved,
    existed: true,
    describe
  }
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
