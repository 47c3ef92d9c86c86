// JWT-looking tokens: the app decodes the payload's `exp` (seconds) to warn before expiry; the signature is noise.
import type { Prng } from './prng'

const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url')

export function makeJwt(prng: Prng, expMs: number, subject: string): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: prng.hex(16) }))
  const payload = b64url(
    JSON.stringify({
      exp: Math.floor(expMs / 1000),
      iat: Math.floor(expMs / 1000) - 365 * 86_400,
      jti: prng.hex(32),
      iss: 'https://api.e2enetworks.com/auth/realms/apiman',
      typ: 'Bearer',
      azp: 'apiman',
      sub: subject
    })
  )
  const signature = Buffer.from(prng.hex(128), 'hex').toString('base64url')
  return `${header}.${payload}.${signature}`
}

/** exp in ms from a JWT payload, or null when unreadable (hand-made tokens in tests). */
export function jwtExpMs(token: string): number | null {
  const part = token.split('.')[1]
  if (!part) return null
  try {
    const payload: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    if (payload && typeof payload === 'object' && 'exp' in payload && typeof payload.exp === 'number')
      return payload.exp * 1000
  } catch {
    return null
  }
  return null
}
