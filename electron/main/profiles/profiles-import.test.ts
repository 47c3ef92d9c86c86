import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeDiskFs, type DiskFs } from './atomic-file'
import { IMPORT_TTL_MS } from './import-session'
import {
  FlakyVault,
  input,
  KEY_A,
  KEY_B,
  NOW,
  rejection,
  secretOf,
  stack,
  tempDir,
  TOKEN_A,
  TOKEN_B,
  tokenExpiringInDays
} from '../../../tests/support/profiles-kit'
import { DomainError } from '../errors'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const tokenFile = {
  'acme-prod': { api_key: KEY_A, api_auth_token: TOKEN_A },
  'acme-dev': { api_key: KEY_B, api_auth_token: TOKEN_B }
}
const e2ectlFile = {
  profiles: {
    work: { api_key: KEY_A, auth_token: TOKEN_A, default_project_id: '51734', default_location: 'Chennai' },
    home: { api_key: KEY_B, auth_token: TOKEN_B }
  },
  default: 'home'
}

async function put(name: string, content: unknown): Promise<string> {
  const p = join(dir, 'user', name)
  await mkdir(join(dir, 'user'), { recursive: true })
  await writeFile(p, typeof content === 'string' ? content : JSON.stringify(content))
  return p
}

describe('pickImport', () => {
  it('previews a MyAccount token file without secrets', async () => {
    const s = await stack({ dataDir: dir })
    await s.profiles.create(input('ACME-DEV', KEY_B, TOKEN_B))
    s.dialogs.open = await put('tokens.json', tokenFile)
    const preview = await s.profiles.pickImport('token-file')
    expect(preview).toMatchObject({ kind: 'token-file', source: s.dialogs.open, importId: expect.any(String) })
    expect(preview?.entries).toEqual([
      {
        alias: 'acme-prod',
        apiKeyHint: '…a1b2',
        tokenExpiresAt: new Date(NOW + 300 * 86_400_000).toISOString(),
        suggestedProjectId: null,
        suggestedLocation: null,
        nameTaken: false
      },
      {
        alias: 'acme-dev',
        apiKeyHint: '…c3d4',
        tokenExpiresAt: expect.any(String),
        suggestedProjectId: null,
        suggestedLocation: null,
        nameTaken: true
      }
    ])
  })

  it('previews e2ectl config with suggestions, the default profile first, opening ~/.e2e/config.json', async () => {
    const s = await stack({ dataDir: dir })
    s.dialogs.open = await put('config.json', e2ectlFile)
    const preview = await s.profiles.pickImport('e2ectl')
    expect(s.dialogs.requests[0]?.defaultPath).toBe(join(dir, 'home', '.e2e', 'config.json'))
    expect(preview?.entries.map((e) => [e.alias, e.suggestedProjectId, e.suggestedLocation])).toEqual([
      ['home', null, null],
      ['work', '51734', 'Chennai']
    ])
  })

  it("checks an alias's credentials before anything is saved, without the page holding them", async () => {
    const s = await stack({ dataDir: dir })
    s.dialogs.open = await put('tokens.json', tokenFile)
    const preview = await s.profiles.pickImport('token-file')
    const result = await s.profiles.checkCredentials({ importId: preview!.importId, alias: 'acme-dev' })
    expect(result.projects.map((p) => p.projectId)).toEqual([51734])
    expect(s.client.targets.at(-1)).toMatchObject({ apiKey: KEY_B, authToken: TOKEN_B })
    expect(await s.profiles.list()).toEqual([])
    await expect(s.profiles.checkCredentials({ importId: preview!.importId, alias: 'nobody' })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' }
    })
    await expect(s.profiles.checkCredentials({ importId: 'imp-gone', alias: 'acme-dev' })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' }
    })
  })

  it('a cancelled dialog returns null', async () => {
    const s = await stack({ dataDir: dir })
    expect(await s.profiles.pickImport('token-file')).toBeNull()
  })

  it.each([
    ['tokens.json', 'not json {', 'token-file', /is not JSON/],
    ['tokens.json', [1, 2], 'token-file', /not a MyAccount token file/],
    ['tokens.json', {}, 'token-file', /holds no tokens/],
    ['tokens.json', { x: { api_auth_token: TOKEN_A } }, 'token-file', /"x" has no api_key/],
    ['tokens.json', { x: { api_key: KEY_A } }, 'token-file', /"x" has no api_auth_token/],
    [
      'tokens.json',
      { x: { api_key: 'bad key!', api_auth_token: TOKEN_A } },
      'token-file',
      /api_key of "x" is not valid/
    ],
    ['tokens.json', e2ectlFile, 'token-file', /looks like an e2ectl config/],
    ['config.json', tokenFile, 'e2ectl', /no "profiles" object/],
    ['config.json', { profiles: { w: { api_key: KEY_A, api_auth_token: TOKEN_A } } }, 'e2ectl', /"w" has no auth_token/]
  ] as const)('%s %j as %s → VALIDATION %s', async (name, content, kind, message) => {
    const s = await stack({ dataDir: dir })
    s.dialogs.open = await put(name, content)
    const err = await rejection(s.profiles.pickImport(kind))
    expect(err).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(message) })
    for (const secret of [KEY_A, TOKEN_A, KEY_B, TOKEN_B]) expect(err.message).not.toContain(secret)
  })

  it('refuses files over 1 MB and leaves the user file untouched', async () => {
    const s = await stack({ dataDir: dir })
    s.dialogs.open = await put('huge.json', JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }))
    expect((await rejection(s.profiles.pickImport('token-file'))).message).toMatch(/larger than 1 MB/)
    const p = await put('tokens.json', tokenFile)
    const before = await stat(p)
    s.dialogs.open = p
    const preview = await s.profiles.pickImport('token-file')
    await s.profiles.importProfiles({
      importId: preview?.importId ?? '',
      entries: [{ alias: 'acme-prod', name: 'Prod', projectId: '1', location: 'Delhi' }]
    })
    expect(await readFile(p, 'utf8')).toBe(JSON.stringify(tokenFile))
    expect((await stat(p)).mtimeMs).toBe(before.mtimeMs)
  })
})

