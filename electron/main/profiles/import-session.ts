// Parsed import files wait here, secrets included, between the preview and the user's confirmation.
// They never go to the page; they are dropped after use or after ten minutes.
import { randomBytes } from 'node:crypto'
import type { Clock } from '../ports'
import type { ImportPreview } from '../../../shared/ipc/contract'
import type { ParsedImportEntry } from './import-files'

export const IMPORT_TTL_MS = 10 * 60 * 1000

export interface ImportSession {
  kind: ImportPreview['kind']
  source: string
  entries: ParsedImportEntry[]
  expiresAt: number
}

export class ImportSessions {
  private readonly sessions = new Map<string, ImportSession>()

  constructor(private readonly clock: Clock) {}

  put(session: Omit<ImportSession, 'expiresAt'>): string {
    this.prune()
    const id = `imp-${randomBytes(12).toString('hex')}`
    this.sessions.set(id, { ...session, expiresAt: this.clock.now() + IMPORT_TTL_MS })
    return id
  }

  get(importId: string): ImportSession | null {
    this.prune()
    return this.sessions.get(importId) ?? null
  }

  drop(importId: string): void {
    this.sessions.delete(importId)
  }

  private prune(): void {
    const now = this.clock.now()
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id)
  }
}
