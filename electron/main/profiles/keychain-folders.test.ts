// Issue #11 C/D/E, second review: several data folders share one keychain; a restore from the backup never
// costs the live secret; a stuck keychain never holds up profile changes; v1 files load per profile.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ModalVault } from '../../../tests/support/stuck-vault'
import { createKeytarVault, keychainServiceFromEnv, type KeytarLike } from '../vault/keytar-vault'
import { MemoryVault } from '../vault/memory-vault'
import { parseSecretRef } from './keychain-refs'
import {
  input,
  KEY_A,
  KEY_B,
  owners,
  rejection,
  stack,
  tempDir,
  TOKEN_A,
  TOKEN_B
} from '../../../tests/support/profiles-kit'

let dirs: { dir: string; cleanup(): Promise<void> }[] = []
const newDir = async () => {
  const t = await tempDir()
  dirs.push(t)
  return t.dir
}
let dir: string
beforeEach(async () => (dir = await newDir()))
afterEach(async () => {
  for (const t of dirs) await t.cleanup()
  dirs = []
})

const readJson = async (d: string, name = 'profiles.json') =>
  JSON.parse(await readFile(join(d, name), 'utf8')) as {
    installId?: string
    profiles: Record<string, unknown>[]
    [k: string]: unknown
  }
const secrets = async (s: Awaited<ReturnType<typeof stack>>) =>
  (await s.profiles.list()).map((p) => [p.name, p.credentials.secret, p.credentials.apiKeyHint])

describe('two data folders sharing one keychain', () => {
  it("a second folder's start-up sweep never deletes the first folder's entries", async () => {
    const vault = new MemoryVault()
    const installed = await stack({ dataDir: dir, vault })
    await installed.profiles.keychainSweep()
    const prod = await installed.profiles.create(input('Prod'))

    // npm run dev, the Electron test suite or the preview host: another folder, same keychain.
    const other = await newDir()
    const dev = await stack({ dataDir: other, vault })
    expect(await dev.profiles.keychainSweep()).toMatchObject({ swept: false })
    expect(await owners(vault)).toEqual([prod.id])
    const mine = await dev.profiles.create(input('Dev', KEY_B, TOKEN_B))
    // Its next start sweeps for real, and only its own entries.
    const devAgain = await stack({ dataDir: other, vault })
    expect(await devAgain.profiles.keychainSweep()).toMatchObject({ swept: true, removed: 0, missing: [] })
    expect(await owners(vault)).toEqual([prod.id, mine.id].sort())

    const again = await stack({ dataDir: dir, vault })
    expect(await again.profiles.keychainSweep()).toMatchObject({ swept: true, removed: 0, missing: [] })
    expect(await secrets(again)).toEqual([['Prod', 'stored', '…a1b2']])
    expect(again.profiles.notices).toEqual([])
  })

  it('a first start deletes nothing, yet still reports an unreachable keychain', async () => {
    const vault = new ModalVault()
    await vault.seed('p-someone.0123456789ab.cafe0001', { apiKey: KEY_A, authToken: TOKEN_A })
    vault.mode = 'unavailable'
    const s = await stack({ dataDir: dir, vault })
    expect(await s.profiles.keychainSweep()).toMatchObject({ swept: false, keychain: { state: 'unavailable' } })
    expect(s.profiles.notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/cannot reach the system keychain/)
    ])
    vault.mode = 'ok'
    const again = await stack({ dataDir: dir, vault })
    expect(await again.profiles.keychainSweep()).toMatchObject({
      swept: false,
      reason: expect.stringMatching(/no profile file/)
    })
    expect(await vault.listProfileIds()).toEqual(['p-someone.0123456789ab.cafe0001'])
  })

  it('each folder has its own install id in profiles.json, in every entry it writes, kept across restarts', async () => {
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 2, profiles: [], futureField: { a: 1 } }))
    const vault = new MemoryVault()
    const s = await stack({ dataDir: dir, vault })
    const p = await s.profiles.create(input('Prod'))
    const onDisk = await readJson(dir)
    expect(onDisk.installId).toMatch(/^[a-z0-9]{8,32}$/)
    expect(onDisk.futureField).toEqual({ a: 1 })
    const [account] = await vault.listProfileIds()
    expect(parseSecretRef(account ?? '')).toEqual({ profileId: p.id, installId: onDisk.installId })
    await (await stack({ dataDir: dir, vault })).profiles.update({ profileId: p.id, apiKey: KEY_B })
    expect((await readJson(dir)).installId).toBe(onDisk.installId)
    expect(parseSecretRef((await vault.listProfileIds())[0] ?? '').installId).toBe(onDisk.installId)
  })

  it('entries written before install ids stay readable, and are never swept', async () => {
    const vault = new MemoryVault()
    await vault.set('p-old1.ab12cd34', { apiKey: KEY_A, authToken: TOKEN_A })
    await vault.set('p-old2', { apiKey: KEY_B, authToken: TOKEN_B })
    await vault.set('p-gone.ef56ab78', { apiKey: KEY_B, authToken: TOKEN_B }) // another folder's, or an old orphan
    const old = (id: string, name: string, secretRef?: string) => ({
      id,
      name,
      projectId: '51734',
      location: 'Delhi',
      apiBaseUrl: 'https://api.e2enetworks.com/myaccount/api/v1',
      color: '#3b82f6',
      initials: 'OL',
      createdAt: '2026-01-01T00:00:00.000Z',
      lastUsedAt: null,
      ...(secretRef ? { secretRef } : {})
    })
    await writeFile(
      join(dir, 'profiles.json'),
      JSON.stringify({ version: 2, profiles: [old('p-old1', 'One', 'p-old1.ab12cd34'), old('p-old2', 'Two')] })
    )
    const s = await stack({ dataDir: dir, vault })
    expect(await s.profiles.keychainSweep()).toMatchObject({ swept: true, removed: 0, missing: [] })
    expect(await secrets(s)).toEqual([
      ['One', 'stored', '…a1b2'],
      ['Two', 'stored', '…c3d4']
    ])
    expect((await vault.listProfileIds()).sort()).toEqual(['p-gone.ef56ab78', 'p-old1.ab12cd34', 'p-old2'])
    // A new key moves the profile to an entry with the install id; its old entry goes with the change.
    await s.profiles.update({ profileId: 'p-old2', apiKey: KEY_A, authToken: TOKEN_A })
    expect((await vault.listProfileIds()).filter((a) => a.startsWith('p-old2'))).toEqual([
      expect.stringMatching(/^p-old2\.[a-z0-9]{12}\.[0-9a-f]{8}$/)
    ])
  })

  it('NODETRAY_KEYCHAIN_SERVICE names the keychain service; a name the probe cannot pass is refused', () => {
    expect(keychainServiceFromEnv({}, 'Nodetray')).toBe('Nodetray')
    expect(keychainServiceFromEnv({ NODETRAY_KEYCHAIN_SERVICE: 'Nodetray-electron-test' }, 'Nodetray')).toBe(
      'Nodetray-electron-test'
    )
    expect(() => keychainServiceFromEnv({ NODETRAY_KEYCHAIN_SERVICE: 'a b"' }, 'Nodetray')).toThrow(/letters/)
  })
})