describe('importProfiles', () => {
  async function picked(s: Awaited<ReturnType<typeof stack>>) {
    s.dialogs.open = await put('tokens.json', tokenFile)
    const preview = await s.profiles.pickImport('token-file')
    return preview?.importId ?? ''
  }
  const entries = [
    { alias: 'acme-prod', name: 'Prod', projectId: '111', location: 'Delhi' as const },
    { alias: 'acme-dev', name: 'Dev', projectId: '222', location: 'Chennai' as const }
  ]

  it('creates every profile with its secrets in the vault, then forgets the import', async () => {
    const s = await stack({ dataDir: dir })
    const id = await picked(s)
    const views = await s.profiles.importProfiles({ importId: id, entries })
    expect(views.map((v) => [v.name, v.projectId, v.location, v.credentials.apiKeyHint])).toEqual([
      ['Prod', '111', 'Delhi', '…a1b2'],
      ['Dev', '222', 'Chennai', '…c3d4']
    ])
    expect(await secretOf(s.vault, views[1]?.id ?? '')).toEqual({ apiKey: KEY_B, authToken: TOKEN_B })
    expect((await rejection(s.profiles.importProfiles({ importId: id, entries }))).message).toMatch(
      /expired or was already used/
    )
  })

  it('validates everything first: duplicate names, taken names, unknown aliases write nothing', async () => {
    const s = await stack({ dataDir: dir })
    await s.profiles.create(input('Existing'))
    const id = await picked(s)
    const cases = [
      [{ ...entries[0]!, name: 'existing' }, entries[1]!],
      [entries[0]!, { ...entries[1]!, name: 'PROD' }],
      [entries[0]!, { ...entries[1]!, alias: 'nope' }],
      [entries[0]!, { ...entries[1]!, projectId: 'abc' }]
    ]
    const codes = []
    for (const c of cases) codes.push((await rejection(s.profiles.importProfiles({ importId: id, entries: c }))).code)
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'VALIDATION', 'VALIDATION'])
    expect((await s.profiles.list()).map((p) => p.name)).toEqual(['Existing'])
    expect(await s.vault.listProfileIds()).toHaveLength(1)
  })

  it('rolls back when the vault fails part way', async () => {
    const vault = new FlakyVault()
    const s = await stack({ dataDir: dir, vault })
    const id = await picked(s)
    vault.failSetAfter = 1
    expect((await rejection(s.profiles.importProfiles({ importId: id, entries }))).message).toBeTruthy()
    expect(await s.profiles.list()).toEqual([])
    expect(await vault.listProfileIds()).toEqual([])
  })

  it('rolls back the secrets when the file write fails', async () => {
    let fail = false
    const fs: DiskFs = {
      ...nodeDiskFs,
      rename: async (a, b) => (fail ? Promise.reject(new Error('EIO')) : nodeDiskFs.rename(a, b))
    }
    const s = await stack({ dataDir: dir, fs })
    const id = await picked(s)
    fail = true
    expect((await rejection(s.profiles.importProfiles({ importId: id, entries }))).code).toBe('STORAGE')
    expect(await s.vault.listProfileIds()).toEqual([])
    fail = false
    // The import is still pending: the user can retry.
    expect(await s.profiles.importProfiles({ importId: id, entries })).toHaveLength(2)
  })

  it('imports expire after ten minutes', async () => {
    const s = await stack({ dataDir: dir })
    const id = await picked(s)
    await s.clock.advance(IMPORT_TTL_MS + 1)
    expect(await rejection(s.profiles.importProfiles({ importId: id, entries }))).toMatchObject({
      code: 'VALIDATION',
      field: 'importId'
    })
  })
})

