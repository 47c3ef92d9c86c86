// Outside tester, defect 2: profile names took control, bidi and zero-width characters (an RLO name reversed a whole
// banner) and visually identical duplicates. The shared schema refuses them naming the code point and stores NFC; the
// duplicate rule compares what the user sees; an import file's aliases (the suggested names) are cleaned.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invokeSchemas } from '../../shared/ipc/contract'
import { ProfileName } from '../../shared/ipc/schemas'
import { input, KEY_A, KEY_B, rejection, stack, tempDir, TOKEN_A, TOKEN_B } from '../support/profiles-kit'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const message = (v: string) => ProfileName.safeParse(v).error?.issues[0]?.message

describe('the shared ProfileName schema', () => {
  const refused: [string, string][] = [
    ['a\u0000b\nc\u202egnp.exe', 'U+0000'],
    ['\u200b\u200b', 'U+200B'],
    ['\u0001\u0002', 'U+0001'],
    ['real\u200b', 'U+200B'],
    ['ab\u202ecd', 'U+202E'],
    ['a\u2066b\u2069', 'U+2066'],
    ['x\ufeffy', 'U+FEFF'],
    ['soft\u00adhyphen', 'U+00AD'],
    ['\u3164', 'U+3164'],
    ['a\u2028b', 'U+2028'],
    ['tab\there', 'U+0009'],
    ['\u2800\u2800', 'U+2800'],
    ['tag\u{e0041}', 'U+E0041']
  ]
  it.each(refused)('refuses %j naming %s', (name, point) => {
    expect(message(name)).toBe(`Name contains an invisible or control character (${point})`)
  })

  it('stores NFC, and keeps names people type', () => {
    expect(ProfileName.parse('Cafe\u0301')).toBe('Caf\u00e9')
    expect(ProfileName.parse('  Prod  ')).toBe('Prod')
    for (const ok of ['Café', 'Ünïcödé prod', '東京 本番', 'ACME–prod (eu)', '🚀 launch', 'a\u00a0b'])
      expect(ProfileName.safeParse(ok).success, ok).toBe(true)
    expect(message('   ')).toBe('Name is required')
  })

  it('every channel that takes a name refuses them: create, update, import', () => {
    const bad = 'ev\u202eil'
    const why = 'Name contains an invisible or control character (U+202E)'
    const create = invokeSchemas['profiles:create'].safeParse({ ...input(bad) })
    const update = invokeSchemas['profiles:update'].safeParse({ profileId: 'p-1', name: bad })
    const entry = { alias: 'a', name: bad, projectId: '51734', location: 'Delhi' }
    const imp = invokeSchemas['profiles:import'].safeParse({ importId: 'imp-1', entries: [entry] })
    expect(create.error?.issues[0]).toMatchObject({ path: ['name'], message: why })
    expect(update.error?.issues[0]).toMatchObject({ path: ['name'], message: why })
    expect(imp.error?.issues[0]).toMatchObject({ path: ['entries', 0, 'name'], message: why })
  })
})

describe('profiles in main', () => {
  it('profiles:create refuses a control character before any keychain write', async () => {
    const s = await stack({ dataDir: dir })
    const err = await rejection(s.profiles.create(input('a\u0000b\nc\u202egnp.exe')))
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'name', message: expect.stringContaining('(U+0000)') })
    expect(await s.vault.listProfileIds()).toEqual([])
  })

  it('saves the NFC form, and a look-alike of an existing name is a duplicate', async () => {
    const s = await stack({ dataDir: dir })
    const cafe = await s.profiles.create(input('Cafe\u0301'))
    expect(cafe.name).toBe('Caf\u00e9')
    expect(await rejection(s.profiles.create(input('CAF\u00c9', KEY_B, TOKEN_B)))).toMatchObject({ code: 'CONFLICT' })
    const other = await s.profiles.create(input('Other', KEY_B, TOKEN_B))
    expect(await rejection(s.profiles.update({ profileId: other.id, name: 'cafe\u0301' }))).toMatchObject({
      code: 'CONFLICT',
      field: 'name'
    })
    expect(await s.vault.listProfileIds()).toHaveLength(2)
  })

  it('a name an older version saved with invisible characters loads cleaned and still blocks its look-alike', async () => {
    const s = await stack({ dataDir: dir })
    const p = await s.profiles.create(input('real'))
    const onDisk = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')) as { profiles: { name: string }[] }
    const [first] = onDisk.profiles
    if (first) first.name = 're\u202eal\u200b'
    await writeFile(join(dir, 'profiles.json'), JSON.stringify(onDisk))
    const again = await stack({ dataDir: dir, vault: s.vault })
    expect((await again.profiles.get(p.id)).name).toBe('real')
    expect(await rejection(again.profiles.create(input('real', KEY_B, TOKEN_B)))).toMatchObject({ code: 'CONFLICT' })
  })
})

describe('import', () => {
  const put = async (content: unknown) => {
    await mkdir(join(dir, 'user'), { recursive: true })
    const p = join(dir, 'user', 'tokens.json')
    await writeFile(p, JSON.stringify(content))
    return p
  }
  const token = (k = KEY_A, t = TOKEN_A) => ({ api_key: k, api_auth_token: t })

  it('suggests cleaned names: no bidi or zero-width characters reach the window, look-alikes are "taken"', async () => {
    const s = await stack({ dataDir: dir })
    await s.profiles.create(input('Caf\u00e9'))
    s.dialogs.open = await put({ 'ev\u202eil\u200b': token(), 'Cafe\u0301': token(KEY_B, TOKEN_B) })
    const preview = await s.profiles.pickImport('token-file')
    expect(preview?.entries.map((e) => [e.alias, e.nameTaken])).toEqual([
      ['evil', false],
      ['Caf\u00e9', true]
    ])
    const created = await s.profiles.importProfiles({
      importId: preview?.importId ?? '',
      entries: [{ alias: 'evil', name: 'evil', projectId: '51734', location: 'Delhi' }]
    })
    expect(created.map((p) => p.name)).toEqual(['evil'])
  })

  it('refuses, with the reason, an alias of only invisible characters and two that differ only in them', async () => {
    const s = await stack({ dataDir: dir })
    s.dialogs.open = await put({ '\u200b\u200b': token() })
    expect(await rejection(s.profiles.pickImport('token-file'))).toMatchObject({
      code: 'VALIDATION',
      message: 'An entry’s alias has only invisible characters.'
    })
    s.dialogs.open = await put({ real: token(), 'real\u200b': token(KEY_B, TOKEN_B) })
    expect(await rejection(s.profiles.pickImport('token-file'))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^Two entries are named "real" once invisible characters are removed/)
    })
  })
})
