// Failure detection, message rules and error mapping, on the error bodies docs/e2e-api.md#errors-and-status-codes
// lists.
import { describe, expect, it } from 'vitest'
import { detectFailure, messageOf, parseBody, textSnippet } from './envelope'
import { fromHttpFailure, parseRetryAfter } from './errors.map'

const scrub = (t: string): string => t
const map = (method: string, status: number, serverText: string | null, retryAfterMs?: number) =>
  fromHttpFailure({
    method,
    path: 'nodes/',
    status,
    serverText,
    scrub,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {})
  }).data

describe('detectFailure', () => {
  it('passes a normal envelope and the bare committed-settings reply', () => {
    expect(detectFailure(200, { code: 200, data: [], errors: {}, message: 'Success' })).toBeNull()
    expect(detectFailure(200, { status: 200, message: 'Updated Successfully' })).toBeNull()
    expect(detectFailure(200, { code: 200, data: {} })).toBeNull()
    expect(detectFailure(200, null)).toBeNull()
  })
  it('finds every failure form of the error table', () => {
    expect(detectFailure(401, { detail: 'Authentication credentials were not provided.' })).toEqual({
      status: 401,
      message: 'Authentication credentials were not provided.'
    })
    expect(detectFailure(400, { code: 400, data: {}, errors: 'name is required', message: 'Bad Request' })).toEqual({
      status: 400,
      message: 'name is required'
    })
    expect(detectFailure(200, { status_code: 429, errors: 'Request was throttled.' })).toEqual({
      status: 429,
      message: 'Request was throttled.'
    })
    expect(detectFailure(200, { status_code: 400, message: 'Invalid request' })).toEqual({
      status: 400,
      message: 'Invalid request'
    })
    expect(
      detectFailure(412, {
        code: 412,
        data: {},
        errors: { detail: ['Node must be powered off'] },
        message: 'Bad state'
      })
    ).toEqual({ status: 412, message: 'Bad state' })
    expect(detectFailure(200, { errors: true, message: 'Something failed inside' })).toEqual({
      status: 200,
      message: 'Something failed inside'
    })
    expect(detectFailure(200, { code: '500', data: {} })?.status).toBe(500)
    expect(detectFailure(200, { detail: 'Not allowed' })).toEqual({ status: 200, message: 'Not allowed' })
    expect(detectFailure(200, { status: 400, message: 'committed_plan is required' })?.status).toBe(400)
  })
})

describe('messageOf', () => {
  it('skips generic messages and digs into errors', () => {
    expect(messageOf({ message: 'Bad Request', errors: { detail: ['disk must be between 75 and 2400 GB'] } })).toBe(
      'disk must be between 75 and 2400 GB'
    )
    expect(messageOf({ message: 'OK', errors: 'why' })).toBe('why')
    expect(messageOf({ message: 'OK', errors: {} })).toBe('OK')
    expect(messageOf({ detail: 'Invalid token' })).toBe('Invalid token')
    expect(messageOf('text')).toBeNull()
  })
})

describe('non-JSON bodies', () => {
  it('strips tags and keeps at most 200 characters', () => {
    const page = `<!doctype html><html><head><title>429 Too Many Requests</title><style>p{}</style></head><body><h1>Too Many</h1><p>${'x'.repeat(500)}</p></body></html>`
    expect(parseBody(page).ok).toBe(false)
    const s = textSnippet(page)
    expect(s.startsWith('429 Too Many Requests Too Many x')).toBe(true)
    expect(s).not.toContain('<')
    expect(s.length).toBeLessThanOrEqual(200)
    expect(parseBody('')).toEqual({ ok: true, value: null })
  })
})

describe('error mapping', () => {
  it('maps statuses to codes with status and retryable set', () => {
    expect(map('GET', 401, 'Invalid API key or token.')).toMatchObject({
      code: 'AUTH',
      status: 401,
      retryable: false,
      message: "E2E rejected the API key or token (401). Check the profile's credentials."
    })
    expect(map('GET', 401, 'Given token not valid for any token type: token has expired.')).toMatchObject({
      code: 'AUTH',
      message: expect.stringContaining('expired')
    })
    expect(map('POST', 403, 'You do not have permission to perform this action.')).toMatchObject({
      code: 'FORBIDDEN',
      hint: expect.stringContaining('read-only')
    })
    expect(map('GET', 403, 'You do not have permission to perform this action.').code).toBe('AUTH')
    expect(map('GET', 403, 'Your account is not approved yet')).toMatchObject({
      code: 'AUTH',
      message: expect.stringContaining('not approved')
    })
    expect(map('PUT', 412, 'Node must be powered off')).toMatchObject({
      code: 'PRECONDITION',
      message: 'E2E refused: Node must be powered off'
    })
    expect(map('GET', 404, null).code).toBe('NOT_FOUND')
    expect(map('GET', 400, 'Node not found').code).toBe('NOT_FOUND')
    expect(map('POST', 500, 'Image template not found')).toMatchObject({ code: 'SERVER', retryable: true })
    expect(map('GET', 429, null)).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 30_000, retryable: true })
    expect(map('GET', 429, null, 90_000).retryAfterMs).toBe(90_000)
    expect(map('GET', 429, null, 5_000).retryAfterMs).toBe(30_000)
    expect(map('GET', 502, 'Bad Gateway')).toMatchObject({ code: 'SERVER', status: 502, retryable: true })
    expect(map('POST', 400, 'Insufficient credit balance: this order needs Rs. 4000')).toMatchObject({
      code: 'NO_CREDIT'
    })
    expect(map('POST', 400, 'name is required')).toMatchObject({
      code: 'VALIDATION',
      message: 'E2E rejected the request (400). E2E said: "name is required"'
    })
    expect(map('GET', 200, 'Something went wrong.')).toMatchObject({ code: 'SERVER', status: 200 })
  })
  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('120')).toBe(120_000)
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 1)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(60_000)
    expect(parseRetryAfter(undefined)).toBeNull()
  })
})
