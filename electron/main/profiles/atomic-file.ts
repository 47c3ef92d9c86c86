// Crash-safe file replacement: write a temp file in the same folder, fsync it, rename it over the target,
// then fsync the folder. A crash at any point leaves either the old or the new file, never a torn one.
import * as fsp from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'

/** The file operations the stores use; injected so tests can simulate crashes and failures. */
export interface DiskFs {
  readFile(path: string): Promise<string>
  /** Creates or truncates `path` with `mode`, writes, fsyncs and closes. */
  writeFileSynced(path: string, data: string, mode: number): Promise<void>
  rename(from: string, to: string): Promise<void>
  copyFile(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  readdir(path: string): Promise<string[]>
  mkdir(path: string, mode: number): Promise<void>
  stat(path: string): Promise<{ size: number }>
  /** Best effort: not every platform can fsync a directory. */
  fsyncDir(path: string): Promise<void>
}

export const nodeDiskFs: DiskFs = {
  readFile: (p) => fsp.readFile(p, 'utf8'),
  async writeFileSynced(p, data, mode) {
    const fh = await fsp.open(p, 'w', mode)
    try {
      await fh.writeFile(data, 'utf8')
      await fh.sync()
    } finally {
      await fh.close()
    }
    await fsp.chmod(p, mode) // open's mode only applies to new files and is subject to umask
  },
  rename: (a, b) => fsp.rename(a, b),
  copyFile: (a, b) => fsp.copyFile(a, b),
  unlink: (p) => fsp.unlink(p),
  readdir: (p) => fsp.readdir(p),
  mkdir: async (p, mode) => {
    await fsp.mkdir(p, { recursive: true, mode })
  },
  stat: (p) => fsp.stat(p),
  async fsyncDir(p) {
    let fh: fsp.FileHandle | null = null
    try {
      fh = await fsp.open(p, 'r')
      await fh.sync()
    } catch {
      // Windows cannot open directories; the rename is still atomic there.
    } finally {
      await fh?.close().catch(() => undefined)
    }
  }
}

export const FILE_MODE = 0o600
export const DIR_MODE = 0o700
export const TMP_MARK = '.tmp-'

export function isTempFileOf(target: string, name: string): boolean {
  return name.startsWith(basename(target) + TMP_MARK)
}

/**
 * Atomically replaces `target` with `data`. With `backup`, the previous content is first kept as
 * `<target>.bak` (itself replaced atomically), so a later corruption can fall back to it.
 */
export async function writeFileAtomic(
  fs: DiskFs,
  target: string,
  data: string,
  opts: { backup?: boolean } = {}
): Promise<void> {
  const dir = dirname(target)
  const tmp = join(dir, `${basename(target)}${TMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    if (opts.backup) await keepBackup(fs, target)
    await fs.writeFileSynced(tmp, data, FILE_MODE)
    await fs.rename(tmp, target)
  } catch (err) {
    await fs.unlink(tmp).catch(() => undefined)
    throw err
  }
  await fs.fsyncDir(dir)
}

async function keepBackup(fs: DiskFs, target: string): Promise<void> {
  const bakTmp = `${target}.bak${TMP_MARK}${randomBytes(4).toString('hex')}`
  try {
    await fs.copyFile(target, bakTmp)
  } catch (err) {
    if (isNotFound(err)) return // first write: nothing to keep
    throw err
  }
  try {
    await fs.rename(bakTmp, `${target}.bak`)
  } catch (err) {
    await fs.unlink(bakTmp).catch(() => undefined)
    throw err
  }
}

/** Removes temp files a crash left behind next to `target`. */
export async function removeStaleTemps(fs: DiskFs, target: string): Promise<void> {
  const dir = dirname(target)
  const names = await fs.readdir(dir).catch(() => [] as string[])
  for (const n of names) {
    if (isTempFileOf(target, n) || n.startsWith(`${basename(target)}.bak${TMP_MARK}`))
      await fs.unlink(join(dir, n)).catch(() => undefined)
  }
}

export function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ENOENT'
}
