// Lenient zod building blocks for E2E replies: numbers arrive as strings ("8", "16 GB", "16.00"), IPs as
// "", null, "[]" or "--", booleans sometimes as strings. Optional fields never fail a parse; they become null.
import { z } from 'zod'

/** "8" → 8, "16 GB" → 16, "16.00" → 16, 5.4 → 5.4; anything else → null. */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v !== 'string') return null
  const m = /-?\d+(?:\.\d+)?/.exec(v.replace(/,/g, ''))
  return m ? Number(m[0]) : null
}

export function toText(v: unknown): string | null {
  if (typeof v === 'string') return v
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return null
}

const EMPTY_MARKERS = new Set(['', '[]', '--', '-', 'none', 'null', 'n/a'])

/** docs/e2e-api.md#value-quirks: no public IP is "", null, "[]" or "--". */
export function toIp(v: unknown): string | null {
  const s = toText(v)?.trim()
  if (!s || EMPTY_MARKERS.has(s.toLowerCase())) return null
  return s
}

export function toBool(v: unknown): boolean {
  if (typeof v === 'string') return v.toLowerCase() === 'true' || v === '1'
  return v === true || v === 1
}

export const num = z.unknown().optional().transform(toNumber)
export const text = z.unknown().optional().transform(toText)
export const ip = z.unknown().optional().transform(toIp)
export const bool = z.unknown().optional().transform(toBool)
/** Absent or unreadable arrays become []; items are parsed by the caller. */
export const list = z
  .unknown()
  .optional()
  .transform((v): unknown[] => (Array.isArray(v) ? v : []))

/** Required integer id that may come as a digit string ("48213"). */
export const intId = z.union([z.number().int(), z.string().regex(/^\s*\d+\s*$/)]).transform((v) => Number(v))

/** Parse each item with `schema`, dropping the ones that cannot be read (one odd row must not hide the rest). */
export function parseItems<T>(items: unknown[], schema: z.ZodType<T>): T[] {
  const out: T[] = []
  for (const item of items) {
    const r = schema.safeParse(item)
    if (r.success) out.push(r.data)
  }
  return out
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const IST_OFFSET_MS = 330 * 60_000

/** "21-January-2027 14:05" (or "07-Mar-2025"), read as India time → ISO UTC. ISO input passes through. */
export function parseIstDate(raw: string | null): string | null {
  if (!raw) return null
  const m = /^\s*(\d{1,2})-([A-Za-z]+)-(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(raw)
  if (m) {
    const month = MONTHS.indexOf((m[2] ?? '').slice(0, 3).toLowerCase())
    if (month < 0) return null
    const ms = Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0))
    const d = new Date(ms - IST_OFFSET_MS)
    return Number.isNaN(d.getTime()) ? null : d.toISOString()
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(raw)) {
    const d = new Date(raw)
    return Number.isNaN(d.getTime()) ? null : d.toISOString()
  }
  return null
}
