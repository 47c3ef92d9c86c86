import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProfileView } from '../../../shared/domain/profile'
import { DomainError } from '../errors'
import { nodeDiskFs, type DiskFs } from './atomic-file'
import { showDemoIfNothingSetUp } from './index'
import {
  fakeDemo,
  FlakyVault,
  input,
  KEY_A,
  KEY_B,
  makeJwt,
  NOW,
  owners,
  rejection,
  secretOf,
  stack,
  tempDir,
  TOKEN_A,
  TOKEN_B,
  tokenExpiringInDays
} from '../../../tests/support/profiles-kit'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())
const DAY = 86_400_000
const keychainDown = () =>
  new DomainError('KEYCHAIN_UNAVAILABLE', 'Nodetray could not save credentials in the system keychain.', {
    hint: 'unlock'
  })

describe('create', () => {
  it('stores secrets in the vault, the rest in the file, and defaults colour and initials', async () => {
    const s = await stack({ dataDir: dir })
    const a = await s.profiles.create(input('Acme prod'))
    const b = await s.profiles.create({ ...input('staging', KEY_B, TOKEN_B), color: '#123456', initials: 'zz' })
    expect(a).toMatchObject({ name: 'Acme prod', initials: 'AP', color: '#3b82f6', isDemo: false, projectId: '51734' })
    expect(a.credentials).toMatchObject({ hasCredentials: true, apiKeyHint: '…a1b2', tokenState: 'ok' })
    expect(b).toMatchObject({ initials: 'zz', color: '#123456' })
    expect(await secretOf(s.vault, a.id)).toEqual({ apiKey: KEY_A, authToken: TOKEN_A })
    const c = await s.profiles.create(input('third'))
    expect(c.color).toBe('#10b981') // the first palette colour not in use
  })

  it('refuses a name taken case-insensitively with CONFLICT on "name"', async () => {
    const s = await stack({ dataDir: dir })
    await s.profiles.create(input('Acme'))
    expect(await rejection(s.profiles.create(input('  aCME ')))).toMatchObject({ code: 'CONFLICT', field: 'name' })
    expect(await s.vault.listProfileIds()).toHaveLength(1)
  })

  it('validates project id and location', async () => {
    const s = await stack({ dataDir: dir })
    expect(await rejection(s.profiles.create({ ...input('X'), projectId: '12a' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'projectId'
    })
    expect(await rejection(s.profiles.create({ ...input('X'), location: 'Mumbai' as 'Delhi' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'location'
    })
  })

  it('a vault failure writes nothing', async () => {
    const vault = new FlakyVault()
    const s = await stack({ dataDir: dir, vault })
    vault.failSet = keychainDown()
    expect((await rejection(s.profiles.create(input('A')))).code).toBe('KEYCHAIN_UNAVAILABLE')
    expect(await s.profiles.list()).toEqual([])
    // Only the data folder's install id went to disk (before the keychain write, see profile-mutations.ts).
    expect(JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'))).toMatchObject({ profiles: [] })
  })

  it('a file failure removes the secret it had just stored (no orphan)', async () => {
    let fail = false
    const fs: DiskFs = {
      ...nodeDiskFs,
      rename: async (a, b) => (fail ? Promise.reject(new Error('EIO')) : nodeDiskFs.rename(a, b))
    }
    const s = await stack({ dataDir: dir, fs })
    fail = true
    expect((await rejection(s.profiles.create(input('A')))).code).toBe('STORAGE')
    expect(await s.vault.listProfileIds()).toEqual([])
  })
})

describe('update', () => {
  it('blank or absent credentials keep the stored ones; new ones replace them', async () => {
    const s = await stack({ dataDir: dir })
    const p = await s.profiles.create(input('A'))
    await s.profiles.update({ profileId: p.id, name: 'A2', apiKey: '', authToken: '' })
    expect(await secretOf(s.vault, p.id)).toEqual({ apiKey: KEY_A, authToken: TOKEN_A })
    const updated = await s.profiles.update({ profileId: p.id, apiKey: KEY_B })
    expect(updated.credentials.apiKeyHint).toBe('…c3d4')
    expect(await secretOf(s.vault, p.id)).toEqual({ apiKey: KEY_B, authToken: TOKEN_A })
    expect((await s.profiles.apiTarget(p.id)).apiKey).toBe(KEY_B)
  })

  it('a rename checks uniqueness but may keep its own name in another case; default initials follow', async () => {
    const s = await stack({ dataDir: dir })
    const a = await s.profiles.create(input('Alpha one'))
    await s.profiles.create(input('Bravo'))
    expect(await rejection(s.profiles.update({ profileId: a.id, name: 'BRAVO' }))).toMatchObject({
      code: 'CONFLICT',
      field: 'name'
    })
    expect((await s.profiles.update({ profileId: a.id, name: 'ALPHA ONE' })).name).toBe('ALPHA ONE')
    expect((await s.profiles.update({ profileId: a.id, name: 'Zulu team' })).initials).toBe('ZT')
  })

  it('a file failure keeps the previous secret and leaves no new entry', async () => {
    let fail = false
    const fs: DiskFs = {
      ...nodeDiskFs,
      rename: async (a, b) => (fail ? Promise.reject(new Error('EIO')) : nodeDiskFs.rename(a, b))
    }
    const s = await stack({ dataDir: dir, fs })
    const p = await s.profiles.create(input('A'))
    fail = true
    expect((await rejection(s.profiles.update({ profileId: p.id, apiKey: KEY_B, authToken: TOKEN_B }))).code).toBe(
      'STORAGE'
    )
    expect(await secretOf(s.vault, p.id)).toEqual({ apiKey: KEY_A, authToken: TOKEN_A })
    fail = false
    expect((await s.profiles.apiTarget(p.id)).apiKey).toBe(KEY_A)
  })

  it('unknown profile → NOT_FOUND', async () => {
    const s = await stack({ dataDir: dir })
    expect((await rejection(s.profiles.update({ profileId: 'p-nope', name: 'x' }))).code).toBe('NOT_FOUND')
  })
})

describe('delete', () => {
  it('removes the profile, its vault entry and its last-known cache', async () => {
    const s = await stack({ dataDir: dir })
    const p = await s.profiles.create(input('A'))
    const other = await s.profiles.create(input('B', KEY_B, TOKEN_B))
    await s.lastKnown.save(p.id, { nodes: [], fetchedAt: new Date(NOW).toISOString() })
    await s.profiles.delete(p.id)
    expect((await s.profiles.list()).map((x) => x.id)).toEqual([other.id])
    expect(await owners(s.vault)).toEqual([other.id])
    expect(await s.lastKnown.load(p.id)).toBeNull()
    expect((await rejection(s.profiles.apiTarget(p.id))).code).toBe('NOT_FOUND')
  })

  it('when the keychain cannot delete, the profile still goes and the next start removes its entry', async () => {
    const vault = new FlakyVault()
    const s = await stack({ dataDir: dir, vault })
    const p = await s.profiles.create(input('A'))
    vault.failDelete = keychainDown()
    await s.profiles.delete(p.id)
    expect(await s.profiles.list()).toEqual([])
    expect(await owners(vault)).toEqual([p.id])
    vault.failDelete = null
    const next = await stack({ dataDir: dir, vault })
    expect(await next.profiles.keychainSweep()).toMatchObject({ swept: true, removed: 1, missing: [] })
    expect(await vault.listProfileIds()).toEqual([])
  })

  it('when the file cannot be written, the profile and its secret stay', async () => {
    let fail = false
    const fs: DiskFs = {
      ...nodeDiskFs,
      rename: async (a, b) => (fail ? Promise.reject(new Error('EIO')) : nodeDiskFs.rename(a, b))
    }
    const s = await stack({ dataDir: dir, fs })
    const p = await s.profiles.create(input('A'))
    fail = true
    expect((await rejection(s.profiles.delete(p.id))).code).toBe('STORAGE')
    expect(await secretOf(s.vault, p.id)).toEqual({ apiKey: KEY_A, authToken: TOKEN_A })
    expect((await s.profiles.apiTarget(p.id)).authToken).toBe(TOKEN_A)
  })
})

describe('token expiry', () => {
  const stateOf = async (token: string, now = NOW) => {
    const s = await stack({ dataDir: dir })
    const p = await s.profiles.create(input(`T${Math.random()}`.slice(0, 20), KEY_A, token))
    s.clock.set(now)
    return (await s.profiles.get(p.id)).credentials
  }

  it('ok, expiring within 14 days (with whole days left), expired, unknown', async () => {
    expect(await stateOf(tokenExpiringInDays(30))).toMatchObject({ tokenState: 'ok', tokenDaysLeft: null })
    expect(await stateOf(tokenExpiringInDays(10.5))).toMatchObject({ tokenState: 'expiring', tokenDaysLeft: 10 })
    expect(await stateOf(tokenExpiringInDays(14))).toMatchObject({ tokenState: 'expiring', tokenDaysLeft: 14 })
    // Expired after it was saved: main refuses to save a token that has already expired.
    const expired = await stateOf(tokenExpiringInDays(1), NOW + 2 * DAY)
    expect(expired).toMatchObject({
      tokenState: 'expired',
      tokenDaysLeft: null,
      tokenExpiresAt: new Date(NOW + DAY).toISOString()
    })
    expect(await stateOf('opaque-token-without-any-dots-123')).toMatchObject({
      tokenState: 'unknown',
      tokenExpiresAt: null
    })
    expect(await stateOf(makeJwt({ sub: 'no-exp-claim' }))).toMatchObject({ tokenState: 'unknown' })
  })

  it('the state follows the injected clock', async () => {
    const s = await stack({ dataDir: dir })
    const p = await s.profiles.create(input('Clocked', KEY_A, tokenExpiringInDays(20)))
    expect((await s.profiles.get(p.id)).credentials.tokenState).toBe('ok')
    await s.clock.advance(10 * DAY)
    expect((await s.profiles.get(p.id)).credentials).toMatchObject({ tokenState: 'expiring', tokenDaysLeft: 10 })
    await s.clock.advance(11 * DAY)
    expect((await s.profiles.get(p.id)).credentials.tokenState).toBe('expired')
  })

  it('an expired token makes apiTarget throw AUTH before any call', async () => {
    const s = await stack({ dataDir: dir })
    const p = await s.profiles.create(input('Acme', KEY_A, makeJwt({ exp: Date.parse('2027-03-12T00:00:00Z') / 1000 })))
    s.clock.set(Date.parse('2027-03-13T00:00:00Z'))
    const err = await rejection(s.profiles.apiTarget(p.id))
    expect(err).toEqual({
      code: 'AUTH',
      message: 'The auth token for Acme expired on 12 March 2027. Create a new token in MyAccount → API & IAM.'
    })
    expect((await rejection(s.profiles.checkCredentials({ profileId: p.id }))).code).toBe('AUTH')
    expect(s.client.targets).toEqual([])
  })
})

describe('apiTarget and checkCredentials', () => {
  it('apiTarget carries base URL, secrets, numeric project id and location', async () => {
    const s = await stack({ dataDir: dir })
    const p = await s.profiles.create({
      ...input('A'),
      location: 'Chennai',
      apiBaseUrl: 'http://127.0.0.1:9999/myaccount/api/v1'
    })
    expect(await s.profiles.apiTarget(p.id)).toEqual({
      baseUrl: 'http://127.0.0.1:9999/myaccount/api/v1',
      apiKey: KEY_A,
      authToken: TOKEN_A,
      projectId: 51734,
      location: 'Chennai'
    })
  })

  it('checks typed or stored credentials, and passes API errors through unchanged', async () => {
    const s = await stack({ dataDir: dir })
    expect(await s.profiles.checkCredentials({ apiKey: KEY_B, authToken: TOKEN_B })).toEqual({
      valid: true,
      projects: expect.any(Array)
    })
    expect(s.client.targets[0]).toEqual({
      baseUrl: 'https://api.e2enetworks.com/myaccount/api/v1',
      apiKey: KEY_B,
      authToken: TOKEN_B
    })
    const p = await s.profiles.create(input('A'))
    await s.profiles.checkCredentials({ profileId: p.id })
    expect(s.client.targets[1]).toMatchObject({ apiKey: KEY_A, authToken: TOKEN_A })
    s.client.behaviour.checkError = new DomainError('AUTH', 'Invalid token', { status: 401 })
    expect(await rejection(s.profiles.checkCredentials({ profileId: p.id }))).toMatchObject({
      code: 'AUTH',
      message: 'Invalid token'
    })
  })

  it('loaded secrets are registered with the scrubber', async () => {
    const vault = new FlakyVault()
    await vault.set('p-abc', { apiKey: KEY_A, authToken: TOKEN_A })
    await mkdir(dir, { recursive: true })
    const profile = {
      id: 'p-abc',
      name: 'Stored',
      projectId: '1',
      location: 'Delhi',
      apiBaseUrl: 'https://x.example',
      color: '#000000',
      initials: 'S',
      createdAt: 'x',
      lastUsedAt: null
    }
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 2, profiles: [profile], settings: {} }))
    const s = await stack({ dataDir: dir, vault })
    await s.profiles.list()
    expect(s.scrubber.scrub(`key=${KEY_A} token=${TOKEN_A}`)).not.toContain(KEY_A)
    expect(s.scrubber.scrub(`key=${KEY_A}`)).toBe('key=[redacted]')
  })
})

describe('demo profiles', () => {
  it('are opt-in: nothing is listed and the simulator is not started until the user picks the demo', async () => {
    const demo = fakeDemo()
    const s = await stack({ dataDir: dir, demo })
    expect(s.settings.get()).toMatchObject({ showDemo: false, hideDemo: true })
    expect(await s.profiles.list()).toEqual([])
    expect(demo.starts).toBe(0)
    expect((await rejection(s.profiles.apiTarget('demo-1'))).code).toBe('NOT_FOUND')
    await s.settings.update({ showDemo: true })
    expect((await s.profiles.list()).map((p) => p.id)).toEqual(['demo-1', 'demo-2'])
    expect(demo.starts).toBe(1)
  })

  it('lists one read-only demo profile per simulator project, first, started lazily', async () => {
    const demo = fakeDemo()
    const s = await stack({ dataDir: dir, demo })
    await s.settings.update({ showDemo: true })
    expect(demo.starts).toBe(0)
    const list = await s.profiles.list()
    expect(list.map((p) => [p.id, p.name, p.isDemo])).toEqual([
      ['demo-1', 'Demo · Demo shop (Delhi)', true],
      ['demo-2', 'Demo · Demo lab (Chennai)', true]
    ])
    const t = await s.profiles.apiTarget('demo-2')
    expect(t).toMatchObject({
      baseUrl: 'http://127.0.0.1:45678/myaccount/api/v1',
      projectId: 1002,
      location: 'Chennai'
    })
    expect(s.scrubber.scrub(t.apiKey)).toBe('[redacted]')
    expect(await rejection(s.profiles.update({ profileId: 'demo-1', name: 'x' }))).toEqual({
      code: 'FORBIDDEN',
      message: 'The demo profile is built in; hide it in Settings instead.'
    })
    expect((await rejection(s.profiles.delete('demo-1'))).code).toBe('FORBIDDEN')
  })

  it("hides itself when the user's first profile of their own is added; the setting brings it back", async () => {
    const s = await stack({ dataDir: dir, demo: fakeDemo() })
    await s.settings.update({ showDemo: true })
    const seen: ProfileView[][] = []
    s.profiles.onChanged((l) => seen.push(l))
    await s.profiles.create(input('Mine'))
    expect(s.settings.get()).toMatchObject({ showDemo: false, hideDemo: true })
    expect((await s.profiles.list()).map((p) => p.name)).toEqual(['Mine'])
    await new Promise((r) => setTimeout(r, 10))
    expect(seen.at(-1)?.map((p) => p.name)).toEqual(['Mine'])

    // Brought back by the user: it stays when a second profile of their own is added.
    await s.settings.update({ showDemo: true })
    await s.profiles.create(input('Second'))
    expect(s.settings.get().showDemo).toBe(true)
    expect((await s.profiles.list()).map((p) => p.isDemo)).toEqual([true, true, false, false])
  })

  it('hides itself after an import too', async () => {
    const s = await stack({ dataDir: dir, demo: fakeDemo() })
    await s.settings.update({ showDemo: true })
    await mkdir(join(dir, 'home'), { recursive: true })
    const file = join(dir, 'home', 'tokens.json')
    await writeFile(file, JSON.stringify({ work: { api_key: KEY_A, api_auth_token: TOKEN_A } }))
    s.dialogs.open = file
    const preview = await s.profiles.pickImport('token-file')
    await s.profiles.importProfiles({
      importId: preview?.importId ?? '',
      entries: [{ alias: 'work', name: 'Work', projectId: '51734', location: 'Delhi' }]
    })
    expect(s.settings.get().showDemo).toBe(false)
    expect((await s.profiles.list()).map((p) => p.name)).toEqual(['Work'])
  })

  it('hideDemo (the older spelling) still hides it and fires onChanged', async () => {
    const s = await stack({ dataDir: dir, demo: fakeDemo() })
    await s.settings.update({ showDemo: true })
    expect(await s.profiles.list()).toHaveLength(2)
    const seen: ProfileView[][] = []
    s.profiles.onChanged((l) => seen.push(l))
    await s.settings.update({ hideDemo: true })
    expect(s.settings.get().showDemo).toBe(false)
    expect(await s.profiles.list()).toEqual([])
    await new Promise((r) => setTimeout(r, 10))
    expect(seen.at(-1)).toEqual([])
    expect((await rejection(s.profiles.apiTarget('demo-1'))).code).toBe('NOT_FOUND')
  })

  it("showDemoIfNothingSetUp (--demo on) shows it on a fresh folder, never over the user's own profiles", async () => {
    const fresh = await stack({ dataDir: dir, demo: fakeDemo() })
    expect(await showDemoIfNothingSetUp(fresh.profiles, fresh.settings)).toBe(true)
    expect(await fresh.profiles.list()).toHaveLength(2)

    await mkdir(join(dir, 'other'), { recursive: true })
    const used = await stack({ dataDir: join(dir, 'other'), demo: fakeDemo() })
    await used.profiles.create(input('Mine'))
    expect(await showDemoIfNothingSetUp(used.profiles, used.settings)).toBe(false)
    expect(used.settings.get().showDemo).toBe(false)
  })
})

describe('onChanged and markUsed', () => {
  it('fires with the new list after create, update, delete and markUsed', async () => {
    const s = await stack({ dataDir: dir })
    const seen: string[][] = []
    const off = s.profiles.onChanged((l) => seen.push(l.map((p) => `${p.name}:${p.lastUsedAt ?? '-'}`)))
    const p = await s.profiles.create(input('A'))
    await s.profiles.update({ profileId: p.id, name: 'B' })
    await s.profiles.markUsed(p.id)
    await s.profiles.markUsed(p.id) // within a minute: no second write
    await s.profiles.delete(p.id)
    await new Promise((r) => setTimeout(r, 10))
    expect(seen).toEqual([['A:-'], ['B:-'], [`B:${new Date(NOW).toISOString()}`], []])
    off()
  })
})
