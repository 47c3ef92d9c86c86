import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings'
import { nodeDiskFs, type DiskFs } from './atomic-file'
import {
  fakeClock,
  FlakyVault,
  input,
  KEY_A,
  KEY_B,
  rejection,
  stack,
  tempDir,
  TOKEN_A,
  TOKEN_B
} from '../../../tests/support/profiles-kit'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const file = () => join(dir, 'profiles.json')
const readJson = async (p = file()) =>
  JSON.parse(await readFile(p, 'utf8')) as { version: number; profiles: { name: string }[] }

describe('profiles.json writes', () => {
  it('writes a versioned file with mode 0600 and keeps the previous version as .bak', async () => {
    const s = await stack({ dataDir: dir })
    await s.profiles.create(input('First'))
    await s.profiles.create(input('Second', KEY_B, TOKEN_B))
    const now = await readJson()
    expect(now.version).toBe(2)
    expect(now.profiles.map((p) => p.name)).toEqual(['First', 'Second'])
    expect((await readJson(`${file()}.bak`)).profiles.map((p) => p.name)).toEqual(['First'])
    if (process.platform !== 'win32') {
      expect((await stat(file())).mode & 0o777).toBe(0o600)
      expect((await stat(`${file()}.bak`)).mode & 0o777).toBe(0o600)
    }
    expect((await readdir(dir)).filter((n) => n.includes('.tmp-'))).toEqual([])
  })

  it('a rename that throws leaves the old file intact, reports STORAGE and keeps no temp file', async () => {
    let failRename = false
    const fs: DiskFs = {
      ...nodeDiskFs,
      rename: async (a, b) => {
        if (failRename && b.endsWith('profiles.json')) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        return nodeDiskFs.rename(a, b)
      }
    }
    const s = await stack({ dataDir: dir, fs })
    await s.profiles.create(input('Kept'))
    failRename = true
    const err = await rejection(s.profiles.create(input('Lost', KEY_B, TOKEN_B)))
    expect(err).toMatchObject({ code: 'STORAGE', message: expect.stringContaining('disk is full') })
    expect((await readJson()).profiles.map((p) => p.name)).toEqual(['Kept'])
    expect((await s.profiles.list()).map((p) => p.name)).toEqual(['Kept'])
    expect((await readdir(dir)).filter((n) => n.includes('.tmp-'))).toEqual([])
  })

  it('dying between the temp write and the rename leaves the old version, and the next start cleans up', async () => {
    let die = false
    const fs: DiskFs = {
      ...nodeDiskFs,
      // The process "dies": the rename never happens and never returns.
      rename: (a, b) =>
        die && b.endsWith('profiles.json') ? new Promise<void>(() => undefined) : nodeDiskFs.rename(a, b)
    }
    const s = await stack({ dataDir: dir, fs })
    await s.profiles.create(input('Before'))
    die = true
    void s.profiles.create(input('During', KEY_B, TOKEN_B))
    await new Promise((r) => setTimeout(r, 50))
    expect((await readdir(dir)).some((n) => n.startsWith('profiles.json.tmp-'))).toBe(true)
    expect((await readJson()).profiles.map((p) => p.name)).toEqual(['Before'])

    const restarted = await stack({ dataDir: dir })
    expect((await restarted.profiles.list()).map((p) => p.name)).toEqual(['Before'])
    expect((await readdir(dir)).filter((n) => n.includes('.tmp-'))).toEqual([])
  })

  it('a temp write that fails half way never touches the real file', async () => {
    let broken = false
    const fs: DiskFs = {
      ...nodeDiskFs,
      writeFileSynced: async (p, data, mode) => {
        if (!broken) return nodeDiskFs.writeFileSynced(p, data, mode)
        await writeFile(p, data.slice(0, 10))
        throw Object.assign(new Error('I/O error'), { code: 'EIO' })
      }
    }
    const s = await stack({ dataDir: dir, fs })
    await s.profiles.create(input('Whole'))
    broken = true
    expect((await rejection(s.profiles.create(input('Torn', KEY_B, TOKEN_B)))).code).toBe('STORAGE')
    expect((await readJson()).profiles.map((p) => p.name)).toEqual(['Whole'])
  })

  it('50 parallel creates and updates lose nothing', async () => {
    const s = await stack({ dataDir: dir })
    const created = await Promise.all(Array.from({ length: 25 }, (_, i) => s.profiles.create(input(`P${i}`))))
    await Promise.all([
      ...created.map((p, i) => s.profiles.update({ profileId: p.id, projectId: String(1000 + i) })),
      ...Array.from({ length: 25 }, (_, i) => s.profiles.create(input(`Q${i}`, KEY_B, TOKEN_B)))
    ])
    const onDisk = (await readJson()) as unknown as { profiles: { name: string; projectId: string }[] }
    expect(onDisk.profiles).toHaveLength(50)
    for (let i = 0; i < 25; i++)
      expect(onDisk.profiles.find((p) => p.name === `P${i}`)?.projectId).toBe(String(1000 + i))
    expect(new Set(onDisk.profiles.map((p) => p.name)).size).toBe(50)
    expect(await s.vault.listProfileIds()).toHaveLength(50)
  })

  it('parallel creates with the same name: exactly one wins, no orphaned secret', async () => {
    const s = await stack({ dataDir: dir })
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => s.profiles.create(input('Same'))))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(await s.vault.listProfileIds()).toHaveLength(1)
  })
})

