// Lenient readers for JSON request bodies: wrong types become 400 envelopes with the field named.
import { badRequest } from './responses'

export type Body = Record<string, unknown>

export function asBody(raw: unknown): Body {
  if (raw === undefined || raw === null) return {}
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('Request body must be a JSON object')
  return raw as Body
}

export function optString(body: Body, key: string): string | undefined {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw badRequest(`${key} must be a string`)
  return v
}

export function reqString(body: Body, key: string): string {
  const v = optString(body, key)
  if (v === undefined || v === '') throw badRequest(`${key} is required`)
  return v
}

/** int or string of digits (ids arrive as either: docs/e2e-api.md#value-quirks) */
export function optInt(body: Body, key: string): number | undefined {
  const v = body[key]
  if (v === undefined || v === null || v === '') return undefined
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v
  if (typeof n !== 'number' || !Number.isInteger(n)) throw badRequest(`${key} must be an integer`)
  return n
}

export function optBool(body: Body, key: string): boolean | undefined {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'boolean') throw badRequest(`${key} must be a boolean`)
  return v
}

export function stringArray(body: Body, key: string): string[] {
  const v = body[key]
  if (v === undefined || v === null) return []
  if (!Array.isArray(v) || !v.every((x): x is string => typeof x === 'string'))
    throw badRequest(`${key} must be a list of strings`)
  return v
}

export const NAME_RE = /^[A-Za-z0-9_-]{1,50}$/
