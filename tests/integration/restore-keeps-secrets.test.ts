// Outside tester, defect 1: a restore from profiles.json.bak must never make a live secret sweepable. The backup is
// one write behind and carries the same install id, so the newest profile's keychain entry looked like this folder's
// orphan one start later. Each damage below is followed by two (or three) starts, as the tester did.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ModalVault } from '../support/stuck-vault'
import { input, KEY_A, KEY_B, stack, tempDir, TOKEN_A, TOKEN_B } from '../support/profiles-kit'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const file = () => join(dir, 'profiles.json')
const start = async (vault: ModalVault) => {
  const s = await stack({ dataDir: dir, vault })
  const sweep = await s.profiles.keychainSweep()
  return { s, sweep, names: (await s.profiles.list()).map((p) => p.name) }
}
const dropDamagedCopies = async () => {
  for (const n of await readdir(dir)) if (n.includes('.corrupt-')) await rm(join(dir, n))
}

/** P1, P2, P3 saved normally; the .bak names P1 and P2 only. Returns P3's keychain account. */
async function threeProfiles(vault: ModalVault): Promise<string> {
  const s = await stack({ dataDir: dir, vault })
  await s.profiles.keychainSweep()
  await s.profiles.create(input('P1'))
  await s.profiles.create(input('P2'))
  const p3 = await s.profiles.create(input('P3', KEY_B, TOKEN_B))
  const onDisk = JSON.parse(await readFile(file(), 'utf8')) as { profiles: { id: string; secretRef: string }[] }
  return onDisk.profiles.find((p) => p.id === p3.id)?.secretRef ?? ''
}

describe("a restore from the backup keeps the newest profile's secret (the tester's steps)", () => {
  it('empty profiles.json: two restarts later P3’s entry is still there, and the notice says so', async () => {
    const vault = new ModalVault()
    const p3 = await threeProfiles(vault)
    await writeFile(file(), '') // `: > profiles.json`

    const first = await start(vault)
    expect(first.names).toEqual(['P1', 'P2'])
    expect(await vault.listProfileIds()).toHaveLength(3)
    const notices = first.s.profiles.notices.map((n) => n.message)

    const second = await start(vault)
    expect(second.sweep).toMatchObject({ swept: true, removed: 0 })
    expect(await vault.get(p3)).toEqual({ apiKey: KEY_B, authToken: TOKEN_B })

    // Kept for good: not only while the damaged copy is there.
    await dropDamagedCopies()
    const third = await start(vault)
    expect(third.sweep).toMatchObject({ swept: true, removed: 0 })
    expect(await vault.get(p3)).toEqual({ apiKey: KEY_B, authToken: TOKEN_B })
    expect(third.names).toEqual(['P1', 'P2'])
    expect(notices).toEqual([expect.stringMatching(/not valid JSON.*profiles\.json\.bak\) was loaded instead/)])
    expect(notices[0]).toMatch(/Profiles added or changed after that backup may be missing/)
    expect(notices[0]).toMatch(/keychain entries were kept.*1 keychain entry/)
  })

  const damages: [string, (text: string) => string][] = [
    ['blank', () => '\n  \n'],
    ['truncated before P3', (t) => t.slice(0, t.lastIndexOf('"P3"') - 40)],
    ['wrong shape (an array)', () => '[]'],
    ['wrong shape (profiles not a list)', () => '{"version":2,"profiles":{"P3":true}}'],
    ['no version', () => '{"profiles":[]}']
  ]
  it.each(damages)('%s: P3’s entry survives restarts, even without the damaged copy', async (_, damage) => {
    const vault = new ModalVault()
    const p3 = await threeProfiles(vault)
    await writeFile(file(), damage(await readFile(file(), 'utf8')))
    expect((await start(vault)).names).toEqual(['P1', 'P2'])
    await dropDamagedCopies()
    await start(vault)
    const last = await start(vault)
    expect(last.sweep).toMatchObject({ swept: true, removed: 0 })
    expect(await vault.get(p3)).toEqual({ apiKey: KEY_B, authToken: TOKEN_B })
  })

  it('a keychain locked at the first start: nothing is swept until the kept entries are recorded', async () => {
    const vault = new ModalVault()
    const p3 = await threeProfiles(vault)
    await writeFile(file(), '')
    vault.mode = 'locked'
    expect((await start(vault)).sweep).toMatchObject({ swept: false })
    vault.mode = 'ok'
    await dropDamagedCopies()
    const second = await start(vault) // the file loads cleanly now, but the restore is not settled yet
    expect(second.sweep).toMatchObject({ swept: false })
    expect(second.s.profiles.notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/restored from its backup.*1 keychain entry.*kept/)
    ])
    const third = await start(vault)
    expect(third.sweep).toMatchObject({ swept: true, removed: 0 })
    expect(await vault.get(p3)).toEqual({ apiKey: KEY_B, authToken: TOKEN_B })
  })

  it('no usable backup: a damaged file naming the install id costs no entry, whatever happens next', async () => {
    const vault = new ModalVault()
    await threeProfiles(vault)
    const { installId } = JSON.parse(await readFile(file(), 'utf8')) as { installId: string }
    await rm(`${file()}.bak`)
    await writeFile(file(), JSON.stringify({ version: 2, installId, profiles: 'lost' }))
    const first = await start(vault)
    expect(first.names).toEqual([])
    expect(first.s.profiles.notices[0]?.message).toMatch(/started with no profiles.*3 keychain entries kept/)
    await start(vault)
    await dropDamagedCopies()
    const again = await start(vault)
    await again.s.profiles.create(input('Fresh', KEY_A, TOKEN_A))
    const last = await start(vault)
    expect(last.sweep).toMatchObject({ swept: true, removed: 0 })
    expect(await vault.listProfileIds()).toHaveLength(4)
  })

  it('the sweep still removes real orphans afterwards', async () => {
    const vault = new ModalVault()
    await threeProfiles(vault)
    await writeFile(file(), '')
    await start(vault)
    const { installId } = JSON.parse(await readFile(file(), 'utf8')) as { installId: string }
    await vault.seed(`p-orphan.${installId}.0badf00d`, { apiKey: KEY_A, authToken: TOKEN_A })
    const next = await start(vault)
    expect(next.sweep).toMatchObject({ swept: true, removed: 1 })
    expect(await vault.listProfileIds()).toHaveLength(3)
  })
})

describe('a profile kept aside in the file', () => {
  it('keeps every entry carrying its id, even when its secretRef cannot be read', async () => {
    const vault = new ModalVault()
    const p3 = await threeProfiles(vault)
    const onDisk = JSON.parse(await readFile(file(), 'utf8')) as { profiles: Record<string, unknown>[] }
    const last = onDisk.profiles[2]
    if (last) last.secretRef = 'not a valid ref!'
    await writeFile(file(), JSON.stringify(onDisk))
    const s = await start(vault)
    expect(s.names).toEqual(['P1', 'P2'])
    expect(s.sweep).toMatchObject({ swept: true, removed: 0 })
    expect(await vault.get(p3)).toEqual({ apiKey: KEY_B, authToken: TOKEN_B })
  })
})
