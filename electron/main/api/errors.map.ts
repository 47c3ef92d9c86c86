// API failures → DomainError with a message a user understands. Every piece of server text passes through
// `scrub` first: servers do echo back query strings and headers.
import { DomainError } from '../errors'

export const RATE_LIMIT_FLOOR_MS = 30_000

export interface HttpFailureInput {
  method: string
  /** Path relative to the API base, no query string. */
  path: string
  status: number
  /** Server text (message rules of docs/e2e-api.md#errors-and-status-codes, or an HTML snippet), not yet scrubbed. */
  serverText: string | null
  retryAfterMs?: number | null
  scrub: (text: string) => string
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH'])

function said(text: string | null): string {
  return text ? ` E2E said: "${text}"` : ''
}

function seconds(ms: number): number {
  return Math.ceil(ms / 1000)
}

export function fromHttpFailure(input: HttpFailureInput): DomainError {
  const { method, path, status } = input
  const text = input.serverText ? input.scrub(input.serverText).slice(0, 300) : null
  const lower = (text ?? '').toLowerCase()
  const where = `${method} ${path}`
  const isWrite = WRITE_METHODS.has(method)

  if (status >= 300 && status < 400) {
    // Redirects are never followed (they would carry the key elsewhere), so nothing was confirmed.
    return new DomainError(
      'SERVER',
      `E2E answered ${where} with a redirect (${status}); Nodetray does not follow redirects with your key, so nothing was confirmed.`,
      { status, retryable: true }
    )
  }
  if (status === 401 || status === 403) {
    if (status === 403 && isWrite && lower.includes('permission')) {
      return new DomainError(
        'FORBIDDEN',
        `E2E refused this change (403): the token is not allowed to make it.${said(text)}`,
        {
          status,
          retryable: false,
          hint: 'The API token may be read-only. Create a token with Write access in MyAccount → API & IAM and update the profile.'
        }
      )
    }
    if (lower.includes('expired')) {
      return new DomainError(
        'AUTH',
        `The API token has expired (${status}). Create a new token in MyAccount → API & IAM and update the profile.`,
        {
          status,
          retryable: false
        }
      )
    }
    if (status === 403 && text && !lower.includes('credential') && !lower.includes('invalid')) {
      // 403 can also mean "account not approved" or "limit reached" (SKILLS): show E2E's words.
      return new DomainError('AUTH', `E2E refused access (403).${said(text)}`, { status, retryable: false })
    }
    return new DomainError('AUTH', `E2E rejected the API key or token (${status}). Check the profile's credentials.`, {
      status,
      retryable: false
    })
  }
  if (status === 429) {
    const wait = Math.max(RATE_LIMIT_FLOOR_MS, input.retryAfterMs ?? 0)
    return new DomainError(
      'RATE_LIMITED',
      `E2E is limiting requests (429). Wait about ${seconds(wait)} s before trying again.`,
      {
        status,
        retryable: true,
        retryAfterMs: wait
      }
    )
  }
  if (status === 412) {
    return new DomainError(
      'PRECONDITION',
      text ? `E2E refused: ${text}` : "E2E refused: the node's current state does not allow this (412).",
      {
        status,
        retryable: false
      }
    )
  }
  // Only a 4xx says the thing is missing: a 5xx whose text says "not found" is a server fault whose outcome is unknown.
  if (status === 404 || (status < 500 && lower.includes('not found'))) {
    return new DomainError('NOT_FOUND', `Not found on E2E (${status}).${said(text)}`, { status, retryable: false })
  }
  if (status >= 500) {
    return new DomainError(
      'SERVER',
      `E2E's API had a problem (${status}) on ${where}. Try again shortly.${said(text)}`,
      { status, retryable: true }
    )
  }
  if (/insufficient (credit|balance)|credit (balance|limit)|not enough credit/.test(lower)) {
    return new DomainError('NO_CREDIT', `E2E says the account does not have enough credit.${said(text)}`, {
      status,
      retryable: false
    })
  }
  if (status === 409)
    return new DomainError('CONFLICT', `E2E reported a conflict (409).${said(text)}`, { status, retryable: false })
  if (status >= 400) {
    return new DomainError('VALIDATION', `E2E rejected the request (${status}).${said(text)}`, {
      status,
      retryable: false
    })
  }
  // A failure reported inside HTTP 200 (`errors: true`): E2E failed without saying why in a status.
  return new DomainError('SERVER', `E2E reported a failure on ${where}.${said(text)}`, { status, retryable: true })
}

export function invalidReply(
  method: string,
  path: string,
  status: number,
  snippet: string,
  scrub: (t: string) => string
): DomainError {
  const safe = scrub(snippet)
  return new DomainError(
    'INVALID_REPLY',
    `E2E sent a reply Nodetray cannot read (${status}) on ${method} ${path}${safe ? `: ${safe}` : '.'}`,
    {
      status,
      retryable: false
    }
  )
}

/** A reply over the size cap: reading stopped there, so nothing of it is shown. Not retried: it would be as big again. */
export function replyTooLarge(method: string, path: string, maxBytes: number): DomainError {
  return new DomainError(
    'INVALID_REPLY',
    `E2E sent a reply larger than ${Math.round(maxBytes / 1024 / 1024)} MB on ${method} ${path}; Nodetray stopped reading it. Try again later; if it keeps happening, the API base URL may not be E2E's.`,
    { retryable: false }
  )
}

/** Node/axios transport error codes → NETWORK / TIMEOUT / CANCELLED. Only the code is read, never the message. */
export function fromTransport(
  kind: 'timeout' | 'cancelled' | 'network',
  method: string,
  path: string,
  timeoutMs: number,
  code?: string
): DomainError {
  if (kind === 'timeout') {
    return new DomainError('TIMEOUT', `E2E did not answer within ${seconds(timeoutMs)} s (${method} ${path}).`, {
      retryable: true
    })
  }
  if (kind === 'cancelled') return new DomainError('CANCELLED', 'The request was cancelled.', { retryable: false })
  const why =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? 'the API host name could not be resolved'
      : code === 'ECONNREFUSED'
        ? 'the connection was refused'
        : code === 'ECONNRESET' || code === 'EPIPE'
          ? 'the connection was dropped'
          : code && /CERT|SSL|TLS/i.test(code)
            ? "the server's certificate was not accepted"
            : 'the network request failed'
  return new DomainError('NETWORK', `Could not reach E2E: ${why} (${method} ${path}). Check the connection.`, {
    retryable: true
  })
}

/** Retry-After: seconds or an HTTP date. */
export function parseRetryAfter(header: unknown, now = Date.now()): number | null {
  if (typeof header !== 'string' || !header.trim()) return null
  const secs = Number(header)
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000)
  const at = Date.parse(header)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}
