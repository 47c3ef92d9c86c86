// A typed error in plain words: one short sentence saying what happened, one saying what to do, and the technical
// message (which may name an API path or a status code) kept apart for a disclosure. Branches on `code` only.
import type { AppErrorData, ErrorCode } from '../../../shared/domain/errors'
import { formatDuration } from './format'

export interface PlainError {
  /** What happened, e.g. "E2E's service had a problem." */
  sentence: string
  /** What the user can do, e.g. "Try again in a minute." Empty when there is nothing to do. */
  todo: string
  /** Main's message when it says more than the sentence (shown only inside a disclosure); null otherwise. */
  technical: string | null
}

type Words = { sentence: string; todo: string }

const CANNED: Record<ErrorCode, Words> = {
  NETWORK: {
    sentence: 'Nodetray can’t reach E2E.',
    todo: 'Check your internet connection, then try again.'
  },
  TIMEOUT: { sentence: 'E2E didn’t answer in time.', todo: 'Try again in a moment.' },
  RATE_LIMITED: { sentence: 'E2E is limiting requests right now.', todo: 'Wait a minute, then try again.' },
  AUTH: {
    sentence: 'E2E rejected this profile’s API key or auth token.',
    todo: 'Open Profiles and update the credentials.'
  },
  FORBIDDEN: {
    sentence: 'E2E didn’t allow this with this profile’s token.',
    todo: 'Use a token with write access (MyAccount → API & IAM) and update the profile.'
  },
  PRECONDITION: {
    sentence: 'E2E refused: the node’s current state doesn’t allow this.',
    todo: 'Wait until the node settles, then try again.'
  },
  NOT_FOUND: {
    sentence: 'E2E no longer has this.',
    todo: 'It may have been deleted; the list catches up on the next refresh.'
  },
  SERVER: { sentence: 'E2E’s service had a problem.', todo: 'Try again in a minute.' },
  INVALID_REPLY: {
    sentence: 'E2E sent a reply Nodetray can’t read.',
    todo: 'Try again; if it keeps happening, the log has the details.'
  },
  CANCELLED: { sentence: 'Cancelled.', todo: '' },
  NO_CREDIT: {
    sentence: 'The E2E account doesn’t have enough credit.',
    todo: 'Add credit in MyAccount, then try again.'
  },
  CONFLICT: { sentence: 'That clashes with something that already exists.', todo: 'Choose another name or value.' },
  VALIDATION: { sentence: 'E2E didn’t accept these values.', todo: 'Check them and try again.' },
  KEYCHAIN_UNAVAILABLE: {
    sentence: 'The system keychain can’t be used right now.',
    todo: 'Unlock your keychain, then try again.'
  },
  STORAGE: {
    sentence: 'Nodetray couldn’t read or save its profiles file.',
    todo: 'Check free disk space and folder permissions.'
  },
  UNTRUSTED_SENDER: { sentence: 'This window isn’t allowed to do that.', todo: 'Restart Nodetray.' },
  NOT_AVAILABLE: { sentence: 'That isn’t available here.', todo: '' },
  INTERNAL: { sentence: 'Something went wrong inside Nodetray.', todo: 'Try again; restart Nodetray if it persists.' }
}

/** Codes whose message main writes itself for people (not relayed from the API) when no HTTP status came with it. */
const OWN_WORDS = new Set<ErrorCode>([
  'VALIDATION',
  'CONFLICT',
  'PRECONDITION',
  'NOT_FOUND',
  'KEYCHAIN_UNAVAILABLE',
  'NOT_AVAILABLE',
  'NO_CREDIT',
  'CANCELLED'
])

/** "PUT nodes/48004/actions/", "(503)", "https://…": a message that shows machinery, not words. */
const TECHNICAL = /\b(GET|POST|PUT|DELETE|PATCH)\b|\(\d{3}\)|https?:\/\/|\b[a-z_-]+\/\d+\/|[a-z_]+:[a-z-]+\b/

export function looksTechnical(message: string): boolean {
  return TECHNICAL.test(message)
}

/** The demo sandbox's credentials are made by Nodetray, so "update the credentials" would be a dead end there. */
const DEMO_REFUSED: Words = {
  sentence: 'The demo sandbox stopped accepting requests.',
  todo: 'Restart Nodetray for a fresh demo.'
}

/** Credentials typed into a form and checked before they are saved: the fix is in the form, not in Profiles. */
const TYPED_REFUSED: Record<'AUTH' | 'FORBIDDEN', Words> = {
  AUTH: {
    sentence: 'E2E didn’t accept this API key and auth token.',
    todo: 'Copy both again from MyAccount → API, then check again.'
  },
  FORBIDDEN: {
    sentence: 'E2E accepted this token but it can’t read the account’s projects.',
    todo: 'Use a token with access to the project (MyAccount → API & IAM).'
  }
}

export interface PlainErrorContext {
  /** The error came from the demo profile. */
  demo?: boolean
  /** The error answers credentials typed into a form (add or edit a profile, import), not a saved profile's. */
  typedCredentials?: boolean
}

export function plainError(error: AppErrorData | { data: AppErrorData }, context: PlainErrorContext = {}): PlainError {
  const data = 'data' in error ? error.data : error
  const refused = data.code === 'AUTH' || data.code === 'FORBIDDEN'
  const canned =
    refused && context.demo
      ? DEMO_REFUSED
      : refused && context.typedCredentials
        ? TYPED_REFUSED[data.code as 'AUTH' | 'FORBIDDEN']
        : CANNED[data.code]
  const ownWords =
    data.status === undefined && OWN_WORDS.has(data.code) && data.message && !looksTechnical(data.message)
  const sentence = ownWords ? data.message : canned.sentence
  // main's hint speaks of the saved profile; typed credentials and the demo have their own advice.
  let todo = (canned === DEMO_REFUSED || (refused && context.typedCredentials) ? null : data.hint) ?? canned.todo
  if (data.code === 'RATE_LIMITED' && data.retryAfterMs) todo = `Try again in ${formatDuration(data.retryAfterMs)}.`
  if (ownWords && !data.hint) todo = ''
  const technical = data.message && data.message !== sentence ? data.message : null
  return { sentence, todo, technical }
}

/** The sentence and what to do, as one line (for a toast body or a tooltip). */
export function plainErrorText(error: AppErrorData | { data: AppErrorData }, context: PlainErrorContext = {}): string {
  return plainWords(plainError(error, context))
}

/** The sentence and what to do, as one text (a toast's body, a message line). */
export function plainWords(p: PlainError): string {
  return p.todo ? `${p.sentence} ${p.todo}` : p.sentence
}
