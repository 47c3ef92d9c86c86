// Issue #11 C and D: the keychain never holds up start-up, its states are told apart (locked, unreachable,
// nothing stored, rejected token), and the start-up sweep removes orphans only when that is safe.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProfileView } from '../../../shared/domain/profile'
import { ModalVault } from '../../../tests/support/stuck-vault'
import { KEYCHAIN_HINTS } from '../vault/keychain-errors'
import {
  entriesOf,
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

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const WAIT_MS = 200

const installIdOf = async (d: string) =>
  (JSON.parse(await readFile(join(d, 'profiles.json'), 'utf8')) as { installId: string }).installId

/** Three profiles saved with a working keychain; returns their ids. */
async function threeProfiles(vault: ModalVault): Promise<string[]> {
  const s = await stack({ dataDir: dir, vault })
  const ids: string[] = []
  for (const name of ['Alpha', 'Bravo', 'Charlie']) ids.push((await s.profiles.create(input(name))).id)
  await s.profiles.keychainSweep()
  return ids
}

const secrets = (list: ProfileView[]) => list.map((p) => [p.name, p.credentials.secret, p.credentials.hasCredentials])

describe('a keychain that does not answer', () => {
  it('holds nothing up: the list comes within the wait, each profile shows locked, and the late answer is sent on', async () => {
    const vault = new ModalVault()
    await threeProfiles(vault)
    vault.mode = 'stuck'
    const started = Date.now()
    const s = await stack({ dataDir: dir, vault, keychainWaitMs: WAIT_MS })
    const list = await s.profiles.list()
    expect(Date.now() - started).toBeLessThan(WAIT_MS + 800)
    expect(secrets(list)).toEqual([
      ['Alpha', 'locked', false],
      ['Bravo', 'locked', false],
      ['Charlie', 'locked', false]
    ])
    expect(list[0]?.credentials.keychainHint).toMatch(/did not answer within/)
    // Later callers do not wait again, and the API is not called without secrets.
    const again = Date.now()
    await s.profiles.list()
    expect(Date.now() - again).toBeLessThan(WAIT_MS)
    expect(await rejection(s.profiles.apiTarget(list[0]?.id ?? ''))).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })

    const sent: ProfileView[][] = []
    s.profiles.onChanged((l) => sent.push(l))
    vault.mode = 'ok'
    vault.release()
    await expect.poll(() => sent.at(-1)?.map((p) => p.credentials.secret)).toEqual(['stored', 'stored', 'stored'])
    expect(sent.at(-1)?.[0]?.credentials.apiKeyHint).toBe('…a1b2')
  })
})

describe('keychain states', () => {
  it('a locked keychain reads as locked (not "no credentials"), and Try again reads it once unlocked', async () => {
    const vault = new ModalVault()
    const [alpha] = await threeProfiles(vault)
    vault.mode = 'locked'
    const s = await stack({ dataDir: dir, vault, keychainWaitMs: WAIT_MS })
    const list = await s.profiles.list()
    expect(secrets(list)).toEqual([
      ['Alpha', 'locked', false],
      ['Bravo', 'locked', false],
      ['Charlie', 'locked', false]
    ])
    expect(list[0]?.credentials.keychainHint).toBe(KEYCHAIN_HINTS.locked)
    // Locked is not "missing": the sweep deletes nothing and asks for no credentials.
    expect(await s.profiles.keychainSweep()).toMatchObject({ swept: false, keychain: { state: 'locked' } })
    expect(s.profiles.notices).toEqual([])

    vault.mode = 'ok'
    const after = await s.profiles.retryKeychain(alpha)
    expect(secrets(after)[0]).toEqual(['Alpha', 'stored', true])
    expect(secrets(await s.profiles.retryKeychain())).toEqual([
      ['Alpha', 'stored', true],
      ['Bravo', 'stored', true],
      ['Charlie', 'stored', true]
    ])
  })

  it('an unreachable keychain shows per profile and as a start notice with what to install', async () => {
    const vault = new ModalVault()
    await threeProfiles(vault)
    vault.mode = 'unavailable'
    const s = await stack({ dataDir: dir, vault, keychainWaitMs: WAIT_MS })
    const list = await s.profiles.list()
    expect(list.map((p) => p.credentials.secret)).toEqual(['unavailable', 'unavailable', 'unavailable'])
    expect(list[0]?.credentials.keychainHint).toBe(KEYCHAIN_HINTS.noSecretService)
    await s.profiles.keychainSweep()
    expect(s.profiles.notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/cannot reach the system keychain.*gnome-keyring/)
    ])
  })

  it('a profile whose secret is gone needs credentials, with a notice', async () => {
    const vault = new ModalVault()
    const [alpha] = await threeProfiles(vault)
    for (const e of await entriesOf(vault, alpha ?? '')) await vault.delete(e)
    const s = await stack({ dataDir: dir, vault })
    await s.profiles.keychainSweep()
    expect(secrets(await s.profiles.list())[0]).toEqual(['Alpha', 'missing', false])
    expect(s.profiles.notices.map((n) => n.message)).toEqual([
      '"Alpha" has no API key and auth token in the system keychain. Edit it and enter them again.'
    ])
  })

  it('an update that supplies both values does not read the old secret', async () => {
    const vault = new ModalVault()
    const [alpha] = await threeProfiles(vault)
    const s = await stack({ dataDir: dir, vault })
    await s.profiles.keychainSweep()
    vault.calls.length = 0
    await s.profiles.update({ profileId: alpha ?? '', apiKey: KEY_B, authToken: TOKEN_B })
    expect(vault.calls.filter((c) => c.startsWith('get'))).toEqual([])
    expect((await s.profiles.apiTarget(alpha ?? '')).apiKey).toBe(KEY_B)
  })

  it('a token E2E rejected shows as rejected until new secrets are saved', async () => {
    const s = await stack({ dataDir: dir })
    const p = await s.profiles.create(input('Alpha'))
    s.profiles.setTokenRejected(p.id, true)
    expect((await s.profiles.get(p.id)).credentials).toMatchObject({ tokenState: 'rejected', secret: 'stored' })
    await s.profiles.update({ profileId: p.id, name: 'Alpha 2' })
    expect((await s.profiles.get(p.id)).credentials.tokenState).toBe('rejected')
    await s.profiles.update({ profileId: p.id, authToken: TOKEN_B })
    expect((await s.profiles.get(p.id)).credentials.tokenState).toBe('ok')
  })
})