describe('exportProfiles', () => {
  it('writes names, projects and looks, but no secrets; cancelled → null', async () => {
    const s = await stack({ dataDir: dir })
    expect(await s.profiles.exportProfiles()).toEqual({ savedTo: null, count: 0 })
    await s.profiles.create(input('A'))
    await s.profiles.create(input('B', KEY_B, TOKEN_B))
    s.dialogs.save = join(dir, 'export.json')
    expect(await s.profiles.exportProfiles()).toEqual({ savedTo: s.dialogs.save, count: 2 })
    const text = await readFile(s.dialogs.save, 'utf8')
    for (const secret of [KEY_A, TOKEN_A, KEY_B, TOKEN_B]) expect(text).not.toContain(secret)
    expect(JSON.parse(text)).toEqual({
      exportedAt: new Date(NOW).toISOString(),
      profiles: [
        {
          name: 'A',
          projectId: '51734',
          location: 'Delhi',
          apiBaseUrl: expect.any(String),
          color: '#3b82f6',
          initials: 'A'
        },
        {
          name: 'B',
          projectId: '51734',
          location: 'Delhi',
          apiBaseUrl: expect.any(String),
          color: '#10b981',
          initials: 'B'
        }
      ]
    })
  })
})

describe('checkImport: the checklist before anything is saved', () => {
  const EXPIRED = tokenExpiringInDays(-3, 'expired-subject')
  const entry = (alias: string, name = alias) => ({ alias, name, projectId: '51734', location: 'Delhi' as const })
  async function pending(file: unknown) {
    const s = await stack({ dataDir: dir })
    s.dialogs.open = await put('tokens.json', file)
    const preview = await s.profiles.pickImport('token-file')
    return { s, importId: preview?.importId ?? '' }
  }

  it('a good token: every line passes, the projects are listed, nothing is saved until the import', async () => {
    const { s, importId } = await pending(tokenFile)
    const r = await s.profiles.checkImport({ importId, alias: 'acme-prod' })
    expect(r.checks.map((c) => [c.id, c.state])).toEqual([
      ['token', 'ok'],
      ['address', 'ok'],
      ['credentials', 'ok'],
      ['projects', 'ok']
    ])
    expect(r.checks[0]?.text).toBe('Token valid until 6 November 2027')
    expect(r.checks[1]?.text).toBe('Sent only to E2E Networks (api.e2enetworks.com)')
    expect(r.projects.map((p) => p.projectId)).toEqual([51734])
    expect(r.blockedBy).toBeNull()
    expect(s.client.targets.at(-1)).toMatchObject({ baseUrl: 'https://api.e2enetworks.com/myaccount/api/v1' })
    expect(JSON.stringify(r)).not.toContain(KEY_A)
    expect(await s.profiles.list()).toEqual([])
    expect(await s.profiles.importProfiles({ importId, entries: [entry('acme-prod')] })).toHaveLength(1)
  })

  it('an expired token fails locally, E2E is never asked, and the import refuses it even unchecked', async () => {
    const { s, importId } = await pending({
      old: { api_key: KEY_A, api_auth_token: EXPIRED },
      ok: tokenFile['acme-dev']
    })
    const r = await s.profiles.checkImport({ importId, alias: 'old' })
    expect(r.checks.map((c) => [c.id, c.state])).toEqual([
      ['token', 'fail'],
      ['address', 'ok'],
      ['credentials', 'skipped'],
      ['projects', 'skipped']
    ])
    expect(r.blockedBy).toBe(
      'This token expired on 7 January 2027. Create a new token in MyAccount → API & IAM and download the file again.'
    )
    expect(s.client.targets).toEqual([])

    const refused = await rejection(s.profiles.importProfiles({ importId, entries: [entry('ok'), entry('old')] }))
    expect(refused).toMatchObject({ code: 'AUTH', field: 'entries.1.alias' })
    expect(refused.message).toMatch(/^old: This token expired on 7 January 2027/)
    // All or nothing: the good entry was not saved either.
    expect(await s.profiles.list()).toEqual([])
    expect(await s.vault.listProfileIds()).toEqual([])
  })

  it('a token expiring soon is a warning, not a block', async () => {
    const { s, importId } = await pending({ soon: { api_key: KEY_A, api_auth_token: tokenExpiringInDays(5) } })
    const r = await s.profiles.checkImport({ importId, alias: 'soon' })
    expect(r.checks[0]).toEqual({
      id: 'token',
      state: 'warn',
      text: 'Token expires in 5 days (15 January 2027). It works until then; make a new one in MyAccount soon.'
    })
    expect(r.blockedBy).toBeNull()
  })

  it('a pair E2E rejects fails the check, and the import then refuses that alias', async () => {
    const { s, importId } = await pending(tokenFile)
    s.client.behaviour.checkError = new DomainError('AUTH', 'E2E rejected the API key or token (401).', { status: 401 })
    const r = await s.profiles.checkImport({ importId, alias: 'acme-prod' })
    expect(r.checks.find((c) => c.id === 'credentials')).toMatchObject({ state: 'fail' })
    expect(r.checks.find((c) => c.id === 'projects')?.state).toBe('skipped')
    expect(r.blockedBy).toMatch(/E2E rejected this API key and token/)
    expect(await rejection(s.profiles.importProfiles({ importId, entries: [entry('acme-prod')] }))).toMatchObject({
      code: 'AUTH',
      field: 'entries.0.alias'
    })
    // A later check that passes lifts the refusal.
    s.client.behaviour.checkError = null
    expect((await s.profiles.checkImport({ importId, alias: 'acme-prod' })).blockedBy).toBeNull()
    expect(await s.profiles.importProfiles({ importId, entries: [entry('acme-prod')] })).toHaveLength(1)
  })

  it('E2E out of reach is a warning: the import may go on', async () => {
    const { s, importId } = await pending(tokenFile)
    s.client.behaviour.checkError = new DomainError('NETWORK', 'Cannot reach E2E Networks.', { retryable: true })
    const r = await s.profiles.checkImport({ importId, alias: 'acme-dev' })
    expect(r.checks.find((c) => c.id === 'credentials')).toEqual({
      id: 'credentials',
      state: 'warn',
      text: 'E2E could not be reached to check them. You can import now; Nodetray checks them again when it connects.'
    })
    expect(r.blockedBy).toBeNull()
    s.client.behaviour.checkError = new DomainError('SERVER', 'E2E answered 502.', { status: 502 })
    expect((await s.profiles.checkImport({ importId, alias: 'acme-dev' })).checks[2]).toMatchObject({
      state: 'warn',
      text: 'E2E could not check them right now (E2E answered 502). You can import now; Nodetray checks them again when it connects.'
    })
    expect(await s.profiles.importProfiles({ importId, entries: [entry('acme-dev')] })).toHaveLength(1)
  })

  it('an unknown import or alias is NOT_FOUND', async () => {
    const { s, importId } = await pending(tokenFile)
    expect((await rejection(s.profiles.checkImport({ importId, alias: 'nobody' }))).code).toBe('NOT_FOUND')
    expect((await rejection(s.profiles.checkImport({ importId: 'imp-gone', alias: 'acme-dev' }))).code).toBe(
      'NOT_FOUND'
    )
  })
})
