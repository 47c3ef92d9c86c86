// Every price the wizard shows, from numbers, through the app's one money formatter (lib/format.ts):
// ₹2.70/hour, ₹1,971/month, ₹38,412 for a term.
import { formatInr, formatInrPer } from '../../lib/format'

export const inr = formatInr
export const perHour = (amount: number): string => formatInrPer(amount, 'hour')
/** A month is an estimate (730 hours): whole rupees. */
export const perMonth = (amount: number): string => formatInrPer(Math.round(amount), 'month')
