// Two Nodetray data folders sharing one real keyring under one service name (the installed app and `npm run dev`,
// or any other folder): the second folder's start-up sweep must leave the first folder's entries alone, and
// older entries without an install id are never swept by a folder that did not write them.
// Runs only inside scripts/with-keyring.sh (KEYRING_IT=1), under a throwaway service name.
import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import keytar from 'keytar'
import { createKeytarVault } from '../../electron/main/vault/keytar-vault'
import { input, KEY_A, KEY_B, owners, stack, tempDir, TOKEN_A, TOKEN_B } from '../support/profiles-kit'

const service = `Nodetray-test-${randomBytes(4).toString('hex')}`

afterAll(async () => {
  for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account)
  expect(await keytar.findCredentials(service)).toEqual([])
})

describe('two data folders, one real keyring', () => {
  const temps: { dir: string; cleanup(): Promise<void> }[] = []
  beforeEach(async () => {
    temps.push(await tempDir(), await tempDir())
  })
  afterEach(async () => {
    for (const t of temps.splice(0)) await t.cleanup()
  })

  it("the second folder's sweeps leave the first folder's entries (and older ones) in place", async () => {
    const [installed, dev] = temps.map((t) => t.dir) as [string, string]
    // An entry from before install ids, belonging to neither folder's profiles.
    await keytar.setPassword(service, 'p-legacy.0a1b2c3d', JSON.stringify({ apiKey: KEY_A, authToken: TOKEN_A }))

    const a = await stack({ dataDir: installed, vault: createKeytarVault({ service }) })
    await a.profiles.keychainSweep()
    const prod = await a.profiles.create(input('Prod'))

    // First start of the second folder: no profile file yet, nothing may go.
    const b = await stack({ dataDir: dev, vault: createKeytarVault({ service }) })
    expect(await b.profiles.keychainSweep()).toMatchObject({ swept: false })
    const mine = await b.profiles.create(input('Dev', KEY_B, TOKEN_B))
    // Its next start sweeps for real: only its own orphans could go.
    const b2 = await stack({ dataDir: dev, vault: createKeytarVault({ service }) })
    expect(await b2.profiles.keychainSweep()).toMatchObject({ swept: true, removed: 0, missing: [] })
    const vault = createKeytarVault({ service })
    expect(await owners(vault)).toEqual([prod.id, mine.id, 'p-legacy'].sort())

    const a2 = await stack({ dataDir: installed, vault: createKeytarVault({ service }) })
    expect(await a2.profiles.keychainSweep()).toMatchObject({ swept: true, removed: 0, missing: [] })
    expect((await a2.profiles.list()).map((p) => [p.name, p.credentials.secret])).toEqual([['Prod', 'stored']])
    expect(await owners(vault)).toEqual([prod.id, mine.id, 'p-legacy'].sort())
  })
})
