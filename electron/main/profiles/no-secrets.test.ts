// The renderer, logs and disk must never see a secret: every service method's result and every file written.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { input, KEY_B, readAllFiles, SECRETS, stack, tempDir, TOKEN_B } from '../../../tests/support/profiles-kit'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

it('no service result, event, log line or file in the data folder contains a secret', async () => {
  const s = await stack({ dataDir: dir })
  const outputs: unknown[] = []
  const record = async <T>(p: Promise<T>): Promise<T> => {
    const v = await p
    outputs.push(v)
    return v
  }
  s.profiles.onChanged((l) => outputs.push(l))
  const a = await record(s.profiles.create(input('A')))
  await record(s.profiles.update({ profileId: a.id, apiKey: KEY_B, authToken: TOKEN_B }))
  await record(s.profiles.update({ profileId: a.id, name: 'A2', apiKey: '', authToken: '' }))
  await record(s.profiles.list())
  await record(s.profiles.get(a.id))
  await record(s.profiles.checkCredentials({ profileId: a.id }))
  await record(s.profiles.checkCredentials({ apiKey: KEY_B, authToken: TOKEN_B }))
  await record(s.profiles.markUsed(a.id))
  await mkdir(join(dir, 'in'), { recursive: true })
  s.dialogs.open = join(dir, 'in', 'tokens.json')
  await writeFile(s.dialogs.open, JSON.stringify({ imported: { api_key: SECRETS[0], api_auth_token: SECRETS[1] } }))
  const preview = await record(s.profiles.pickImport('token-file'))
  const imported = await record(
    s.profiles.importProfiles({
      importId: preview?.importId ?? '',
      entries: [{ alias: 'imported', name: 'Imp', projectId: '9', location: 'Delhi' }]
    })
  )
  s.dialogs.save = join(dir, 'export.json')
  await record(s.profiles.exportProfiles())
  await record(s.settings.update({ notifications: false }))
  outputs.push(s.settings.get(), s.profiles.notices)
  await s.lastKnown.save(a.id, { nodes: [], fetchedAt: new Date().toISOString() })
  await record(s.profiles.delete(imported[0]?.id ?? ''))
  await new Promise((r) => setTimeout(r, 10))

  // The import file was put there by the "user": it is the only file allowed to hold secrets.
  const files = (await readAllFiles(dir)).filter((f) => !f.path.endsWith(join('in', 'tokens.json')))
  expect(files.map((f) => f.path.slice(dir.length)).sort()).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/profiles\.json$/),
      expect.stringMatching(/export\.json$/),
      expect.stringMatching(/cache/)
    ])
  )
  const haystacks = [...outputs.map((o) => JSON.stringify(o) ?? ''), ...files.map((f) => f.text), ...s.lines]
  expect(outputs.length).toBeGreaterThan(12)
  for (const h of haystacks) for (const secret of SECRETS) expect(h).not.toContain(secret)
})
