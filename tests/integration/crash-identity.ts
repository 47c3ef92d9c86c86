// How the crash writer and its parent name a version of profiles.json: by its profile names, in file order.
import { createHash } from 'node:crypto'

export function namesHash(names: readonly string[]): string {
  return createHash('sha1').update(JSON.stringify(names)).digest('hex').slice(0, 16)
}

/** Highest generation number in any profile name ("Gen 12", "Extra 40"). */
export function generationOf(names: readonly string[]): number {
  return names.reduce((max, n) => Math.max(max, Number(/(\d+)$/.exec(n)?.[1] ?? 0)), 0)
}
