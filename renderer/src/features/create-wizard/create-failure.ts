// Turns a failed create into what the user must know first: was the node made or not, and is Retry safe.
import { formatDuration } from '../../lib/format'
import type { AppError } from '../../lib/ipc'

export type CreateFailureKind = 'not_created' | 'unknown'

export interface CreateFailure {
  kind: CreateFailureKind
  title: string
  detail: string
  /** Retry sends the same requestId, so main answers with the first call's node if there was one. */
  canRetry: boolean
  /** The problem is in a choice the user made: offer to go back to the options. */
  fixInOptions: boolean
}

const AMBIGUOUS = new Set(['TIMEOUT', 'SERVER', 'RATE_LIMITED', 'NETWORK', 'INTERNAL', 'INVALID_REPLY'])

export const UNKNOWN_TITLE = 'We could not tell whether the node was created. Check the node list before retrying.'
export const NOT_CREATED_TITLE = 'The node was not created.'

export function describeCreateFailure(error: AppError): CreateFailure {
  const outcome = error.data.createOutcome ?? (AMBIGUOUS.has(error.code) ? 'unknown' : 'not_created')
  const reason = reasonFor(error)
  if (outcome === 'unknown') {
    return { kind: 'unknown', title: UNKNOWN_TITLE, detail: reason, canRetry: true, fixInOptions: false }
  }
  const fixInOptions = error.code === 'VALIDATION' || error.code === 'CONFLICT' || error.code === 'PRECONDITION'
  return {
    kind: 'not_created',
    title: NOT_CREATED_TITLE,
    detail: reason,
    // Nothing was made, so repeating is harmless; a refused choice needs a change first, not a retry.
    canRetry: !fixInOptions,
    fixInOptions
  }
}

/**
 * Main refused a repeat of this attempt because it is still checking whether the first one made the node. Its
 * message carries a countdown frozen at the time of the refusal; the window shows main's check instead.
 */
export function isCheckingRefusal(error: AppError): boolean {
  return error.code === 'PRECONDITION' && error.data.createOutcome === 'unknown'
}

function reasonFor(error: AppError): string {
  switch (error.code) {
    case 'RATE_LIMITED': {
      const wait = error.data.retryAfterMs ? ` Wait ${formatDuration(error.data.retryAfterMs)} before retrying.` : ''
      return `E2E is limiting requests right now.${wait}`
    }
    case 'TIMEOUT':
      return 'E2E did not answer in time.'
    case 'NETWORK':
      return 'Nodetray could not reach E2E. Check your internet connection.'
    case 'SERVER':
      return 'E2E had a server error.'
    case 'NO_CREDIT':
      return 'Your E2E account does not have enough credit for this order. Add credit in MyAccount, then retry.'
    case 'AUTH':
    case 'FORBIDDEN':
      return `${error.message} Check this profile's API key and token (they need write access).`
    default:
      return error.message
  }
}
