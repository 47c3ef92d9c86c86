import { describe, expect, it } from 'vitest'
import { inr, perHour, perMonth } from './wizard-money'

describe('wizard prices', () => {
  it('formats from numbers, Indian grouping, paise only where they mean something', () => {
    expect(perHour(2.7)).toBe('₹2.70/hour')
    expect(perMonth(1971.0)).toBe('₹1,971/month')
    expect(perMonth(1971.4)).toBe('₹1,971/month')
    expect(inr(38412)).toBe('₹38,412')
    expect(inr(38412.5)).toBe('₹38,412.50')
    expect(inr(1234567)).toBe('₹12,34,567')
    expect(inr(2.7)).toBe('₹2.70')
  })

  it('never shows the API text forms', () => {
    for (const s of [perHour(2.7), perMonth(1971), inr(38412)]) {
      expect(s).not.toMatch(/Rs\.|Monthly|Hour\b|\.0\b/)
    }
  })
})
