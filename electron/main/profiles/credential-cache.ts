// Secrets read from the vault stay in main's memory so polling does not hit the keychain on every call.
// Every secret loaded is registered with the scrubber so it can never reach a log line or an error.
// No read may hold anything up: a caller waits at most `waitMs`; a read still running then counts as
// "locked" (a keychain waiting for an unlock prompt) and keeps going, and when it lands `onSettled` fires
// so the profile list can be sent again. One read per entry at a time.
import { DomainError, isDomainError } from '../errors'
import type { SecretScrubber } from '../redact'
import type { CredentialVault, Credentials } from '../vault/credential-vault'
import { isKeychainLocked } from '../vault/keytar-vault'
import { KEYCHAIN_HINTS } from '../vault/keychain-errors'

export const KEYCHAIN_WAIT_MS = 3000
const RETRY_AFTER_MS = 100
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export type SecretRead =
  { state: 'stored'; creds: Credentials } | { state: 'missing' } | { state: 'locked' | 'unavailable'; hint: string }

export interface CredentialCache {
  /** The entry's state, waiting at most `waitMs` for the keychain. `retry` asks again after a failure. */
  read(account: string, opts?: { retry?: boolean }): Promise<SecretRead>
  /** Like read(), but throws KEYCHAIN_UNAVAILABLE when the keychain is locked or unavailable. */
  get(account: string): Promise<Credentials | null>
  remember(account: string, creds: Credentials): void
  forget(account: string): void
  /** A read that outlived its waiters has landed. */
  onSettled(listener: () => void): void
}

export function createCredentialCache(
  vault: CredentialVault,
  scrubber: SecretScrubber,
  opts: { waitMs?: number } = {}
): CredentialCache {
  const waitMs = opts.waitMs ?? KEYCHAIN_WAIT_MS
  const known = new Map<string, SecretRead>()
  const inFlight = new Map<string, Promise<SecretRead>>()
  // A read that started before a remember/forget must not put the older value back.
  const generation = new Map<string, number>()
  const bump = (id: string) => generation.set(id, (generation.get(id) ?? 0) + 1)
  const listeners = new Set<() => void>()
  /** Entries whose waiters gave up: when their read lands, the listeners hear of it. */
  const overdue = new Set<string>()

  const start = (account: string, unlock: boolean): Promise<SecretRead> => {
    const gen = generation.get(account) ?? 0
    // A keychain that failed without saying "locked" gets one more try: a D-Bus call can fail once while the
    // Secret Service is busy or restarting, and "unavailable" would send the user to install things they have.
    const p = vault
      .get(account, { unlock })
      .catch((err: unknown) =>
        isKeychainLocked(err) ? Promise.reject(err) : pause(RETRY_AFTER_MS).then(() => vault.get(account, { unlock }))
      )
      .then(
        (creds): SecretRead => {
          if (!creds) return { state: 'missing' }
          scrubber.add(creds.apiKey)
          scrubber.add(creds.authToken)
          return { state: 'stored', creds }
        },
        (err: unknown): SecretRead => {
          const hint = isDomainError(err) ? (err.data.hint ?? KEYCHAIN_HINTS.other) : KEYCHAIN_HINTS.other
          return { state: isKeychainLocked(err) ? 'locked' : 'unavailable', hint }
        }
      )
    inFlight.set(account, p)
    void p.then((r) => {
      if (inFlight.get(account) === p) inFlight.delete(account)
      if ((generation.get(account) ?? 0) !== gen) return
      known.set(account, r)
      if (overdue.delete(account)) for (const l of listeners) l()
    })
    return p
  }

  const timedOut: SecretRead = {
    state: 'locked',
    hint: `The keychain did not answer within ${Math.round(waitMs / 1000)} s. ${KEYCHAIN_HINTS.locked}`
  }

  const read = async (account: string, o: { retry?: boolean } = {}): Promise<SecretRead> => {
    const now = known.get(account)
    if (now && (now.state === 'stored' || now.state === 'missing' || !o.retry)) return now
    const p = inFlight.get(account) ?? start(account, o.retry === true)
    let timer: ReturnType<typeof setTimeout> | undefined
    const wait = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)))
    const r = await Promise.race([p, wait])
    clearTimeout(timer)
    if (r) return r
    // Still waiting on the keychain: report it locked until the read lands (onSettled tells when).
    overdue.add(account)
    known.set(account, timedOut)
    return timedOut
  }

  return {
    read,
    async get(account) {
      const r = await read(account)
      if (r.state === 'stored') return r.creds
      if (r.state === 'missing') return null
      throw new DomainError('KEYCHAIN_UNAVAILABLE', 'Nodetray could not read credentials from the system keychain.', {
        hint: r.hint,
        retryable: true
      })
    },
    remember(account, creds) {
      bump(account)
      overdue.delete(account)
      scrubber.add(creds.apiKey)
      scrubber.add(creds.authToken)
      known.set(account, { state: 'stored', creds })
    },
    forget(account) {
      bump(account)
      known.delete(account)
      overdue.delete(account)
    },
    onSettled(listener) {
      listeners.add(listener)
    }
  }
}
