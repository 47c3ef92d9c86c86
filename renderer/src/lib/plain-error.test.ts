import { describe, expect, it } from 'vitest'
import { looksTechnical, plainError, plainErrorText } from './plain-error'

describe('plainError', () => {
  it('never shows an API path or status code in the sentence; keeps them as technical detail', () => {
    const p = plainError({
      code: 'SERVER',
      message: 'E2E’s API had a problem (503) on PUT nodes/48004/actions/. Try again shortly.',
      status: 503
    })
    expect(p.sentence).toBe('E2E’s service had a problem.')
    expect(p.todo).toBe('Try again in a minute.')
    expect(p.technical).toMatch(/PUT nodes\/48004\/actions\//)
  })
  it('names offline, rejected credentials and rate limits in plain words', () => {
    expect(plainError({ code: 'NETWORK', message: 'connect ECONNREFUSED' }).sentence).toBe('Nodetray can’t reach E2E.')
    expect(plainError({ code: 'AUTH', message: 'E2E rejected the API key or token (401).', status: 401 }).todo).toBe(
      'Open Profiles and update the credentials.'
    )
    expect(plainError({ code: 'RATE_LIMITED', message: '429', status: 429, retryAfterMs: 90_000 }).todo).toBe(
      'Try again in 2 min.'
    )
    expect(plainError({ code: 'NOT_FOUND', message: 'Not found on E2E (404).', status: 404 }).sentence).toBe(
      'E2E no longer has this.'
    )
  })
  it('never tells a demo profile to update credentials it cannot change', () => {
    const rejected = { code: 'AUTH' as const, message: 'E2E rejected the API key or token (401).', status: 401 }
    const demo = plainError(rejected, { demo: true })
    expect(demo.sentence).toBe('The demo sandbox stopped accepting requests.')
    expect(demo.todo).toBe('Restart Nodetray for a fresh demo.')
    expect(demo.technical).toMatch(/401/)
    expect(
      plainErrorText({ code: 'FORBIDDEN', message: 'no', status: 403, hint: 'Use a write token.' }, { demo: true })
    ).toBe('The demo sandbox stopped accepting requests. Restart Nodetray for a fresh demo.')
    // Other codes keep their words on the demo too.
    expect(plainError({ code: 'NETWORK', message: 'x' }, { demo: true }).sentence).toBe('Nodetray can’t reach E2E.')
  })
  it('keeps main’s own words when they are already plain, and its hint as what to do', () => {
    const own = plainError({ code: 'VALIDATION', message: 'The name must be 3 to 50 characters.', field: 'name' })
    expect(own).toEqual({ sentence: 'The name must be 3 to 50 characters.', todo: '', technical: null })
    const kc = plainError({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: 'No Secret Service',
      hint: 'Install gnome-keyring.'
    })
    expect(kc.todo).toBe('Install gnome-keyring.')
    // A VALIDATION relayed from the API (it has a status) gets the canned sentence.
    expect(plainError({ code: 'VALIDATION', message: 'E2E rejected the request (400).', status: 400 }).sentence).toBe(
      'E2E didn’t accept these values.'
    )
  })
  it('spots machinery in a message', () => {
    expect(looksTechnical('PUT nodes/48004/actions/')).toBe(true)
    expect(looksTechnical('answered (503)')).toBe(true)
    expect(looksTechnical('The node is locked; unlock it first')).toBe(false)
    expect(plainErrorText({ code: 'TIMEOUT', message: 'x' })).toBe('E2E didn’t answer in time. Try again in a moment.')
  })
  it('credentials typed into a form get the form’s advice; a saved profile’s get "update the credentials"', () => {
    const refused = { code: 'AUTH' as const, message: 'E2E rejected the API key or token (401).', status: 401 }
    expect(plainError(refused).todo).toBe('Open Profiles and update the credentials.')
    expect(plainError(refused, { typedCredentials: true })).toMatchObject({
      sentence: 'E2E didn’t accept this API key and auth token.',
      todo: 'Copy both again from MyAccount → API, then check again.'
    })
    // The demo's advice wins: its credentials are Nodetray's own.
    expect(plainError(refused, { typedCredentials: true, demo: true }).todo).toBe('Restart Nodetray for a fresh demo.')
    // Other errors are unchanged.
    expect(plainError({ code: 'NETWORK', message: 'x' }, { typedCredentials: true }).sentence).toBe(
      'Nodetray can’t reach E2E.'
    )
  })
})
