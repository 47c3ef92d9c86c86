// The profile file and the caches are replaced atomically: a failure at any step leaves the old file whole, no temp
// file behind, and the new file private to the user (0600). These run the real file operations in a temp folder,
// with one step made to fail where a test needs it.
import { mkdtemp, readdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DIR_MODE,
  FILE_MODE,
  isNotFound,
  isTempFileOf,
  nodeDiskFs,
  removeStaleTemps,
  writeFileAtomic,
  type DiskFs
} from '../../electron/main/profiles/atomic-file'

let dir: string
let target: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nodetray-atomic-'))
  target = join(dir, 'profiles.json')
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const modeOf = async (p: string) => (await stat(p)).mode & 0o777
const names = async () => (await readdir(dir)).sort()

/** The real operations, recording each call, with `failOn` making one of them throw. */
function recordingFs(failOn: Partial<Record<keyof DiskFs, (path: string) => Error | null>> = {}) {
  const calls: string[] = []
  const fs = Object.fromEntries(
    (Object.keys(nodeDiskFs) as (keyof DiskFs)[]).map((k) => [
      k,
      async (...args: unknown[]) => {
        calls.push(`${k} ${String(args[0]).replace(dir, '')}`)
        const err = failOn[k]?.(String(args[0]))
        if (err) throw err
        return (nodeDiskFs[k] as (...a: unknown[]) => Promise<unknown>)(...args)
      }
    ])
  ) as unknown as DiskFs
  return { fs, calls }
}

const enoent = () => Object.assign(new Error('missing'), { code: 'ENOENT' })
const eio = () => Object.assign(new Error('disk failed'), { code: 'EIO' })

describe('writeFileAtomic', () => {
  it('writes the content in a private file, leaves no temp file, and syncs the folder after the rename', async () => {
    const { fs, calls } = recordingFs()
    await writeFileAtomic(fs, target, '{"v":1}')
    expect(await readFile(target, 'utf8')).toBe('{"v":1}')
    expect(await modeOf(target)).toBe(FILE_MODE)
    expect(await names()).toEqual(['profiles.json'])
    expect(calls.map((c) => c.split(' ')[0])).toEqual(['writeFileSynced', 'rename', 'fsyncDir'])
    const tmp = calls[0]!.split(' ')[1]!.slice(1)
    expect(isTempFileOf(target, tmp)).toBe(true)
    expect(tmp).toContain(`.tmp-${process.pid}-`)
    expect(calls[2]).toBe('fsyncDir ')
  })

  it('replaces an existing file and makes it private even if it was not', async () => {
    await writeFile(target, 'old')
    await chmod(target, 0o644)
    await writeFileAtomic(nodeDiskFs, target, 'new')
    expect(await readFile(target, 'utf8')).toBe('new')
    expect(await modeOf(target)).toBe(FILE_MODE)
  })

  it('keeps the previous content as .bak when asked, and only then', async () => {
    await writeFileAtomic(nodeDiskFs, target, 'first', { backup: true })
    expect(await names()).toEqual(['profiles.json']) // nothing to keep on the first write
    await writeFileAtomic(nodeDiskFs, target, 'second', { backup: true })
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('first')
    await writeFileAtomic(nodeDiskFs, target, 'third')
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('first')
    expect(await readFile(target, 'utf8')).toBe('third')
    expect(await names()).toEqual(['profiles.json', 'profiles.json.bak'])
  })

  it('a failed write leaves the old file whole and removes its temp file', async () => {
    await writeFile(target, 'old')
    // Fail after the temp file exists: the rename.
    const failing = recordingFs({ rename: () => eio() })
    await expect(writeFileAtomic(failing.fs, target, 'new')).rejects.toThrow('disk failed')
    expect(await readFile(target, 'utf8')).toBe('old')
    expect(await names()).toEqual(['profiles.json'])
    expect(failing.calls.map((c) => c.split(' ')[0])).toEqual(['writeFileSynced', 'rename', 'unlink'])
    // And a write that fails outright: the error comes through, nothing synced.
    const failingWrite = recordingFs({ writeFileSynced: () => eio() })
    await expect(writeFileAtomic(failingWrite.fs, target, 'new')).rejects.toThrow('disk failed')
    expect(failingWrite.calls.map((c) => c.split(' ')[0])).toEqual(['writeFileSynced', 'unlink'])
    expect(await readFile(target, 'utf8')).toBe('old')
    expect(await names()).toEqual(['profiles.json'])
  })

  it('a backup that cannot be read (other than missing) stops the write', async () => {
    await writeFile(target, 'old')
    const { fs } = recordingFs({ copyFile: () => eio() })
    await expect(writeFileAtomic(fs, target, 'new', { backup: true })).rejects.toThrow('disk failed')
    expect(await readFile(target, 'utf8')).toBe('old')
    expect(await names()).toEqual(['profiles.json'])
  })

  it('a backup that cannot be moved into place leaves no temp copy and stops the write', async () => {
    await writeFile(target, 'old')
    const { fs, calls } = recordingFs({ rename: (p) => (p.includes('.bak') ? eio() : null) })
    await expect(writeFileAtomic(fs, target, 'new', { backup: true })).rejects.toThrow('disk failed')
    expect(await readFile(target, 'utf8')).toBe('old')
    expect(await names()).toEqual(['profiles.json'])
    expect(calls.filter((c) => c.startsWith('unlink')).length).toBe(2) // the backup copy, then the (absent) temp file
  })

  it('a first write with backup does not fail on the missing old file', async () => {
    const { fs, calls } = recordingFs({ copyFile: () => enoent() })
    await writeFileAtomic(fs, target, 'new', { backup: true })
    expect(await readFile(target, 'utf8')).toBe('new')
    expect(calls.some((c) => c.startsWith('rename') && c.includes('.bak'))).toBe(false)
  })
})

