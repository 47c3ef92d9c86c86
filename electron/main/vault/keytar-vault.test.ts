import { describe, expect, it, vi } from 'vitest'
import { isDomainError } from '../errors'
import { KEYCHAIN_HINTS } from './keychain-errors'
import { createKeytarVault, isKeychainLocked, type KeytarLike } from './keytar-vault'
import { createSecretServiceProbe, parseAttributesReply, parseSearchReply } from './secret-service-probe'

/** A keytar stand-in backed by a Map, whose every call can be made to fail with a given message. */
function fakeKeytar() {
  const entries = new Map<string, string>()
  const state: { failWith: string | null } = { failWith: null }
  const guard = () => {
    if (state.failWith) throw new Error(state.failWith)
  }
  const k: KeytarLike = {
    async getPassword(s, a) {
      guard()
      return entries.get(`${s}/${a}`) ?? null
    },
    async setPassword(s, a, p) {
      guard()
      entries.set(`${s}/${a}`, p)
    },
    async deletePassword(s, a) {
      guard()
      return entries.delete(`${s}/${a}`)
    },
    async findCredentials(s) {
      guard()
      return [...entries]
        .filter(([key]) => key.startsWith(`${s}/`))
        .map(([key, password]) => ({ account: key.slice(s.length + 1), password }))
    }
  }
  return { k, entries, state }
}

async function caught(p: Promise<unknown>) {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected a rejection')
}

describe('keytar vault', () => {
  it('keeps one JSON entry per profile under the service "Nodetray"', async () => {
    const f = fakeKeytar()
    const vault = createKeytarVault({ loadKeytar: async () => f.k, probe: null })
    await vault.set('p-1', { apiKey: 'key-aaaa-1111', authToken: 'token-aaaaaaaaaaaa' })
    await vault.set('p-2', { apiKey: 'key-bbbb-2222', authToken: 'token-bbbbbbbbbbbb' })
    expect(JSON.parse(f.entries.get('Nodetray/p-1') ?? '')).toEqual({
      apiKey: 'key-aaaa-1111',
      authToken: 'token-aaaaaaaaaaaa'
    })
    expect(await vault.get('p-2')).toEqual({ apiKey: 'key-bbbb-2222', authToken: 'token-bbbbbbbbbbbb' })
    expect((await vault.listProfileIds()).sort()).toEqual(['p-1', 'p-2'])
    expect(await vault.delete('p-1')).toBe(true)
    expect(await vault.delete('p-1')).toBe(false)
    expect(await vault.get('p-1')).toBeNull()
    expect(vault.kind).toBe('keychain')
  })

  it('reads a damaged entry as "no credentials"', async () => {
    const f = fakeKeytar()
    f.entries.set('Nodetray/p-1', 'not json')
    f.entries.set('Nodetray/p-2', '{"apiKey":"x"}')
    const vault = createKeytarVault({ loadKeytar: async () => f.k, probe: null })
    expect(await vault.get('p-1')).toBeNull()
    expect(await vault.get('p-2')).toBeNull()
  })

  it('a missing native module becomes KEYCHAIN_UNAVAILABLE with a reinstall hint, and is retried later', async () => {
    let attempts = 0
    const f = fakeKeytar()
    const vault = createKeytarVault({
      probe: null,
      loadKeytar: async () => {
        attempts++
        if (attempts === 1) throw new Error("Cannot find module '../build/Release/keytar.node'")
        return f.k
      }
    })
    const e = await caught(vault.get('p-1'))
    expect(isDomainError(e) && e.data).toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      hint: KEYCHAIN_HINTS.nativeMissing
    })
    expect(await vault.get('p-1')).toBeNull()
    expect(attempts).toBe(2)
  })

  it('a missing libsecret library asks for libsecret-1-0', async () => {
    const vault = createKeytarVault({
      probe: null,
      loadKeytar: async () => {
        throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory')
      }
    })
    const e = await caught(vault.listProfileIds())
    expect(isDomainError(e) && e.data.hint).toBe(KEYCHAIN_HINTS.libsecretMissing)
  })

  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', KEYCHAIN_HINTS.noSecretService],
    ['The name org.freedesktop.secrets was not provided by any .service files', KEYCHAIN_HINTS.noSecretService],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', KEYCHAIN_HINTS.locked],
    ['Cannot create an item in a locked collection', KEYCHAIN_HINTS.locked],
    ['User canceled the operation.', KEYCHAIN_HINTS.locked],
    ['Something odd happened', KEYCHAIN_HINTS.other]
  ])('maps "%s" to the right hint', async (message, hint) => {
    const f = fakeKeytar()
    f.state.failWith = message
    const vault = createKeytarVault({ loadKeytar: async () => f.k, probe: null })
    for (const p of [
      vault.set('p-1', { apiKey: 'k-12345678', authToken: 't-1234567890123456' }),
      vault.get('p-1'),
      vault.delete('p-1')
    ]) {
      const e = await caught(p)
      expect(isDomainError(e) && e.data).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', hint })
    }
  })

  it('the Linux "no Secret Service" hint names gnome-keyring, KWallet and libsecret-1-0', () => {
    expect(KEYCHAIN_HINTS.noSecretService).toMatch(/gnome-keyring \(or KWallet\) and libsecret-1-0/)
    expect(KEYCHAIN_HINTS.locked).toMatch(/unlock your login keyring/i)
    expect(KEYCHAIN_HINTS.nativeMissing).toMatch(/reinstall/i)
  })
})

