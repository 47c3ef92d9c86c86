// The data folder's lock (data-lock.ts) on its own: who holds it, when it is stale, and that only its owner removes it.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DataFolderInUseError, LOCK_FILE_NAME, lockDataDir } from './data-lock'

let dir: string
let lockPath: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nodetray-data-lock-'))
  lockPath = join(dir, 'data', LOCK_FILE_NAME)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A pid that was alive a moment ago and is not any more. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid ?? 0

describe('the data folder lock', () => {
  it('creates the folder and holds this pid; a second lock is refused while it is held; release frees it', () => {
    const lock = lockDataDir(join(dir, 'data'))
    expect(readFileSync(lockPath, 'utf8')).toBe(`${process.pid}\n`)
    expect(() => lockDataDir(join(dir, 'data'))).toThrow(DataFolderInUseError)
    lock.release()
    lock.release()
    expect(existsSync(lockPath)).toBe(false)
    lockDataDir(join(dir, 'data')).release()
  })

  it('takes over the lock of a host that is gone, or one that is unreadable and old', () => {
    lockDataDir(join(dir, 'data')).release()
    writeFileSync(lockPath, `${deadPid()}\n`)
    lockDataDir(join(dir, 'data')).release()
    writeFileSync(lockPath, 'garbage')
    utimesSync(lockPath, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    const lock = lockDataDir(join(dir, 'data'))
    expect(readFileSync(lockPath, 'utf8')).toBe(`${process.pid}\n`)
    lock.release()
  })

  it('refuses a lock another host is creating right now (no pid in it yet)', () => {
    lockDataDir(join(dir, 'data')).release()
    writeFileSync(lockPath, '')
    expect(() => lockDataDir(join(dir, 'data'))).toThrow(/in use by another preview host \(starting now\)/)
  })

  it('release leaves a lock that is no longer its own', () => {
    const lock = lockDataDir(join(dir, 'data'))
    writeFileSync(lockPath, '1\n')
    lock.release()
    expect(readFileSync(lockPath, 'utf8')).toBe('1\n')
  })
})