describe('removeStaleTemps', () => {
  it("removes the target's temp and backup-temp files a crash left, and nothing else", async () => {
    const keep = ['profiles.json', 'profiles.json.bak', 'other.json.tmp-1-aa', 'profiles.jsonx', 'settings.json']
    const stale = ['profiles.json.tmp-123-abcd', 'profiles.json.bak.tmp-ef01']
    for (const n of [...keep, ...stale]) await writeFile(join(dir, n), 'x')
    await removeStaleTemps(nodeDiskFs, target)
    expect(await names()).toEqual([...keep].sort())
  })

  it('is quiet when the folder is missing or a file cannot be removed', async () => {
    await expect(removeStaleTemps(nodeDiskFs, join(dir, 'missing', 'profiles.json'))).resolves.toBeUndefined()
    await writeFile(join(dir, 'profiles.json.tmp-1-aa'), 'x')
    const { fs } = recordingFs({ unlink: () => eio() })
    await expect(removeStaleTemps(fs, target)).resolves.toBeUndefined()
  })
})

// A handle left open keeps the file busy (Windows cannot rename over it) and leaks one descriptor per save.
describe.runIf(process.platform === 'linux')('file handles', () => {
  const openFds = async () => (await readdir('/proc/self/fd')).length

  it('closes every file and folder it opens, also when syncing the folder fails', async () => {
    const before = await openFds()
    for (let i = 0; i < 5; i++) {
      await nodeDiskFs.writeFileSynced(join(dir, `f${i}`), 'data', FILE_MODE)
      await nodeDiskFs.fsyncDir(dir)
      await nodeDiskFs.fsyncDir(join(dir, 'missing'))
      await writeFileAtomic(nodeDiskFs, target, `v${i}`, { backup: true })
    }
    expect(await openFds()).toBe(before)
  })
})

describe('helpers', () => {
  it('isTempFileOf knows only the temp files of its own target', () => {
    expect(isTempFileOf(target, 'profiles.json.tmp-1-ab')).toBe(true)
    expect(isTempFileOf(target, 'profiles.json')).toBe(false)
    expect(isTempFileOf(target, 'xprofiles.json.tmp-1')).toBe(false)
    expect(isTempFileOf(target, 'settings.json.tmp-1')).toBe(false)
  })

  it('isNotFound is true for ENOENT only', () => {
    expect(isNotFound(enoent())).toBe(true)
    expect(isNotFound(eio())).toBe(false)
    expect(isNotFound(null)).toBe(false)
    expect(isNotFound(undefined)).toBe(false)
    expect(isNotFound('ENOENT')).toBe(false)
    expect(isNotFound({ code: 'ENOENT' })).toBe(true)
  })

  it('the real folder operations: private folders, recursive creation, reads, sizes, a folder sync that never throws', async () => {
    const sub = join(dir, 'a', 'b')
    await nodeDiskFs.mkdir(sub, DIR_MODE)
    expect(await modeOf(sub)).toBe(DIR_MODE)
    await nodeDiskFs.mkdir(sub, DIR_MODE) // exists already: fine
    await nodeDiskFs.writeFileSynced(join(sub, 'f'), 'hello', FILE_MODE)
    expect(await nodeDiskFs.readFile(join(sub, 'f'))).toBe('hello')
    expect((await nodeDiskFs.stat(join(sub, 'f'))).size).toBe(5)
    expect(await nodeDiskFs.readdir(sub)).toEqual(['f'])
    await nodeDiskFs.copyFile(join(sub, 'f'), join(sub, 'g'))
    expect(await nodeDiskFs.readFile(join(sub, 'g'))).toBe('hello')
    await nodeDiskFs.unlink(join(sub, 'g'))
    expect(await nodeDiskFs.readdir(sub)).toEqual(['f'])
    await expect(nodeDiskFs.fsyncDir(join(dir, 'no-such-folder'))).resolves.toBeUndefined()
    await expect(nodeDiskFs.fsyncDir(sub)).resolves.toBeUndefined()
  })
})
