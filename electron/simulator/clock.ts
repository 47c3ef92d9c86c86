// Virtual clock: follows real time (so 'fast' demo transitions complete on their own) plus any advanceClock offset.
// It starts at a fixed epoch so seeded data (created_at, token exp) is identical run to run.
export const VIRTUAL_EPOCH_MS = Date.UTC(2026, 1, 3, 8, 0, 0)

export class VirtualClock {
  /** The demo passes today's date so its ages and term ends read right in the app; tests keep the fixed epoch. */
  constructor(private readonly epochMs: number = VIRTUAL_EPOCH_MS) {}
  private realStart = Date.now()
  private offsetMs = 0
  /** while seeding, time stands still so seeded timestamps do not depend on how fast the machine is */
  private frozen = false

  now(): number {
    return this.epochMs + (this.frozen ? 0 : Date.now() - this.realStart) + this.offsetMs
  }

  freeze(): void {
    this.frozen = true
    this.offsetMs = 0
  }

  resume(): void {
    this.frozen = false
    this.realStart = Date.now()
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('advanceClock needs a non-negative number of ms')
    this.offsetMs += ms
    return this.now()
  }
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3))
const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** ISO with microseconds, as the API sends: 2026-02-03T07:41:09.118204Z */
export function isoMicros(ms: number): string {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 23)}${pad(((Math.floor(ms) % 7) * 111) % 1000, 3)}Z`
}
/** 07-Mar-2025 */
export function dayMonYear(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getUTCDate())}-${SHORT_MONTHS[d.getUTCMonth()] ?? ''}-${d.getUTCFullYear()}`
}
/** 14-08-2025 09:12 (withSeconds: 02-12-2025 16:40:07) */
export function dmyTime(ms: number, withSeconds = false): string {
  const d = new Date(ms)
  const base = `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  return withSeconds ? `${base}:${pad(d.getUTCSeconds())}` : base
}
const IST_OFFSET_MS = 5.5 * 3_600_000

/** 21-January-2027 14:05, in India time like E2E's own dates (docs/e2e-api.md): not UTC. */
export function longDate(ms: number): string {
  const d = new Date(ms + IST_OFFSET_MS)
  return `${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()] ?? ''}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
