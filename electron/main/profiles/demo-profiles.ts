// Built-in read-only demo profiles, one per project of the embedded simulator. They exist only in memory.
import type { Profile } from '../../../shared/domain/profile'
import type { DemoBackend, DemoConnection } from '../ports'
import type { Logger, SecretScrubber } from '../redact'
import { DomainError } from '../errors'
import { PALETTE } from './profile-rules'

export const DEMO_ID_PREFIX = 'demo-'

export function isDemoId(profileId: string): boolean {
  return profileId.startsWith(DEMO_ID_PREFIX)
}

export function demoForbidden(): DomainError {
  return new DomainError('FORBIDDEN', 'The demo profile is built in; hide it in Settings instead.')
}

export function demoProfiles(
  conn: DemoConnection,
  createdAt: string,
  lastUsed: ReadonlyMap<string, string>
): Profile[] {
  return conn.projects.map((p, i) => {
    const id = `${DEMO_ID_PREFIX}${i + 1}`
    return {
      id,
      name: `Demo · ${p.name} (${p.location})`,
      projectId: String(p.projectId),
      location: p.location,
      apiBaseUrl: conn.baseUrl,
      color: PALETTE[(PALETTE.length - 1 - i + PALETTE.length) % PALETTE.length] ?? '#64748b',
      initials: `D${i + 1}`.slice(0, 2),
      createdAt,
      lastUsedAt: lastUsed.get(id) ?? null
    }
  })
}

/** Starts the simulator on first use; a failed start is retried next time instead of being cached. */
export function lazyDemo(
  demo: DemoBackend | null,
  scrubber: SecretScrubber,
  log: Logger
): () => Promise<DemoConnection | null> {
  let pending: Promise<DemoConnection> | null = null
  return async () => {
    if (!demo) return null
    pending ??= demo.ensureStarted().then((c) => {
      // Not real secrets, but they go through the same redaction as real ones.
      scrubber.add(c.apiKey)
      scrubber.add(c.authToken)
      return c
    })
    try {
      return await pending
    } catch (err) {
      pending = null
      log.warn('profiles: the demo backend did not start', { err: err instanceof Error ? err.message : String(err) })
      return null
    }
  }
}
