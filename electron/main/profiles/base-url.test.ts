// Issue #11 B.1: the stored key and token never follow a base URL the page sets. A new URL comes with both
// secrets typed in the same call; hosts other than E2E's need a main-side option.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startRecordingServer, type RecordingServer } from '../../../tests/support/recording-server'
import { createE2EClient } from '../api/index'
import { createApiHostPolicy, parseAllowedHosts } from './api-hosts'
import {
  input,
  KEY_A,
  KEY_B,
  rejection,
  secretOf,
  stack,
  tempDir,
  TOKEN_A,
  TOKEN_B
} from '../../../tests/support/profiles-kit'

let dir: string
let cleanup: () => Promise<void>
let a: RecordingServer
let b: RecordingServer
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  a = await startRecordingServer()
  b = await startRecordingServer()
})
afterEach(async () => {
  await a.close()
  await b.close()
  await cleanup()
})

const realClient = (t: Parameters<typeof createE2EClient>[0]) => createE2EClient(t, { timeoutMs: 2000 })

describe('changing the API base URL', () => {
  it('without both secrets is refused with VALIDATION naming the missing one, and the stored key never reaches the new host', async () => {
    const s = await stack({ dataDir: dir, createClient: realClient })
    const p = await s.profiles.create({ ...input('Acme'), apiBaseUrl: a.baseUrl })

    expect(await rejection(s.profiles.update({ profileId: p.id, apiBaseUrl: b.baseUrl }))).toMatchObject({
      code: 'VALIDATION',
      field: 'apiKey',
      message: expect.stringMatching(/never sends stored credentials to a new address/)
    })
    expect(
      await rejection(s.profiles.update({ profileId: p.id, apiBaseUrl: b.baseUrl, apiKey: KEY_B, authToken: '' }))
    ).toMatchObject({ code: 'VALIDATION', field: 'authToken' })
    expect(
      await rejection(s.profiles.update({ profileId: p.id, apiBaseUrl: b.baseUrl, authToken: TOKEN_B }))
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'apiKey'
    })

    // The profile still talks to its own host, with its own secrets.
    await s.profiles.checkCredentials({ profileId: p.id })
    expect((await s.profiles.apiTarget(p.id)).baseUrl).toBe(a.baseUrl)
    expect(a.seen()).toContain(KEY_A)
    expect(b.requests).toEqual([])

    // With both secrets typed, the move is allowed and only the new secrets go to the new host.
    const moved = await s.profiles.update({ profileId: p.id, apiBaseUrl: b.baseUrl, apiKey: KEY_B, authToken: TOKEN_B })
    expect(moved.apiBaseUrl).toBe(b.baseUrl)
    await s.profiles.checkCredentials({ profileId: p.id })
    expect(b.seen()).toContain(KEY_B)
    expect(b.seen()).not.toContain(KEY_A)
    expect(b.seen()).not.toContain(TOKEN_A)
    expect(await secretOf(s.vault, p.id)).toEqual({ apiKey: KEY_B, authToken: TOKEN_B })
  })

  it('sending the same URL back (the edit form does) needs no secrets', async () => {
    const s = await stack({ dataDir: dir })
    const p = await s.profiles.create({ ...input('Acme'), apiBaseUrl: a.baseUrl })
    const renamed = await s.profiles.update({ profileId: p.id, name: 'Acme 2', apiBaseUrl: a.baseUrl })
    expect(renamed).toMatchObject({ name: 'Acme 2', apiBaseUrl: a.baseUrl })
  })
})

describe('API hosts', () => {
  it("only E2E's own https hosts unless main allowed more", async () => {
    const s = await stack({ dataDir: dir, allowApiHosts: [] })
    const staging = { ...input('Staging'), apiBaseUrl: 'https://staging.example.com/myaccount/api/v1' }
    expect(await rejection(s.profiles.create(staging))).toMatchObject({
      code: 'VALIDATION',
      field: 'apiBaseUrl',
      message: expect.stringMatching(/NODETRAY_ALLOW_API_HOSTS=staging\.example\.com/)
    })
    expect(await rejection(s.profiles.create({ ...input('Sim'), apiBaseUrl: a.baseUrl }))).toMatchObject({
      field: 'apiBaseUrl'
    })
    expect(await s.vault.listProfileIds()).toEqual([])
    const e2e = await s.profiles.create({ ...input('E2E'), apiBaseUrl: 'https://api.e2enetworks.com/myaccount/api/v1' })
    expect(e2e.apiBaseUrl).toBe('https://api.e2enetworks.com/myaccount/api/v1')

    const allowed = await stack({
      dataDir: `${dir}-2`,
      allowApiHosts: parseAllowedHosts(' staging.example.com, 127.0.0.1')
    })
    expect((await allowed.profiles.create(staging)).apiBaseUrl).toBe(staging.apiBaseUrl)
  })

  it('look-alike hosts are refused', () => {
    const policy = createApiHostPolicy([])
    for (const url of [
      'https://api.e2enetworks.com.evil.com/v1',
      'https://evil-e2enetworks.com/v1',
      'https://api.e2enetworks.com@evil.com/v1',
      'https://api.e2enetworks.com:8443/v1',
      'http://api.e2enetworks.com/v1'
    ]) {
      expect(() => policy.check(url), url).toThrow()
    }
    // The backslash trick: WHATWG URL reads it as a path, so the host really is E2E's, and that is what is stored.
    expect(policy.check('https://api.e2enetworks.com\\@evil.com')).toBe('https://api.e2enetworks.com/@evil.com')
  })

  it('a stored profile pointing at a host no longer allowed is never called', async () => {
    await mkdir(dir, { recursive: true })
    const first = await stack({ dataDir: dir, allowApiHosts: ['127.0.0.1'] })
    const p = await first.profiles.create({ ...input('Sim'), apiBaseUrl: a.baseUrl })
    const later = await stack({ dataDir: dir, vault: first.vault, allowApiHosts: [], createClient: realClient })
    expect(await rejection(later.profiles.apiTarget(p.id))).toMatchObject({ code: 'VALIDATION', field: 'apiBaseUrl' })
    expect(a.requests).toEqual([])
  })
})

describe('checking credentials against a custom URL', () => {
  it('uses only secrets typed in that call; an import is checked only against E2E', async () => {
    const s = await stack({ dataDir: dir, createClient: realClient })
    await s.profiles.create(input('Stored'))
    await s.profiles.checkCredentials({ apiKey: KEY_B, authToken: TOKEN_B, apiBaseUrl: b.baseUrl })
    expect(b.seen()).toContain(KEY_B)
    expect(b.seen()).not.toContain(KEY_A)

    await mkdir(join(dir, 'user'), { recursive: true })
    const file = join(dir, 'user', 'tokens.json')
    await writeFile(file, JSON.stringify({ work: { api_key: KEY_A, api_auth_token: TOKEN_A } }))
    s.dialogs.open = file
    const preview = await s.profiles.pickImport('token-file')
    expect(
      await rejection(
        s.profiles.checkCredentials({ importId: preview?.importId ?? '', alias: 'work', apiBaseUrl: a.baseUrl })
      )
    ).toMatchObject({ code: 'VALIDATION', field: 'apiBaseUrl' })
    expect(a.requests).toEqual([])
  })
})
