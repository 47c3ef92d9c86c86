// The app's vault: one keychain entry per profile (account = profile id) holding JSON {apiKey, authToken}.
// keytar is native and loaded lazily, so a missing or broken module becomes a KEYCHAIN_UNAVAILABLE error
// with a hint instead of a crash at startup. There is deliberately no plaintext fallback.
import { z } from 'zod'
import type { CredentialStore, Credentials } from './credential-store'
import { keychainError, type KeychainOp } from './keychain-errors'

export const KEYCHAIN_SERVICE = 'Nodetray'

export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>
}

const StoredCredentials = z.object({ apiKey: z.string().min(1), authToken: z.string().min(1) })

async function loadRealKeytar(): Promise<KeytarLike> {
  const mod: { default?: KeytarLike } & Partial<KeytarLike> = await import('keytar')
  const k = mod.default ?? (mod as KeytarLike)
  if (typeof k.getPassword !== 'function') throw new Error('Cannot find module keytar: no getPassword export')
  return k
}

export function createKeytarStore(
  opts: { service?: string; loadKeytar?: () => Promise<KeytarLike> } = {}
): CredentialStore {
  const service = opts.service ?? KEYCHAIN_SERVICE
  const load = opts.loadKeytar ?? loadRealKeytar
  let loaded: Promise<KeytarLike> | null = null

  const keytar = async (): Promise<KeytarLike> => {
    // Only a successful load is cached: a failed one is retried on the next call.
    loaded ??= load().catch((err: unknown) => {
      loaded = null
      throw keychainError(err, 'load')
    })
    return loaded
  }
  const run = async <T>(op: KeychainOp, fn: (k: KeytarLike) => Promise<T>): Promise<T> => {
    const k = await keytar()
    try {
      return await fn(k)
    } catch (err) {
      throw keychainError(err, op)
    }
  }

  return {
    kind: 'keychain',
    async get(profileId) {
      const raw = await run('read', (k) => k.getPassword(service, profileId))
      return raw === null ? null : parseStored(raw)
    },
    async set(profileId, credentials) {
      const value = JSON.stringify({ apiKey: credentials.apiKey, authToken: credentials.authToken })
      await run('save', (k) => k.setPassword(service, profileId, value))
    },
    async delete(profileId) {
      return run('delete', (k) => k.deletePassword(service, profileId))
    },
    async listProfileIds() {
      const all = await run('list', (k) => k.findCredentials(service))
      return all.map((c) => c.account)
    }
  }
}

// An entry someone else wrote (or damaged) reads as "no credentials": the user re-enters them.
function parseStored(raw: string): Credentials | null {
  try {
    const parsed = StoredCredentials.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
