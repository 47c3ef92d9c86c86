import { describe, expect, it } from 'vitest'
import { initialValues, tokenExpiry, validate } from './profile-form.model'

const NOW = Date.parse('2026-12-01T12:00:00Z')
const jwt = (exp: number) =>
  `${btoa(JSON.stringify({ alg: 'RS256' }))}.${btoa(JSON.stringify({ exp, sub: 'someone-ü' }))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')}.c2lnbmF0dXJl`
const values = (authToken: string) => ({
  ...initialValues(undefined, 0),
  name: 'Prod',
  projectId: '51734',
  apiKey: 'aaaa1111-2222-3333-4444-55556666a1b2',
  authToken
})

describe('the auth token is checked as it is typed', () => {
  it('reads exp from an unpadded base64url payload; null for anything else', () => {
    expect(tokenExpiry(jwt(1_800_000_000))?.toISOString()).toBe('2027-01-15T08:00:00.000Z')
    expect(tokenExpiry('not-a-jwt-at-all-but-long')).toBeNull()
    expect(tokenExpiry('a.%%%.b')).toBeNull()
  })

  it('an expired token is refused on its field, with the date and where to get a new one', () => {
    const expired = jwt(Math.floor(NOW / 1000) - 3 * 86_400)
    expect(validate(values(expired), false, undefined, NOW).authToken).toBe(
      'This token expired on 28 November 2026. Create a new one in MyAccount → API & IAM.'
    )
    expect(validate(values(jwt(Math.floor(NOW / 1000) + 86_400)), false, undefined, NOW).authToken).toBeUndefined()
    // On edit a blank token keeps the stored one: nothing to check.
    expect(validate(values(''), true, undefined, NOW).authToken).toBeUndefined()
  })
})
