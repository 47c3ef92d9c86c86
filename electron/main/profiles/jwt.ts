// Reads a JWT's `exp` claim to warn before a token expires. No signature check: the API verifies tokens;
// this only decides what to show and whether a call is pointless.
import { z } from 'zod'

const Payload = z.object({ exp: z.number().finite().positive() })

/** The token's expiry, or null when it is not a JWT or has no readable `exp`. */
export function readJwtExpiry(token: string): Date | null {
  const part = token.split('.')[1]
  if (!part) return null
  try {
    const json: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    const parsed = Payload.safeParse(json)
    if (!parsed.success) return null
    const d = new Date(parsed.data.exp * 1000)
    return Number.isNaN(d.getTime()) ? null : d
  } catch {
    return null
  }
}
