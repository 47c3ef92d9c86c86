// Real Secret Service round trips. Run only inside scripts/with-keyring.sh (KEYRING_IT=1): a private D-Bus
// session with an unlocked gnome-keyring and a throwaway HOME. Every entry goes under a throwaway service name
// and is deleted afterwards, so the suite could also run against a real macOS Keychain or Credential Manager.
import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import keytar from 'keytar'
import { createKeytarVault } from '../../electron/main/vault/keytar-vault'
import { fakeDemo, input, KEY_A, KEY_B, owners, stack, tempDir, TOKEN_A, TOKEN_B } from '../support/profiles-kit'

const service = `Nodetray-test-${randomBytes(4).toString('hex')}`
const services = [service, `${service}-svc`, `${service}-other`]
const keychain = createKeytarVault({ service })

afterAll(async () => {
  for (const s of services) for (const c of await keytar.findCredentials(s)) await keytar.deletePassword(s, c.account)
  for (const s of services) expect(await keytar.findCredentials(s)).toEqual([])
})

describe('keytar vault against a real keyring', () => {
  it('sets, reads, updates, lists and deletes one entry per profile', async () => {
    expect(keychain.kind).toBe('keychain')
    await keychain.set('p-one', { apiKey: KEY_A, authToken: TOKEN_A })
    expect(await keychain.get('p-one')).toEqual({ apiKey: KEY_A, authToken: TOKEN_A })
    expect(JSON.parse((await keytar.getPassword(service, 'p-one')) ?? '')).toEqual({
      apiKey: KEY_A,
      authToken: TOKEN_A
    })

    await keychain.set('p-one', { apiKey: KEY_B, authToken: TOKEN_A })
    expect(await keychain.get('p-one')).toEqual({ apiKey: KEY_B, authToken: TOKEN_A })
    expect(await keychain.listProfileIds()).toEqual(['p-one'])

    expect(await keychain.delete('p-one')).toBe(true)
    expect(await keychain.delete('p-one')).toBe(false)
    expect(await keychain.get('p-one')).toBeNull()
    expect(await keychain.listProfileIds()).toEqual([])
  })

  it("two profiles never see each other's secrets, and another service sees neither", async () => {
    await keychain.set('p-a', { apiKey: KEY_A, authToken: TOKEN_A })
    await keychain.set('p-b', { apiKey: KEY_B, authToken: TOKEN_B })
    expect(await keychain.get('p-a')).toEqual({ apiKey: KEY_A, authToken: TOKEN_A })
    expect(await keychain.get('p-b')).toEqual({ apiKey: KEY_B, authToken: TOKEN_B })
    await keychain.delete('p-a')
    expect(await keychain.get('p-b')).toEqual({ apiKey: KEY_B, authToken: TOKEN_B })
    const other = createKeytarVault({ service: `${service}-other` })
    expect(await other.get('p-b')).toBeNull()
    expect(await other.listProfileIds()).toEqual([])
    await keychain.delete('p-b')
  })
})

describe('profiles service with the real keyring', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir()))
  afterEach(() => cleanup())

  it('create stores the secrets in the keychain; delete removes exactly that entry', async () => {
    const vault = createKeytarVault({ service: `${service}-svc` })
    const s = await stack({ dataDir: dir, vault, demo: fakeDemo() })
    await s.profiles.keychainSweep()
    const a = await s.profiles.create(input('Alpha'))
    const b = await s.profiles.create(input('Bravo', KEY_B, TOKEN_B))
    expect(await owners(vault)).toEqual([a.id, b.id].sort())
    expect((await s.profiles.apiTarget(b.id)).authToken).toBe(TOKEN_B)
    // A fresh start reads it back from the keychain (not from memory), through the Secret Service probe.
    const again = await stack({ dataDir: dir, vault: createKeytarVault({ service: `${service}-svc` }) })
    expect((await again.profiles.list()).map((p) => [p.name, p.credentials.secret, p.credentials.apiKeyHint])).toEqual([
      ['Alpha', 'stored', '…a1b2'],
      ['Bravo', 'stored', '…c3d4']
    ])
    expect(await again.profiles.keychainSweep()).toMatchObject({ swept: true, removed: 0, missing: [] })

    await s.profiles.delete(a.id)
    expect(await owners(vault)).toEqual([b.id])
    expect((await keytar.findCredentials(`${service}-svc`)).map((c) => c.account).join()).not.toContain(a.id)
    await s.profiles.delete(b.id)
    expect(await vault.listProfileIds()).toEqual([])
  })
})
