import { describe, expect, it } from 'vitest'
import { isDomainError } from '../errors'
import { KEYCHAIN_HINTS } from './keychain-errors'
import { createKeytarStore, type KeytarLike } from './keytar-store'

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

describe('keytar store', () => {
  it('keeps one JSON entry per profile under the service "Nodetray"', async () => {
    const f = fakeKeytar()
    const store = createKeytarStore({ loadKeytar: async () => f.k, probe: null })
    await store.set('p-1', { apiKey: 'key-aaaa-1111', authToken: 'token-aaaaaaaaaaaa' })
    await store.set('p-2', { apiKey: 'key-bbbb-2222', authToken: 'token-bbbbbbbbbbbb' })
    expect(JSON.parse(f.entries.get('Nodetray/p-1') ?? '')).toEqual({
      apiKey: 'key-aaaa-1111',
      authToken: 'token-aaaaaaaaaaaa'
    })
    expect(await store.get('p-2')).toEqual({ apiKey: 'key-bbbb-2222', authToken: 'token-bbbbbbbbbbbb' })
    expect((await store.listProfileIds()).sort()).toEqual(['p-1', 'p-2'])
    expect(await store.delete('p-1')).toBe(true)
    expect(await store.delete('p-1')).toBe(false)
    expect(await store.get('p-1')).toBeNull()
    expect(store.kind).toBe('keychain')
  })

  it('reads a damaged entry as "no credentials"', async () => {
    const f = fakeKeytar()
    f.entries.set('Nodetray/p-1', 'not json')
    f.entries.set('Nodetray/p-2', '{"apiKey":"x"}')
    const store = createKeytarStore({ loadKeytar: async () => f.k, probe: null })
    expect(await store.get('p-1')).toBeNull()
    expect(await store.get('p-2')).toBeNull()
  })

  it('a missing native module becomes KEYCHAIN_UNAVAILABLE with a reinstall hint, and is retried later', async () => {
    let attempts = 0
    const f = fakeKeytar()
    const store = createKeytarStore({
      probe: null,
      loadKeytar: async () => {
        attempts++
        if (attempts === 1) throw new Error("Cannot find module '../build/Release/keytar.node'")
        return f.k
      }
    })
    const e = await caught(store.get('p-1'))
    expect(isDomainError(e) && e.data).toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      hint: KEYCHAIN_HINTS.nativeMissing
    })
    expect(await store.get('p-1')).toBeNull()
    expect(attempts).toBe(2)
  })

  it('a missing libsecret library asks for libsecret-1-0', async () => {
    const store = createKeytarStore({
      probe: null,
      loadKeytar: async () => {
        throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory')
      }
    })
    const e = await caught(store.listProfileIds())
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
    const store = createKeytarStore({ loadKeytar: async () => f.k, probe: null })
    for (const p of [
      store.set('p-1', { apiKey: 'k-12345678', authToken: 't-1234567890123456' }),
      store.get('p-1'),
      store.delete('p-1')
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