describe('the start-up keychain sweep', () => {
  it('deletes entries no profile names, and keeps every entry a profile names', async () => {
    const vault = new ModalVault()
    const [alpha, bravo, charlie] = await threeProfiles(vault)
    const installId = await installIdOf(dir)
    await vault.seed(`p-orphan.${installId}.1234abcd`, { apiKey: KEY_A, authToken: TOKEN_A })
    await vault.seed(`${alpha}.${installId}.deadbeef`, { apiKey: KEY_B, authToken: TOKEN_B }) // an update cut short
    // Entries this folder did not write: another folder's, and older ones without an install id.
    const foreign = ['p-other.0123456789ab.cafe0001', 'p-legacy.cafe0002', 'p-bare']
    for (const a of foreign) await vault.seed(a, { apiKey: KEY_A, authToken: TOKEN_A })
    const s = await stack({ dataDir: dir, vault })
    expect(await s.profiles.keychainSweep()).toMatchObject({ swept: true, removed: 2, missing: [] })
    expect(await owners(vault)).toEqual([alpha, bravo, charlie, 'p-bare', 'p-legacy', 'p-other'].sort())
    expect((await s.profiles.apiTarget(alpha ?? '')).apiKey).toBe(KEY_A)
  })

  it('deletes nothing when the file did not load cleanly (corrupt, or from a newer Nodetray)', async () => {
    const vault = new ModalVault()
    await threeProfiles(vault)
    const before = await vault.listProfileIds()
    await writeFile(join(dir, 'profiles.json'), '{ torn')
    const corrupt = await stack({ dataDir: dir, vault })
    expect(await corrupt.profiles.keychainSweep()).toMatchObject({ swept: false })
    expect(await vault.listProfileIds()).toEqual(before)

    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 3, profiles: [] }))
    const newer = await stack({ dataDir: dir, vault })
    expect(await newer.profiles.keychainSweep()).toMatchObject({ swept: false })
    expect(await vault.listProfileIds()).toEqual(before)
  })

  it('keeps the entry of a profile that was kept aside in the file', async () => {
    const vault = new ModalVault()
    const [alpha] = await threeProfiles(vault)
    const file = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')) as { profiles: { location: string }[] }
    const first = file.profiles[0]
    if (first) first.location = 'Mumbai'
    await writeFile(join(dir, 'profiles.json'), JSON.stringify(file))
    const s = await stack({ dataDir: dir, vault })
    expect(await s.profiles.keychainSweep()).toMatchObject({ swept: true, removed: 0 })
    expect(await entriesOf(vault, alpha ?? '')).toHaveLength(1)
  })
})
