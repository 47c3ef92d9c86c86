// Errors cross IPC as plain data. The renderer maps `code` to a typed error; nobody branches on message text.
export const ERROR_CODES = [
  'VALIDATION', // input failed a schema; `field` names the first bad field
  'AUTH', // API key or token rejected (401/403), or token expired
  'FORBIDDEN', // authenticated but not allowed (read-only token, account limits)
  'PRECONDITION', // 412: the node's state does not allow this
  'NOT_FOUND',
  'RATE_LIMITED', // 429; `retryAfterMs` says how long to wait
  'SERVER', // 5xx
  'NETWORK', // connection refused, dropped, DNS
  'TIMEOUT',
  'INVALID_REPLY', // the API answered something we cannot read
  'CANCELLED',
  'NO_CREDIT',
  'CONFLICT', // e.g. a profile name already taken
  'KEYCHAIN_UNAVAILABLE', // the OS keychain cannot be used; `hint` says what to install or unlock
  'STORAGE', // the profile file could not be read or written
  'UNTRUSTED_SENDER',
  'NOT_AVAILABLE', // e.g. a native dialog in a host that has none
  'INTERNAL'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** What a create that failed ambiguously knows about the node it asked for. */
export type CreateOutcome = 'not_created' | 'unknown'

export interface AppErrorData {
  code: ErrorCode
  message: string
  /** Dotted path of the first invalid input field (VALIDATION). */
  field?: string
  issues?: { field: string; message: string }[]
  /** HTTP status when the error came from the API. */
  status?: number
  /** Safe to retry the same call as it is. */
  retryable?: boolean
  retryAfterMs?: number
  /** What the user can do about it (install libsecret, unlock the keyring, ...). */
  hint?: string
  createOutcome?: CreateOutcome
}

/** Why a profile's node list is stale, in words the banner can use. */
export type StaleReason = 'offline' | 'rate_limited' | 'auth' | 'server' | 'timeout' | 'invalid_reply' | 'other'

export function staleReasonFor(code: ErrorCode): StaleReason {
  switch (code) {
    case 'NETWORK':
      return 'offline'
    case 'TIMEOUT':
      return 'timeout'
    case 'RATE_LIMITED':
      return 'rate_limited'
    case 'AUTH':
    case 'FORBIDDEN':
      return 'auth'
    case 'SERVER':
      return 'server'
    case 'INVALID_REPLY':
      return 'invalid_reply'
    default:
      return 'other'
  }
}
