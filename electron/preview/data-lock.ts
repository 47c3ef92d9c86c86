// One preview host per data folder: two hosts on the same `--user-data-dir` would each keep their own copy of
// profiles.json in memory and overwrite the other's writes. The host holds `preview-host.lock` in the folder,
// created with O_EXCL and holding its pid; a second host finds it and refuses to start. A lock whose pid is no
// longer alive (a host that was killed) is taken over; a clean exit removes it.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export const LOCK_FILE_NAME = 'preview-host.lock'

/** A lock file another host is still writing (created, pid not yet in it) is this young at most. */
const FRESH_MS = 2_000

export interface DataLock {
  path: string
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
    readonly lockPath: string
  ) {
    super(
      `the data folder ${dataDir} is in use by another preview host (${pid === null ? 'starting now' : `pid ${pid}`}): ` +
        `stop it, or pass another --user-data-dir (if no such host runs, delete ${lockPath})`
    )
    this.name = 'DataFolderInUseError'
  }
}

function readPid(path: string): number | null {
  try {
    const text = readFileSync(path, 'utf8').trim()
    return /^\d+$/.test(text) ? Number(text) : null
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists but belongs to someone else; only ESRCH says it is gone.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function isFresh(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < FRESH_MS
  } catch {
    return false
  }
}

export function lockDataDir(dataDir: string, pid: number = process.pid): DataLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const path = join(dataDir, LOCK_FILE_NAME)
  // A few rounds: a stale lock removed here may be re-created by another host starting at the same moment.
  for (let round = 0; round < 3; round++) {
    let fd: number
    try {
      fd = openSync(path, 'wx', 0o600)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const holder = readPid(path)
      if (holder !== null && isAlive(holder)) throw new DataFolderInUseError(dataDir, holder, path)
      if (holder === null && isFresh(path)) throw new DataFolderInUseError(dataDir, null, path)
      // Stale: its host is gone (killed, crashed). Take it over.
      rmSync(path, { force: true })
      continue
    }
    try {
      writeSync(fd, `${pid}\n`)
    } finally {
      closeSync(fd)
    }
    let released = false
    return {
      path,
      release() {
        if (released) return
        released = true
        if (readPid(path) === pid) rmSync(path, { force: true })
      }
    }
  }
  throw new DataFolderInUseError(dataDir, readPid(path), path)
}
