// Profile changes that guard the account's keys, each pinned by a test that fails when the rule is broken (found by
// mutation testing, `npm run mutate -- profiles`; see docs/mutation-survivors.md): a typed key is never paired with a
// token that changed meanwhile, a profile without stored credentials needs both, deleting one profile never touches
// another's keys, and every keychain entry left behind is logged for the next start's sweep.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeDiskFs, type DiskFs } from '../../electron/main/profiles/atomic-file'
import type { Credentials } from '../../electron/main/vault/credential-vault'
import {
  FlakyVault,
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

const KEY_C = 'cccc1111-2222-3333-4444-55556666e5f6'
const TOKEN_C = tokenExpiringInDays(100, 'charlie-subject')

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

/** A keychain whose next write can be held until the test lets it through, or never answers; counts deletes. */
class SlowVault extends FlakyVault {
  private hold: { entered: () => void; gate: Promise<void> } | null = null
  hang = false
  deletes: string[] = []

  /** Holds the next write; resolves once it has started. Returns the function that lets it through. */
  holdNextSet(): { started: Promise<void>; release: () => void } {
    let release = (): void => undefined
    let entered = (): void => undefined
    const started = new Promise<void>((r) => (entered = r))
    this.hold = { entered, gate: new Promise<void>((r) => (release = r)) }
    return { started, release }
  }

  override async set(id: string, c: Credentials): Promise<void> {
    if (this.hang) return new Promise<void>(() => undefined)
    const hold = this.hold
    this.hold = null
    if (hold) {
      hold.entered()
      await hold.gate
    }
    return super.set(id, c)
  }

  override async delete(id: string): Promise<boolean> {
    this.deletes.push(id)
    return super.delete(id)
  }
}

/** The real disk, with a profile-file write that can fail or be held half-way. */
function diskWith() {
  const ctl = {
    fail: false,
    hold: null as { entered: () => void; gate: Promise<void> } | null,
    holdNextWrite(): { started: Promise<void>; release: () => void } {
      let release = (): void => undefined
      let entered = (): void => undefined
      const started = new Promise<void>((r) => (entered = r))
      ctl.hold = { entered, gate: new Promise<void>((r) => (release = r)) }
      return { started, release }
    }
  }
  const fs: DiskFs = {
    ...nodeDiskFs,
    rename: async (a, b) => {
      if (ctl.fail) throw new Error('EIO')
      const hold = ctl.hold
      ctl.hold = null
      if (hold) {
        hold.entered()
        await hold.gate
      }
      return nodeDiskFs.rename(a, b)
    }
  }
  return { fs, ctl }
}

const warned = (lines: string[], text: string, err: string) =>
  lines.some((l) => l.includes(` WARN ${text}`) && l.includes(`"err":"${err}"`))

describe('credentials that change between the read and the write', () => {
  it('a new API key typed alone is refused (CONFLICT) when the token changed meanwhile; the newer pair stays', async () => {
    const vault = new SlowVault()
    const s = await stack({ dataDir: dir, vault })
    const p = await s.profiles.create(input('A'))
    const held = vault.holdNextSet()
    // Key only: the stored token (TOKEN_A) is read and paired with it.
    const keyOnly = rejection(s.profiles.update({ profileId: p.id, apiKey: KEY_B }))
    await held.started
    await s.profiles.update({ profileId: p.id, apiKey: KEY_C, authToken: TOKEN_C })
    held.release()
    expect(await keyOnly).toMatchObject({
      code: 'CONFLICT',
      message: 'The credentials of this profile changed meanwhile. Try again.'
    })
    // One entry, the newer pair: never KEY_B with the old TOKEN_A.
    expect(await secretOf(s.vault, p.id)).toEqual({ apiKey: KEY_C, authToken: TOKEN_C })
    expect((await s.profiles.apiTarget(p.id)).authToken).toBe(TOKEN_C)
  })

  it('both typed: nothing old is read, so the later change simply wins', async () => {
    const vault = new SlowVault()
    const s = await stack({ dataDir: dir, vault })
    const p = await s.profiles.create(input('A'))
    const held = vault.holdNextSet()
    const both = s.profiles.update({ profileId: p.id, apiKey: KEY_B, authToken: TOKEN_B })
    await held.started
    await s.profiles.update({ profileId: p.id, apiKey: KEY_C, authToken: TOKEN_C })
    held.release()
    expect((await both).credentials.apiKeyHint).toBe('…c3d4')
    expect(await secretOf(s.vault, p.id)).toEqual({ apiKey: KEY_B, authToken: TOKEN_B })
  })

  it('a rename queued behind a credential change succeeds and keeps the new credentials', async () => {
    const { fs, ctl } = diskWith()
    const s = await stack({ dataDir: dir, fs })
    const p = await s.profiles.create(input('A'))
    const held = ctl.holdNextWrite()
    const change = s.profiles.update({ profileId: p.id, apiKey: KEY_B, authToken: TOKEN_B })
    await held.started // the new entry is written; the file write is half-way
    const rename = s.profiles.update({ profileId: p.id, name: 'A renamed' })
    held.release()
    await change
    expect(await rename).toMatchObject({ name: 'A renamed', credentials: { apiKeyHint: '…c3d4' } })
    expect(await secretOf(s.vault, p.id)).toEqual({ apiKey: KEY_B, authToken: TOKEN_B })
  })
})

describe('a profile whose keychain entry is gone', () => {
  it('needs both the API key and the auth token; one alone is refused naming the missing one', async () => {
    const first = await stack({ dataDir: dir })
    const p = await first.profiles.create(input('A'))
    // Another start, with the keychain entry gone (deleted by hand, or another machine's keychain).
    const s = await stack({ dataDir: dir, vault: new SlowVault() })
    const message = 'This profile has no stored credentials: enter both the API key and the auth token.'
    expect(await rejection(s.profiles.update({ profileId: p.id, apiKey: KEY_B }))).toEqual({
      code: 'VALIDATION',
      message,
      field: 'authToken'
    })
    expect(await rejection(s.profiles.update({ profileId: p.id, authToken: TOKEN_B }))).toEqual({
      code: 'VALIDATION',
      message,
      field: 'apiKey'
    })
    expect(await s.vault.listProfileIds()).toEqual([])
    await s.profiles.update({ profileId: p.id, apiKey: KEY_B, authToken: TOKEN_B })
    expect(await secretOf(s.vault, p.id)).toEqual({ apiKey: KEY_B, authToken: TOKEN_B })
  })
})

describe('edits without new credentials', () => {
  it('a new location is kept, and survives a later rename', async () => {
    const s = await stack({ dataDir: dir })
    const p = await s.profiles.create(input('A'))
    expect((await s.profiles.update({ profileId: p.id, location: 'Chennai' })).location).toBe('Chennai')
    expect(await s.profiles.update({ profileId: p.id, name: 'B' })).toMatchObject({ name: 'B', location: 'Chennai' })
  })

  it('initials the user chose stay through a rename', async () => {
    const s = await stack({ dataDir: dir })
    const p = await s.profiles.create({ ...input('Alpha one'), initials: 'zz' })
    expect((await s.profiles.update({ profileId: p.id, name: 'Bravo two' })).initials).toBe('zz')
  })

  it('a rename that cannot be saved touches no keychain entry', async () => {
    const { fs, ctl } = diskWith()
    const vault = new SlowVault()
    const s = await stack({ dataDir: dir, vault, fs })
    const p = await s.profiles.create(input('A'))
    ctl.fail = true
    expect((await rejection(s.profiles.update({ profileId: p.id, name: 'B' }))).code).toBe('STORAGE')
    expect(vault.deletes).toEqual([])
    expect(await secretOf(s.vault, p.id)).toEqual({ apiKey: KEY_A, authToken: TOKEN_A })
  })
})

describe('delete', () => {
  it("deleting one profile leaves another's keys alone", async () => {
    const s = await stack({ dataDir: dir })
    const a = await s.profiles.create(input('A'))
    const b = await s.profiles.create(input('B', KEY_B, TOKEN_B))
    await s.profiles.delete(b.id)
    expect((await s.profiles.list()).map((p) => p.id)).toEqual([a.id])
    expect(await secretOf(s.vault, a.id)).toEqual({ apiKey: KEY_A, authToken: TOKEN_A })
    expect(await secretOf(s.vault, b.id)).toBeNull()
    expect((await s.profiles.apiTarget(a.id)).apiKey).toBe(KEY_A)
  })

  it('a profile that is not there (deleted twice at once) is NOT_FOUND', async () => {
    const s = await stack({ dataDir: dir })
    const a = await s.profiles.create(input('A'))
    const [one, two] = await Promise.allSettled([s.profiles.delete(a.id), s.profiles.delete(a.id)])
    expect(one.status).toBe('fulfilled')
    expect(two).toMatchObject({ status: 'rejected', reason: { data: { code: 'NOT_FOUND' } } })
    expect(await rejection(s.profiles.delete('no-such-profile'))).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('the keychain', () => {
  it('a write that never answers gives up with a retryable error naming the wait', async () => {
    const vault = new SlowVault()
    const s = await stack({ dataDir: dir, vault, keychainWriteMs: 1000 })
    vault.hang = true
    expect(await rejection(s.profiles.create(input('A')))).toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: 'The system keychain did not answer within 1 s, so nothing was saved.',
      retryable: true
    })
    expect(await s.profiles.list()).toEqual([])
  })

  it('every entry that could not be deleted is logged with the reason, for the next start to remove', async () => {
    const { fs, ctl } = diskWith()
    const vault = new SlowVault()
    const s = await stack({ dataDir: dir, vault, fs })
    const p = await s.profiles.create(input('A'))
    vault.failDelete = new Error('keychain is locked')

    await s.profiles.update({ profileId: p.id, apiKey: KEY_B, authToken: TOKEN_B })
    expect(
      warned(
        s.lines,
        'profiles: could not delete the replaced keychain entry; it is removed at the next start',
        'keychain is locked'
      )
    ).toBe(true)

    ctl.fail = true
    expect((await rejection(s.profiles.update({ profileId: p.id, apiKey: KEY_C, authToken: TOKEN_C }))).code).toBe(
      'STORAGE'
    )
    expect(
      warned(
        s.lines,
        'profiles: could not delete the new keychain entry of a change that was not saved; it is removed at the next start',
        'keychain is locked'
      )
    ).toBe(true)
    expect((await rejection(s.profiles.create(input('B', KEY_C, TOKEN_C)))).code).toBe('STORAGE')
    expect(
      warned(
        s.lines,
        'profiles: could not delete the keychain entry of a profile that was not saved; it is removed at the next start',
        'keychain is locked'
      )
    ).toBe(true)
    ctl.fail = false

    await s.profiles.delete(p.id)
    expect(
      warned(
        s.lines,
        'profiles: could not delete the keychain entry of a deleted profile; it is removed at the next start',
        'keychain is locked'
      )
    ).toBe(true)
  })
})
