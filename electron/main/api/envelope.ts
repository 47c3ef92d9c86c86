// docs/e2e-api.md#the-reply-envelope: the reply envelope is not universal, failures can hide inside HTTP 200, and the
// useful message sits in one of several places. Everything here works on `unknown` and never throws.

export type ParsedBody = { ok: true; value: unknown } | { ok: false; text: string }

/** JSON when it parses; an empty body counts as JSON null (DELETE may send nothing). */
export function parseBody(text: string): ParsedBody {
  if (text.trim() === '') return { ok: true, value: null }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, text }
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function statusLike(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v
  if (typeof v === 'string' && /^\d{3}$/.test(v.trim())) return Number(v)
  return null
}

/** Words that say nothing about why a call failed. */
const GENERIC_MESSAGES = new Set([
  'bad request',
  'ok',
  'success',
  'error',
  'failed',
  'failure',
  'not found',
  'forbidden',
  'unauthorized',
  'internal server error',
  'too many requests',
  'precondition failed',
  'service unavailable',
  'bad gateway',
  'gateway timeout',
  'something went wrong'
])
const isGeneric = (s: string): boolean =>
  GENERIC_MESSAGES.has(
    s
      .trim()
      .toLowerCase()
      .replace(/[.!]+$/, '')
  )

function firstString(v: unknown, depth = 0): string | null {
  if (depth > 3) return null
  if (typeof v === 'string') return v.trim() ? v : null
  if (Array.isArray(v)) {
    for (const item of v) {
      const s = firstString(item, depth + 1)
      if (s) return s
    }
    return null
  }
  if (isRecord(v)) {
    // `detail` first: the 412 shape is {errors: {detail: ["<why>"]}}.
    const keys = Object.keys(v).sort((a, b) => (a === 'detail' ? -1 : b === 'detail' ? 1 : 0))
    for (const k of keys) {
      const s = firstString(v[k], depth + 1)
      if (s) return s
    }
  }
  return null
}

/** message (unless generic) › errors string › first string inside errors › detail › null (caller uses status text). */
export function messageOf(body: unknown): string | null {
  if (!isRecord(body)) return null
  const message = typeof body['message'] === 'string' ? body['message'].trim() : ''
  if (message && !isGeneric(message)) return message
  const errors = body['errors']
  if (typeof errors === 'string' && errors.trim()) return errors.trim()
  if (isRecord(errors) || Array.isArray(errors)) {
    const s = firstString(errors)
    if (s) return s.trim()
  }
  if (typeof body['detail'] === 'string' && body['detail'].trim()) return body['detail'].trim()
  return message || null
}

export interface Failure {
  /** The status that best describes the failure: HTTP status, else the body's code/status_code. */
  status: number
  message: string | null
}

/** Failed if status ≥ 300 (a redirect is never followed, so it is never a success), errors===true, code ≥ 400, status_code ≥ 400, a bare {detail}, or a bare {status ≥ 400}. */
export function detectFailure(httpStatus: number, body: unknown): Failure | null {
  const message = messageOf(body)
  if (httpStatus >= 300) return { status: httpStatus, message }
  if (!isRecord(body)) return null
  const code = statusLike(body['code'])
  if (code !== null && code >= 400) return { status: code, message }
  const statusCode = statusLike(body['status_code'])
  if (statusCode !== null && statusCode >= 400) return { status: statusCode, message }
  // committed settings reply {status, message} is not enveloped; a failing one would say so in `status`.
  const bareStatus = 'code' in body ? null : statusLike(body['status'])
  if (bareStatus !== null && bareStatus >= 400) return { status: bareStatus, message }
  if (body['errors'] === true) return { status: httpStatus, message }
  if (typeof body['detail'] === 'string' && !('data' in body) && !('code' in body))
    return { status: httpStatus, message }
  return null
}

/** Visible text of an HTML (or any non-JSON) body, at most `max` characters. */
export function textSnippet(text: string, max = 200): string {
  const plain = text
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain
}

export function jsonSnippet(value: unknown, max = 200): string {
  let s: string
  try {
    s = JSON.stringify(value) ?? String(value)
  } catch {
    s = String(value)
  }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

export { isRecord }
