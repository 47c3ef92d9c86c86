// The app's vault: one keychain entry per secret reference (account) holding JSON {apiKey, authToken}.
// keytar is native and loaded lazily, so a missing or broken module becomes a KEYCHAIN_UNAVAILABLE error
// with a hint instead of a crash at startup. There is deliberately no plaintext fallback.
// Calls run one at a time: a call that hangs (an unlock prompt nobody answers) then holds one of libuv's four
// threads, never all of them. On Linux the Secret Service probe is asked first, so a locked entry reads as
// locked (keytar would say "nothing stored" or wait for a prompt) and listing never touches locked items.
import { z } from 'zod'
import type { CredentialVault, Credentials } from './credential-vault'
import { KEYCHAIN_HINTS, keychainError, type KeychainOp } from './keychain-errors'
import { DomainError } from '../errors'
import { createSecretServiceProbe, type SecretServiceProbe } from './secret-service-probe'

export const KEYCHAIN_SERVICE = 'Nodetray'

/** The keychain service name: `NODETRAY_KEYCHAIN_SERVICE` when set (read in main only; test runs and the
 * preview host use their own), else `fallback`. A name the Secret Service probe cannot pass is refused. */
export const KEYCHAIN_SERVICE_ENV = 'NODETRAY_KEYCHAIN_SERVICE'
export function keychainServiceFromEnv(env: Record<string, string | undefined>, fallback: string): string {
  const v = env[KEYCHAIN_SERVICE_ENV]
  if (v === undefined || v === '') return fallback
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(v))
    throw new Error(`${KEYCHAIN_SERVICE_ENV} may hold only letters, digits, "_", "." and "-" (at most 100).`)
  return v
}

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

export function lockedError(op: KeychainOp): DomainError {
  return keychainError(new Error('the collection is locked'), op)
}

export function createKeytarVault(
  opts: { service?: string; loadKeytar?: () => Promise<KeytarLike>; probe?: SecretServiceProbe | null } = {}
): CredentialVault {
  const service = opts.service ?? KEYCHAIN_SERVICE
  const load = opts.loadKeytar ?? loadRealKeytar
  const probe = opts.probe !== undefined ? opts.probe : process.platform === 'linux' ? createSecretServiceProbe() : null
  let loaded: Promise<KeytarLike> | null = null
  let lane: Promise<unknown> = Promise.resolve()

  const keytar = async (): Promise<KeytarLike> => {
    // Only a successful load is cached: a failed one is retried on the next call.
    loaded ??= load().catch((err: unknown) => {
      loaded = null
      throw keychainError(err, 'load')
    })
    return loaded
  }
  const run = <T>(op: KeychainOp, fn: (k: KeytarLike) => Promise<T>): Promise<T> => {
    const next = lane.then(async () => {
      const k = await keytar()
      try {
        return await fn(k)
      } catch (err) {
        throw keychainError(err, op)
      }
    })
    lane = next.catch(() => undefined)
    return next
  }
  const itemState = async (account: string, op: KeychainOp) => {
    if (!probe) return null
    try {
      return await probe.item(service, account)
    } catch (err) {
      throw keychainError(err, op)
    }
  }

  return {
    kind: 'keychain',
    async get(account, o) {
      const state = await itemState(account, 'read')
      if (state === 'absent') return null
      if (state === 'locked' && !o?.unlock) throw lockedError('read')
      const raw = await run('read', (k) => k.getPassword(service, account))
      // libsecret reads a locked item as null when the unlock prompt cannot show: still locked, not missing.
      if (raw === null && state === 'locked') throw lockedError('read')
      return raw === null ? null : parseStored(raw)
    },
    async set(account, credentials) {
      const value = JSON.stringify({ apiKey: credentials.apiKey, authToken: credentials.authToken })
      await run('save', (k) => k.setPassword(service, account, value))
    },
    async delete(account) {
      const state = await itemState(account, 'delete')
      if (state === 'absent') return false
      // Deleting a locked item would raise an unlock prompt: leave it; the start-up sweep removes it later.
      if (state === 'locked') throw lockedError('delete')
      return run('delete', (k) => k.deletePassword(service, account))
    },
    async listProfileIds() {
      const found = probe
        ? await probe.accounts(service).catch((err: unknown) => Promise.reject(keychainError(err, 'list')))
        : null
      if (found) {
        if (found.some((f) => f.locked)) throw lockedError('list')
        return found.map((f) => f.account)
      }
      const all = await run('list', (k) => k.findCredentials(service))
      return all.map((c) => c.account)
    }
  }
}

/** True when a KEYCHAIN_UNAVAILABLE error means "locked" (unlock and try again) rather than "no keychain". */
export function isKeychainLocked(err: unknown): boolean {
  return (
    err instanceof DomainError && err.data.code === 'KEYCHAIN_UNAVAILABLE' && err.data.hint === KEYCHAIN_HINTS.locked
  )
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