describe('a restore from the backup', () => {
  it("never costs the live secret: the profile takes back its current entry (the reviewer's scenario)", async () => {
    const vault = new MemoryVault()
    let s = await stack({ dataDir: dir, vault })
    await s.profiles.keychainSweep()
    const p = await s.profiles.create(input('Prod'))
    // A rotated key: a new entry, the old one deleted; profiles.json.bak still names the old one.
    await s.profiles.update({ profileId: p.id, apiKey: KEY_B, authToken: TOKEN_B })
    const live = await vault.listProfileIds()
    await writeFile(join(dir, 'profiles.json'), '{"version":2,"profiles":[{"id"') // damaged

    s = await stack({ dataDir: dir, vault }) // start 1: .bak loaded and rewritten
    await s.profiles.keychainSweep()
    expect(await secrets(s)).toEqual([['Prod', 'stored', '…c3d4']])
    s = await stack({ dataDir: dir, vault }) // start 2: loads cleanly and sweeps
    expect(await s.profiles.keychainSweep()).toMatchObject({ swept: true, missing: [] })
    expect(await vault.listProfileIds()).toEqual(live)
    expect(await secrets(s)).toEqual([['Prod', 'stored', '…c3d4']])
    expect((await s.profiles.apiTarget(p.id)).apiKey).toBe(KEY_B)
  })

  it('keeps every entry a damaged copy kept aside names, while that copy exists', async () => {
    const vault = new MemoryVault()
    let s = await stack({ dataDir: dir, vault })
    await s.profiles.create(input('Old'))
    const lost = await s.profiles.create(input('Newest', KEY_B, TOKEN_B)) // only in profiles.json, not in .bak
    await writeFile(join(dir, 'profiles.json'), (await readFile(join(dir, 'profiles.json'), 'utf8')).slice(0, -40))
    s = await stack({ dataDir: dir, vault })
    expect((await s.profiles.list()).map((p) => p.name)).toEqual(['Old'])
    await s.profiles.keychainSweep() // this start records what the restore keeps before the next one opens
    s = await stack({ dataDir: dir, vault })
    expect(await s.profiles.keychainSweep()).toMatchObject({ swept: true, removed: 0 })
    expect(await owners(vault)).toContain(lost.id)
    expect((await readdir(dir)).some((n) => n.startsWith('profiles.json.corrupt-'))).toBe(true)
  })
})

