// Small seeded PRNG (mulberry32): the simulator must never use Math.random, so seeds replay exactly.
export interface Prng {
  next(): number
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  hex(length: number): string
}

export function hashString(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)]
      if (item === undefined) throw new Error('pick from empty list')
      return item
    },
    hex(length: number): string {
      let out = ''
      while (out.length < length) out += int(0, 15).toString(16)
      return out
    }
  }
}

export function uuidFrom(prng: Prng): string {
  const h = prng.hex(32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-9${h.slice(17, 20)}-${h.slice(20, 32)}`
}
