import { expect, it } from 'vitest'
import { readJwtExpiry } from './jwt'
import { makeJwt } from '../../../tests/support/profiles-kit'

it('reads exp from the payload without verifying', () => {
  expect(readJwtExpiry(makeJwt({ exp: 1_800_000_000 }))?.toISOString()).toBe('2027-01-15T08:00:00.000Z')
})

it('returns null when there is no readable exp', () => {
  expect(readJwtExpiry('no-dots-here')).toBeNull()
  expect(readJwtExpiry('a.%%%.c')).toBeNull()
  expect(readJwtExpiry(makeJwt({ exp: 'soon' }))).toBeNull()
  expect(readJwtExpiry(makeJwt({ sub: 'x' }))).toBeNull()
  expect(readJwtExpiry(`x.${Buffer.from('[1,2]').toString('base64url')}.y`)).toBeNull()
})
