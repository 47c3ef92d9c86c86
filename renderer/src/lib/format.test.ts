import { describe, expect, it } from 'vitest'
import { formatAge, formatCount, formatDuration, formatInr, formatInrForDays, formatInrPer } from './format'

describe('formatters', () => {
  it('formats rupees the Indian way', () => {
    expect(formatInr(3841200.5)).toBe('₹38,41,200.50')
    expect(formatInr(null)).toBe('—')
    expect(formatInr(38412)).toBe('₹38,412')
    expect(formatInr(38412.0)).toBe('₹38,412')
    expect(formatInr(2.7)).toBe('₹2.70')
    expect(formatInr(0)).toBe('₹0')
    expect(formatInr(Number.NaN)).toBe('—')
  })
  it('formats rates and committed terms from numbers', () => {
    expect(formatInrPer(2.7, 'hour')).toBe('₹2.70/hour')
    expect(formatInrPer(3, 'hour')).toBe('₹3.00/hour')
    expect(formatInrPer(1971.0, 'month')).toBe('₹1,971/month')
    expect(formatInrPer(undefined, 'month')).toBe('—')
    expect(formatInrForDays(38412.0, 365)).toBe('₹38,412 for 365 days')
    expect(formatInrForDays(100, 1)).toBe('₹100 for 1 day')
    expect(formatInrForDays(100, null)).toBe('₹100')
  })
  it('says how old data is', () => {
    const now = Date.parse('2026-02-01T12:00:00Z')
    expect(formatAge('2026-02-01T11:59:58Z', now)).toBe('just now')
    expect(formatAge('2026-02-01T11:59:48Z', now)).toBe('12 s ago')
    expect(formatAge('2026-02-01T11:57:00Z', now)).toBe('3 min ago')
    expect(formatAge('2026-02-01T09:00:00Z', now)).toBe('3 h ago')
    expect(formatAge('2026-01-28T12:00:00Z', now)).toBe('4 days ago')
    expect(formatAge(null, now)).toBe('never')
  })
  it('gives waits in words', () => {
    expect(formatDuration(45_000)).toBe('45 s')
    expect(formatDuration(90_000)).toBe('2 min')
    expect(formatDuration(65 * 60_000)).toBe('1 h 5 min')
  })

  it('counts are grouped as the rupee amounts are: 10,000 and 1,00,000', () => {
    expect(formatCount(0)).toBe('0')
    expect(formatCount(999)).toBe('999')
    expect(formatCount(1000)).toBe('1,000')
    expect(formatCount(10_000)).toBe('10,000')
    expect(formatCount(1_00_000)).toBe('1,00,000')
    expect(formatCount(-12_34_567)).toBe('-12,34,567')
    // The same grouping as en-IN's own formatter, across the sizes a list can have.
    const inIN = new Intl.NumberFormat('en-IN')
    for (let n = 1; n < 1e12; n = n * 7 + 3) expect(formatCount(n)).toBe(inIN.format(n))
    expect(formatCount(2.5)).toBe('2.5')
  })
})