describe('a keychain that never answers', () => {
  it('a create fails fast with KEYCHAIN_UNAVAILABLE behind a stuck read, and a rename still goes through', async () => {
    // macOS-like keytar (no probe): a read waits on an access prompt nobody answers; calls run one at a time.
    const entries = new Map<string, string>()
    const keytar: KeytarLike = {
      getPassword: () => new Promise<string | null>(() => undefined),
      setPassword: async (_s, a, p) => void entries.set(a, p),
      deletePassword: async (_s, a) => entries.delete(a),
      findCredentials: async () => [...entries].map(([account, password]) => ({ account, password }))
    }
    const vault = createKeytarVault({ loadKeytar: async () => keytar, probe: null })
    const first = await stack({ dataDir: dir, vault: new MemoryVault() })
    const a = await first.profiles.create(input('A'))
    const s = await stack({ dataDir: dir, vault, keychainWaitMs: 50, keychainWriteMs: 300 })
    expect((await s.profiles.list()).map((p) => p.credentials.secret)).toEqual(['locked'])

    const started = Date.now()
    const err = await rejection(s.profiles.create(input('B', KEY_B, TOKEN_B)))
    expect(Date.now() - started).toBeLessThan(2000)
    expect(err).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/did not answer/) })
    expect(err.hint).toMatch(/unlock/i)
    const renamed = await Promise.race([
      s.profiles.update({ profileId: a.id, name: 'A2' }).then((p) => p.name),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1500))
    ])
    expect(renamed).toBe('A2')
    expect((await readJson(dir)).profiles.map((p) => p.name)).toEqual(['A2'])
  })

  it('a create waiting on the keychain does not hold the profile file: other edits go on meanwhile', async () => {
    const vault = new ModalVault()
    const s = await stack({ dataDir: dir, vault, keychainWriteMs: 1000 })
    const a = await s.profiles.create(input('A'))
    vault.mode = 'stuck'
    const creating = rejection(s.profiles.create(input('B', KEY_B, TOKEN_B)))
    const renamed = await Promise.race([
      s.profiles.update({ profileId: a.id, name: 'A2' }).then((p) => p.name),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 500))
    ])
    expect(renamed).toBe('A2')
    expect(await creating).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
    expect((await s.profiles.list()).map((p) => p.name)).toEqual(['A2'])
    // The write that lands late is an orphan of this folder: the next start sweeps it.
    vault.mode = 'ok'
    vault.release()
    await new Promise((resolve) => setTimeout(resolve, 20))
    const next = await stack({ dataDir: dir, vault })
    expect(await next.profiles.keychainSweep()).toMatchObject({ swept: true, removed: 1, missing: [] })
    expect(await owners(vault)).toEqual([a.id])
  })
})

describe('a v1 profile file', () => {
  it('loads per profile: a bad entry is kept aside, the others load, unknown fields survive', async () => {
    const v1 = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
      id,
      name,
      project_id: 51734,
      location: 'Delhi',
      color: '#3b82f6',
      initials: 'V1',
      createdAt: '2025-01-01T00:00:00.000Z',
      ...extra
    })
    const bad = v1('p-bad', 'Bad', { location: 'Mumbai' })
    await writeFile(
      join(dir, 'profiles.json'),
      JSON.stringify({
        version: 1,
        profiles: [v1('p-good', 'Good', { nickname: 'kept' }), bad, v1('p-two', 'Two')],
        topLevelExtra: true
      })
    )
    const vault = new MemoryVault()
    await vault.set('p-good', { apiKey: KEY_A, authToken: TOKEN_A })
    await vault.set('p-bad', { apiKey: KEY_B, authToken: TOKEN_B })
    const s = await stack({ dataDir: dir, vault })
    expect(await secrets(s)).toEqual([
      ['Good', 'stored', '…a1b2'],
      ['Two', 'missing', null]
    ])
    expect(s.profiles.notices.map((n) => n.message)).toContainEqual(expect.stringMatching(/"Bad".*location/))
    const onDisk = await readJson(dir)
    expect(onDisk).toMatchObject({ version: 2, topLevelExtra: true })
    expect(onDisk.profiles).toEqual([
      expect.objectContaining({ id: 'p-good', projectId: '51734', nickname: 'kept' }),
      expect.objectContaining({ id: 'p-two', projectId: '51734' }),
      bad
    ])
    expect(onDisk.profiles[0]).not.toHaveProperty('project_id')
    // The profile kept aside keeps its secret.
    await s.profiles.keychainSweep()
    expect((await vault.listProfileIds()).sort()).toEqual(['p-bad', 'p-good'])
  })
})
