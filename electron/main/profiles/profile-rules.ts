// Small rules shared by create, update and import: ids, default colour and initials, unique names.
import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { Profile } from '../../../shared/domain/profile'
import { profileNameKey } from '../../../shared/ipc/schemas'
import { DomainError, validationError } from '../errors'
import { formatExpiry } from './credential-info'
import { readJwtExpiry } from './jwt'

export const PALETTE = ['#3b82f6', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#ec4899', '#14b8a6', '#f97316'] as const

/** User profile ids never start with "demo", so they cannot clash with the built-in demo-1, demo-2, ... */
export function newProfileId(): string {
  return `p-${randomBytes(8).toString('hex')}`
}

/** The first palette colour no profile uses yet, else cycle through the palette. */
export function defaultColor(existing: readonly Pick<Profile, 'color'>[]): string {
  const used = new Set(existing.map((p) => p.color.toLowerCase()))
  return PALETTE.find((c) => !used.has(c)) ?? PALETTE[existing.length % PALETTE.length] ?? PALETTE[0]
}

/** "Acme prod" → "AP", "staging" → "ST", "x" → "X". */
export function defaultInitials(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  const first = words[0] ?? ''
  const second = words[1]
  const chars = second ? [...first].slice(0, 1).concat([...second].slice(0, 1)) : [...first].slice(0, 2)
  const out = chars.join('').toUpperCase()
  return out || [...name.trim()].slice(0, 1).join('') || '?'
}

/** Names that look alike are the same name: compared as the shared schema normalises them (NFC, no invisibles). */
export function sameName(a: string, b: string): boolean {
  return profileNameKey(a) === profileNameKey(b)
}

export function assertNameFree(
  profiles: readonly Profile[],
  name: string,
  opts: { exceptId?: string; field?: string } = {}
): void {
  const taken = profiles.some((p) => p.id !== opts.exceptId && sameName(p.name, name))
  if (taken) {
    throw new DomainError('CONFLICT', `A profile named "${name.trim()}" already exists. Choose another name.`, {
      field: opts.field ?? 'name'
    })
  }
}

/**
 * AUTH when the token's `exp` has passed: it can only be refused by E2E, so main never saves or sends it (an import
 * refuses it the same way). `field` points the form at the token box.
 */
export function assertTokenNotExpired(authToken: string, now: number, who: string, field?: string): void {
  const exp = readJwtExpiry(authToken)
  if (exp && exp.getTime() <= now) {
    throw new DomainError(
      'AUTH',
      `The auth token for ${who} expired on ${formatExpiry(exp)}. Create a new token in MyAccount → API & IAM.`,
      field ? { field } : {}
    )
  }
}

/** Parses service input again (callers inside main skip the IPC registry) and maps zod issues to VALIDATION. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  const data = validationError(r.error)
  throw new DomainError('VALIDATION', data.message, { field: data.field, issues: data.issues })
}

export function notFound(profileId: string): DomainError {
  return new DomainError('NOT_FOUND', `The profile "${profileId}" no longer exists.`)
}
