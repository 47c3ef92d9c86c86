// Outside tester, defect 3: profiles:create and profiles:update saved an auth token whose JWT `exp` had passed (shown
// as "expired"); only the window's form refused it. Main refuses it now, as import and check-credentials do, and
// leaves the stored profile and its keychain entry as they were.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  input,
  KEY_A,
  KEY_B,
  rejection,
  secretOf,
  stack,
  tempDir,
  TOKEN_A,
  TOKEN_B,
  tokenExpiringInDays
} from '../support/profiles-kit'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const EXPIRED = tokenExpiringInDays(-1, 'expired-subject')
const refusal = {
  code: 'AUTH',
  field: 'authToken',
  message: expect.stringMatching(/^The auth token for this profile expired on \d+ \w+ \d{4}\. Create a new token/)
}
const fileText = () => readFile(join(dir, 'profiles.json'), 'utf8')

describe('an auth token that has already expired', () => {
  it('profiles:create refuses it and writes nothing', async () => {
    const s = await stack({ dataDir: dir })
    expect(await rejection(s.profiles.create(input('Prod', KEY_A, EXPIRED)))).toMatchObject(refusal)
    expect(await s.vault.listProfileIds()).toEqual([])
    expect(await s.profiles.list()).toEqual([])
  })

  it('profiles:update refuses it, alone or with a new key or address, and keeps the stored profile and secret', async () => {
    const s = await stack({ dataDir: dir })
    const p = await s.profiles.create(input('Prod'))
    const before = await fileText()
    const attempts = [
      { profileId: p.id, authToken: EXPIRED },
      { profileId: p.id, apiKey: KEY_B, authToken: EXPIRED },
      { profileId: p.id, name: 'Renamed', apiKey: KEY_B, authToken: EXPIRED, apiBaseUrl: 'http://127.0.0.1:1/api' }
    ]
    for (const a of attempts) expect(await rejection(s.profiles.update(a)), JSON.stringify(a)).toMatchObject(refusal)
    expect(await fileText()).toBe(before)
    expect(await s.vault.listProfileIds()).toHaveLength(1)
    expect(await secretOf(s.vault, p.id)).toEqual({ apiKey: KEY_A, authToken: TOKEN_A })
    expect((await s.profiles.get(p.id)).credentials).toMatchObject({ tokenState: 'ok', apiKeyHint: '…a1b2' })
  })

  it('is refused the way check-credentials refuses it; a valid token and a stored expired one still save', async () => {
    const s = await stack({ dataDir: dir })
    const typed = s.profiles.checkCredentials({ apiKey: KEY_A, authToken: EXPIRED })
    expect(await rejection(typed)).toMatchObject({ code: 'AUTH', message: refusal.message })
    const p = await s.profiles.create(input('Prod', KEY_A, tokenExpiringInDays(1)))
    s.clock.set(s.clock.now() + 2 * 86_400_000)
    // Only a token typed now is checked: the stored one expiring later does not block a rename or a new key.
    expect((await s.profiles.update({ profileId: p.id, name: 'Prod 2', apiKey: KEY_B })).name).toBe('Prod 2')
    const fixed = await s.profiles.update({ profileId: p.id, authToken: TOKEN_B })
    expect(fixed.credentials).toMatchObject({ tokenState: 'ok' })
  })
})