describe('keytar vault with the Secret Service probe (Linux)', () => {
  const probeSaying = (
    state: 'unlocked' | 'locked' | 'absent',
    accounts: { account: string; locked: boolean }[] = []
  ) => ({
    item: async () => state,
    accounts: async () => accounts
  })

  it('a locked entry reads as locked without asking keytar (no prompt at start-up), even when keytar would say null', async () => {
    const f = fakeKeytar()
    const read = vi.spyOn(f.k, 'getPassword')
    const vault = createKeytarVault({ loadKeytar: async () => f.k, probe: probeSaying('locked') })
    const e = await caught(vault.get('p-1'))
    expect(isKeychainLocked(e)).toBe(true)
    expect(read).not.toHaveBeenCalled()
    // Asked to unlock: keytar is tried, and a null from a still-locked collection is still "locked".
    expect(isKeychainLocked(await caught(vault.get('p-1', { unlock: true })))).toBe(true)
    expect(read).toHaveBeenCalledTimes(1)
    const del = vi.spyOn(f.k, 'deletePassword')
    expect(isKeychainLocked(await caught(vault.delete('p-1')))).toBe(true)
    expect(del).not.toHaveBeenCalled()
  })

  it('an absent entry is "nothing stored"; listing never reads a locked item', async () => {
    const f = fakeKeytar()
    const find = vi.spyOn(f.k, 'findCredentials')
    const absent = createKeytarVault({ loadKeytar: async () => f.k, probe: probeSaying('absent') })
    expect(await absent.get('p-1')).toBeNull()
    const locked = createKeytarVault({
      loadKeytar: async () => f.k,
      probe: probeSaying('unlocked', [{ account: 'p-1.ab', locked: true }])
    })
    expect(isKeychainLocked(await caught(locked.listProfileIds()))).toBe(true)
    const open = createKeytarVault({
      loadKeytar: async () => f.k,
      probe: probeSaying('unlocked', [{ account: 'p-1.ab', locked: false }])
    })
    expect(await open.listProfileIds()).toEqual(['p-1.ab'])
    expect(find).not.toHaveBeenCalled()
  })

  it('parses dbus-send replies', () => {
    const search = `method return time=1 sender=:1.0 -> destination=:1.2 serial=13 reply_serial=2
   array [
      object path "/org/freedesktop/secrets/collection/login/1"
   ]
   array [
      object path "/org/freedesktop/secrets/collection/login/2"
   ]`
    expect(parseSearchReply(search)).toEqual({
      unlocked: ['/org/freedesktop/secrets/collection/login/1'],
      locked: ['/org/freedesktop/secrets/collection/login/2']
    })
    const attrs = `method return time=1 sender=:1.0 -> destination=:1.3 serial=15 reply_serial=2
   variant       array [
         dict entry(
            string "account"
            string "p-1.ab"
         )
         dict entry(
            string "service"
            string "Nodetray"
         )
      ]`
    expect(parseAttributesReply(attrs)).toEqual({ account: 'p-1.ab', service: 'Nodetray' })
  })

  it('no D-Bus session reads as an unreachable keychain with the install hint', async () => {
    const probe = createSecretServiceProbe(async () => {
      throw new Error(
        'dbus-send: Failed to open connection to "session" message bus: Unable to autolaunch a dbus-daemon'
      )
    })
    const vault = createKeytarVault({ loadKeytar: async () => fakeKeytar().k, probe })
    const e = await caught(vault.get('p-1'))
    expect(isDomainError(e) && e.data).toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      hint: KEYCHAIN_HINTS.noSecretService
    })
    expect(isKeychainLocked(e)).toBe(false)
  })
})
