// Issue #11 E.1–E.3: one bad profile never drops the others, a newer file is read-only, unknown fields survive.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeDiskFs, type DiskFs } from './atomic-file'
import { FlakyVault, input, KEY_A, rejection, stack, tempDir, TOKEN_A } from '../../../tests/support/profiles-kit'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const file = () => join(dir, 'profiles.json')
const profile = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  projectId: '51734',
  location: 'Delhi',
  apiBaseUrl: 'https://api.e2enetworks.com/myaccount/api/v1',
  color: '#3b82f6',
  initials: name.slice(0, 2).toUpperCase(),
  createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null,
  ...extra
})

async function vaultFor(...ids: string[]): Promise<FlakyVault> {
  const vault = new FlakyVault()
  for (const id of ids) await vault.set(id, { apiKey: KEY_A, authToken: TOKEN_A })
  return vault
}

describe('one unreadable profile', () => {
  it('is kept aside verbatim with its reason; the others load and can be changed', async () => {
    const bad = profile('p-bad', 'Mumbai team', { location: 'Mumbai' })
    await writeFile(
      file(),
      JSON.stringify({ version: 2, profiles: [profile('p-a', 'Alpha'), bad, profile('p-c', 'Charlie')], settings: {} })
    )
    const vault = await vaultFor('p-a', 'p-bad', 'p-c')
    const s = await stack({ dataDir: dir, vault })
    expect((await s.profiles.list()).map((p) => p.name)).toEqual(['Alpha', 'Charlie'])
    expect(s.profiles.notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/^The profile "Mumbai team" in profiles\.json could not be loaded: "location" is invalid/)
    ])

    await s.profiles.create(input('Delta'))
    await s.profiles.update({ profileId: 'p-a', name: 'Alpha 2' })
    const onDisk = JSON.parse(await readFile(file(), 'utf8')) as { profiles: { name: string }[] }
    expect(onDisk.profiles.map((p) => p.name)).toEqual(['Alpha 2', 'Charlie', 'Delta', 'Mumbai team'])
    expect(onDisk.profiles[3]).toEqual(bad)
    // Its secret belongs to it still: the sweep keeps it.
    await s.profiles.keychainSweep()
    expect(await vault.get('p-bad')).not.toBeNull()
  })
})

describe('a file from a newer Nodetray', () => {
  it('is read as far as possible, never written, and every change is refused with a clear error', async () => {
    const text = JSON.stringify({
      version: 3,
      profiles: [profile('p-a', 'Alpha', { secretRef: 'p-a', region: 'ncr' }), { id: 'p-new', shape: 'future' }],
      settings: { hideDemo: true, theme: 'dark' },
      sync: { enabled: true }
    })
    await writeFile(file(), text)
    const vault = await vaultFor('p-a')
    const s = await stack({ dataDir: dir, vault })
    expect((await s.profiles.list()).map((p) => [p.name, p.credentials.secret])).toEqual([['Alpha', 'stored']])
    expect(s.profiles.notices[0]?.message).toMatch(/saved by a newer version of Nodetray \(file version 3\)/)
    expect(s.settings.get().hideDemo).toBe(true)

    const refused = { code: 'FORBIDDEN', message: expect.stringMatching(/newer version of Nodetray/) }
    expect(await rejection(s.profiles.create(input('Bravo')))).toMatchObject(refused)
    expect(await rejection(s.profiles.update({ profileId: 'p-a', name: 'A2' }))).toMatchObject(refused)
    expect(await rejection(s.profiles.delete('p-a'))).toMatchObject(refused)
    expect(await rejection(s.settings.update({ hideDemo: false }))).toMatchObject(refused)
    await s.profiles.markUsed('p-a') // on every switch: silently skipped
    await s.profiles.keychainSweep()

    expect(await readFile(file(), 'utf8')).toBe(text)
    expect((await readdir(dir)).filter((n) => n.startsWith('profiles.json'))).toEqual(['profiles.json'])
    expect(await vault.listProfileIds()).toEqual(['p-a'])
  })
})

describe('fields this version does not know', () => {
  it('survive a rewrite: top level, per profile and in settings, and never reach the page', async () => {
    await writeFile(
      file(),
      JSON.stringify({
        version: 2,
        profiles: [profile('p-a', 'Alpha', { region: 'ncr', tags: ['prod'] })],
        settings: { hideDemo: true, theme: 'dark' },
        sync: { enabled: true }
      })
    )
    const s = await stack({ dataDir: dir, vault: await vaultFor('p-a') })
    await s.profiles.update({ profileId: 'p-a', name: 'Alpha 2', color: '#10b981' })
    await s.settings.update({ notifications: false })
    await s.profiles.create(input('Bravo'))
    const onDisk = JSON.parse(await readFile(file(), 'utf8')) as Record<string, unknown> & {
      profiles: Record<string, unknown>[]
      settings: Record<string, unknown>
    }
    expect(onDisk.sync).toEqual({ enabled: true })
    expect(onDisk.profiles[0]).toMatchObject({ name: 'Alpha 2', color: '#10b981', region: 'ncr', tags: ['prod'] })
    expect(onDisk.settings).toMatchObject({ theme: 'dark', hideDemo: true, notifications: false })

    const [view] = await s.profiles.list()
    expect(Object.keys(view ?? {})).not.toContain('region')
    expect(Object.keys(view ?? {})).not.toContain('secretRef')
    expect(Object.keys(s.settings.get())).not.toContain('theme')
  })
})

describe('an unreadable file that cannot be moved aside', () => {
  it('is never written over: changes are refused until the user moves or repairs it', async () => {
    await writeFile(file(), '{ "version": 2, "profiles": [ torn')
    const fs: DiskFs = {
      ...nodeDiskFs,
      rename: async (a, b) =>
        b.includes('.corrupt-')
          ? Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' }))
          : nodeDiskFs.rename(a, b)
    }
    const s = await stack({ dataDir: dir, fs })
    expect(s.profiles.notices[0]?.message).toMatch(/left where it is, and Nodetray will not write over it/)
    expect(await rejection(s.profiles.create(input('Fresh')))).toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/will not write over it/)
    })
    expect(await rejection(s.settings.update({ hideDemo: true }))).toMatchObject({ code: 'STORAGE' })
    expect(await s.vault.listProfileIds()).toEqual([])
    expect(await readFile(file(), 'utf8')).toBe('{ "version": 2, "profiles": [ torn')
  })
})