describe('profiles.json loading', () => {
  it('a corrupt file is moved aside, the backup is loaded, and the problem is reported once', async () => {
    const s = await stack({ dataDir: dir })
    await s.profiles.create(input('Alpha'))
    await s.profiles.create(input('Bravo', KEY_B, TOKEN_B))
    await writeFile(file(), '{"version":2,"profiles":[{"na')
    const clock = fakeClock(Date.parse('2027-02-03T04:05:06.789Z'))
    const again = await stack({ dataDir: dir, clock })
    await again.profiles.keychainSweep() // it saves the keychain entries the restore keeps: let it land
    expect((await again.profiles.list()).map((p) => p.name)).toEqual(['Alpha'])
    const corrupt = (await readdir(dir)).filter((n) => n.startsWith('profiles.json.corrupt-'))
    expect(corrupt).toEqual(['profiles.json.corrupt-2027-02-03T04-05-06-789Z'])
    expect(await readFile(join(dir, corrupt[0] ?? ''), 'utf8')).toBe('{"version":2,"profiles":[{"na')
    expect(again.profiles.notices).toHaveLength(1)
    expect(again.profiles.notices[0]?.message).toMatch(
      /not valid JSON.*kept as profiles\.json\.corrupt-.*previous version/
    )
    expect(again.lines.filter((l) => l.includes('could not be used'))).toHaveLength(1)
    // The restored backup is the current file again.
    expect((await readJson()).profiles.map((p) => p.name)).toEqual(['Alpha'])
    again.profiles.dismissNotice(again.profiles.notices[0]?.id ?? '')
    expect(again.profiles.notices).toEqual([])
  })

  it('a corrupt file with no usable backup starts empty and still saves new profiles', async () => {
    await writeFile(file(), 'garbage')
    const s = await stack({ dataDir: dir })
    expect(await s.profiles.list()).toEqual([])
    expect(s.profiles.notices[0]?.message).toMatch(/started with no profiles/)
    await s.profiles.create(input('Fresh'))
    expect((await readJson()).profiles.map((p) => p.name)).toEqual(['Fresh'])
    expect((await readdir(dir)).some((n) => n.startsWith('profiles.json.corrupt-'))).toBe(true)
  })

  it('a missing file is a normal first start: no notice', async () => {
    const s = await stack({ dataDir: dir })
    expect(await s.profiles.list()).toEqual([])
    expect(s.profiles.notices).toEqual([])
    expect(s.settings.get()).toEqual(DEFAULT_SETTINGS)
  })

  it('migrates a v1 file (numeric project_id, no settings) to v2 and keeps v1 as .bak', async () => {
    const v1 = {
      version: 1,
      profiles: [
        {
          id: 'p-old1',
          name: 'Legacy',
          project_id: 51734,
          location: 'Chennai',
          color: '#10b981',
          initials: 'LG',
          createdAt: '2025-01-01T00:00:00.000Z'
        }
      ]
    }
    await writeFile(file(), JSON.stringify(v1))
    const vault = new FlakyVault()
    await vault.set('p-old1', { apiKey: KEY_A, authToken: TOKEN_A })
    const s = await stack({ dataDir: dir, vault })
    const [p] = await s.profiles.list()
    expect(p).toMatchObject({
      id: 'p-old1',
      name: 'Legacy',
      projectId: '51734',
      location: 'Chennai',
      apiBaseUrl: expect.stringContaining('https://'),
      lastUsedAt: null
    })
    expect(s.settings.get()).toEqual(DEFAULT_SETTINGS)
    const onDisk = (await readJson()) as unknown as {
      version: number
      profiles: { projectId: string }[]
      settings: unknown
    }
    expect(onDisk).toMatchObject({ version: 2, profiles: [{ projectId: '51734' }], settings: DEFAULT_SETTINGS })
    expect((await readJson(`${file()}.bak`)).version).toBe(1)
    expect(p?.credentials).toMatchObject({ secret: 'stored', apiKeyHint: '…a1b2' })
    expect(await s.profiles.keychainSweep()).toMatchObject({ swept: true, removed: 0, missing: [] })
    expect(s.profiles.notices).toEqual([])
  })
})
