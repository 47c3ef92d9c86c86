import { describe, expect, it } from 'vitest'
import { makeProfile } from '../../../../tests/support/builders'
import { initialValues, sameProjectProfiles, tokenExpiry, validate } from './profile-form.model'

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

describe('other profiles of the same project', () => {
  const prod = makeProfile({ id: 'p1', name: 'Prod', projectId: '51704', location: 'Delhi' })
  const form = (over: Partial<Parameters<typeof sameProjectProfiles>[1]> = {}) => ({
    projectId: '51704',
    location: 'Delhi' as const,
    apiBaseUrl: '',
    ...over
  })

  it('finds them however the project id and address are typed', () => {
    expect(sameProjectProfiles([prod], form({ projectId: '051704' }))).toEqual([prod])
    expect(
      sameProjectProfiles([prod], form({ apiBaseUrl: 'https://API.e2enetworks.com:443/myaccount/api/v1/' }))
    ).toEqual([prod])
  })

  it('not another project, location or address, not the profile being edited, not the demo', () => {
    expect(sameProjectProfiles([prod], form({ projectId: '51705' }))).toEqual([])
    expect(sameProjectProfiles([prod], form({ location: 'Chennai' }))).toEqual([])
    expect(sameProjectProfiles([prod], form({ apiBaseUrl: 'https://e2e.example.test/v1' }))).toEqual([])
    expect(sameProjectProfiles([prod], form(), 'p1')).toEqual([])
    expect(sameProjectProfiles([{ ...prod, id: 'demo', isDemo: true }], form())).toEqual([])
    expect(sameProjectProfiles([prod], form({ projectId: '' }))).toEqual([])
  })
})
