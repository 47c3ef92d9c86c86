// The demo account's API key and token are made fresh for every simulator run from the OS's random source, so no
// constant credential ships in the app (anything else local could otherwise drive the demo simulator with it).
// The rest of the demo world stays seeded and replays exactly.
import { randomInt, randomUUID } from 'node:crypto'
import type { Prng } from './prng'
import { makeJwt } from './tokens'

export interface DemoCredentials {
  apiKey: string
  authToken: string
}

/** The Prng interface over crypto.randomInt, for the token's random parts. */
function cryptoPrng(): Prng {
  const int = (min: number, max: number): number => randomInt(min, max + 1)
  return {
    next: () => randomInt(0, 2 ** 32) / 2 ** 32,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)]
      if (item === undefined) throw new Error('pick from empty list')
      return item
    },
    hex: (length: number) => Array.from({ length }, () => int(0, 15).toString(16)).join('')
  }
}

export function freshDemoCredentials(nowMs: number): DemoCredentials {
  return { apiKey: randomUUID(), authToken: makeJwt(cryptoPrng(), nowMs + 365 * 86_400_000, randomUUID()) }
}
