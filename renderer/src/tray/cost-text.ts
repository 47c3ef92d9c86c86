// Money and time in the popover's few characters: "₹5.40/h", "₹1.2k", "₹3.8 L", "12 s". Hand-rolled rather
// than Intl: a currency formatter costs a fresh page 12–17 ms, more than the popover's whole first paint.
import type { CostTotal, NodeCost } from '../../../shared/domain/running-cost'

export function inrShort(amount: number): string {
  if (amount >= 1e7) return `₹${(amount / 1e7).toFixed(1)} Cr`
  if (amount >= 1e5) return `₹${(amount / 1e5).toFixed(1)} L`
  if (amount >= 1e4) return `₹${(amount / 1e3).toFixed(0)}k`
  if (amount >= 1e3) return `₹${(amount / 1e3).toFixed(1)}k`
  if (amount >= 100) return `₹${amount.toFixed(0)}`
  return `₹${amount.toFixed(2)}`
}

/** Two short lines for a row's right edge, and a sentence for its tooltip. */
export function nodeCostText(c: NodeCost): { main: string; sub: string; title: string } {
  switch (c.kind) {
    case 'hourly':
      return {
        main: `${inrShort(c.perHour)}/h`,
        sub: c.sinceCreated === null ? 'hourly' : `${inrShort(c.sinceCreated)} so far`,
        title:
          c.sinceCreated === null
            ? `Estimate: ${inrShort(c.perHour)} an hour`
            : `Estimate: ${inrShort(c.perHour)} an hour, about ${inrShort(c.sinceCreated)} since it was created`
      }
    case 'committed':
      return {
        main: `${inrShort(c.paid)} paid`,
        sub: c.daysLeft === null ? 'committed' : `${c.daysLeft} d left`,
        title: `Committed: ${inrShort(c.paid)} paid up front${c.daysLeft === null ? '' : `, ${c.daysLeft} days left in the term`}`
      }
    case 'unknown':
      return { main: '', sub: '', title: 'Price not known yet' }
  }
}

export function totalText(t: CostTotal): string {
  return `≈ ${rateText(t)}`
}

/** "₹12.48/h · ₹9.1k/mo": the total without its "≈", where the line is short and "estimate" is said nearby. */
export function rateText(t: CostTotal): string {
  return `${inrShort(t.perHour)}/h · ${inrShort(t.perMonth)}/mo`
}

/** "12 s", "3 min", "1 h 4 min": how long a change has been under way. */
export function elapsedText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min`
  return `${Math.floor(m / 60)} h ${m % 60} min`
}
