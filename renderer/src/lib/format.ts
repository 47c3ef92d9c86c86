// Formatters for what the window shows: money in INR, ages ("3 min ago"), dates. Pure so tests can pin `now`.

/** Intl formatters are built on first use: a currency formatter costs 12–17 ms in a fresh page (ICU data), and
 * the node list's first paint needs none of them but the date. */
function lazily<T>(make: () => T): () => T {
  let value: T | undefined
  return () => (value ??= make())
}

const inrWhole = lazily(
  () => new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 })
)
const inrPaise = lazily(
  () =>
    new Intl.NumberFormat('en-IN', {
      style: 'currency',
      currency: 'INR',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2
    })
)

/** A count as the window writes it: "10,000", "1,00,000" (grouped as the rupee amounts are, en-IN). Not an Intl
 * formatter: counts are on the first screen, and a number formatter's first use costs that paint milliseconds. */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n)
  const digits = String(Math.abs(n))
  const sign = n < 0 ? '-' : ''
  if (digits.length <= 3) return sign + digits
  // The last three digits, then pairs: 12,34,567.
  const head = digits.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ',')
  return `${sign}${head},${digits.slice(-3)}`
}

const known = (amount: number | null | undefined): amount is number =>
  amount !== null && amount !== undefined && Number.isFinite(amount)

/**
 * The app's one money formatter: rupees with Indian grouping, whole amounts without paise ("₹38,412",
 * "₹38,41,200.50"). Unknown → "—". Build prices from numbers, never from the API's text ("Rs. 38412.0").
 */
export function formatInr(amount: number | null | undefined): string {
  if (!known(amount)) return '—'
  // Whole to the paisa → no decimals; otherwise always two ("₹2.70", never "₹2.7").
  return Math.abs(amount - Math.round(amount)) < 0.005
    ? inrWhole().format(Math.round(amount))
    : inrPaise().format(amount)
}

export type PriceUnit = 'hour' | 'day' | 'month'

/** "₹2.70/hour", "₹1,971/month". An hourly rate always shows paise. */
export function formatInrPer(amount: number | null | undefined, unit: PriceUnit): string {
  if (!known(amount)) return '—'
  return `${unit === 'hour' ? inrPaise().format(amount) : formatInr(amount)}/${unit}`
}

/** "₹38,412 for 365 days" (a committed plan's price for its term). */
export function formatInrForDays(amount: number | null | undefined, days: number | null | undefined): string {
  if (!known(amount)) return '—'
  if (!known(days) || days <= 0) return formatInr(amount)
  return `${formatInr(amount)} for ${days} ${days === 1 ? 'day' : 'days'}`
}

/** "just now", "12 s ago", "3 min ago", "2 h ago", "4 days ago". */
export function formatAge(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return 'never'
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return 'unknown'
  const sec = Math.max(0, Math.round((now - t) / 1000))
  if (sec < 5) return 'just now'
  if (sec < 60) return `${sec} s ago`
  const min = Math.floor(sec / 60)
  if (min < 60) return `${min} min ago`
  const h = Math.floor(min / 60)
  if (h < 48) return `${h} h ago`
  const d = Math.floor(h / 24)
  return `${d} days ago`
}

/** A wait in words: "45 s", "2 min", "1 h 5 min". */
export function formatDuration(ms: number): string {
  const sec = Math.max(0, Math.ceil(ms / 1000))
  if (sec < 60) return `${sec} s`
  const min = Math.ceil(sec / 60)
  if (min < 60) return `${min} min`
  const h = Math.floor(min / 60)
  const rest = min % 60
  return rest ? `${h} h ${rest} min` : `${h} h`
}

const dateFmt = lazily(() => new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric' }))
const dateTimeFmt = lazily(
  () =>
    new Intl.DateTimeFormat('en-IN', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit'
    })
)

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : dateFmt().format(t)
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : dateTimeFmt().format(t)
}

export function formatInterval(ms: number): string {
  return `every ${formatDuration(ms)}`
}
