import { describe, expect, it } from 'vitest'
import { addRates, daysLeft, nodeCost, nodeRate, type PriceBook } from './running-cost'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const book: PriceBook = {
  hourlyBySku: { 'C3.16GB': 5.4 },
  committed: { '9': { paid: 38412, days: 365, termEnd: '2026-03-31T12:00:00Z' } }
}
const node = (id: number, plan: string, extra: { isCommitted?: boolean; createdAt?: string | null } = {}) => ({
  id,
  plan,
  isCommitted: extra.isCommitted ?? false,
  createdAt: extra.createdAt === undefined ? '2026-03-01T02:00:00Z' : extra.createdAt
})

describe('running cost', () => {
  it('an hourly node costs its hourly price for every started hour since it was created', () => {
    expect(nodeCost(node(1, 'C3.16GB'), book, NOW)).toEqual({ kind: 'hourly', perHour: 5.4, sinceCreated: 54 })
    expect(nodeCost(node(1, 'C3.16GB', { createdAt: null }), book, NOW)).toEqual({
      kind: 'hourly',
      perHour: 5.4,
      sinceCreated: null
    })
  })

  it('a committed node shows what was paid and the days left, not an hourly sum', () => {
    const c = nodeCost(node(9, 'C3.16GB', { isCommitted: true }), book, NOW)
    expect(c).toMatchObject({ kind: 'committed', paid: 38412, daysLeft: 30 })
  })

  it('an unknown plan or committed term stays unknown instead of being guessed', () => {
    expect(nodeCost(node(2, 'X9.1TB'), book, NOW)).toEqual({ kind: 'unknown' })
    expect(nodeCost(node(3, 'C3.16GB', { isCommitted: true }), book, NOW)).toEqual({ kind: 'unknown' })
    expect(nodeCost(node(1, 'C3.16GB'), undefined, NOW)).toEqual({ kind: 'unknown' })
  })

  it('totals per hour and month spread committed terms over their hours and count the unknown ones', () => {
    const t = addRates([node(1, 'C3.16GB'), node(9, 'C3.16GB', { isCommitted: true }), node(2, 'X9.1TB')], (n) =>
      nodeRate(n, book)
    )
    expect(t.perHour).toBeCloseTo(5.4 + 38412 / (365 * 24), 6)
    expect(t.perMonth).toBeCloseTo(t.perHour * 730, 6)
    expect(t.unknown).toBe(1)
    expect(addRates([node(1, 'C3.16GB')], (n) => nodeRate(n, undefined))).toEqual({
      perHour: 0,
      perMonth: 0,
      unknown: 1
    })
  })

  it("a node's rate is the per-hour figure of its cost, whatever the clock says", () => {
    const nodes = [
      node(1, 'C3.16GB'),
      node(1, 'C3.16GB', { createdAt: null }),
      node(9, 'C3.16GB', { isCommitted: true }),
      node(3, 'C3.16GB', { isCommitted: true }),
      node(2, 'X9.1TB')
    ]
    for (const n of nodes)
      for (const b of [book, undefined]) {
        const c = nodeCost(n, b, NOW)
        expect(nodeRate(n, b)).toBe(c.kind === 'unknown' ? null : c.perHour)
      }
    expect(
      nodeRate(node(7, 'C3.16GB', { isCommitted: true }), {
        hourlyBySku: {},
        committed: { '7': { paid: 10, days: 0, termEnd: null } }
      })
    ).toBe(0)
  })

  it('days left never goes negative and is null without a date', () => {
    expect(daysLeft('2026-02-01T00:00:00Z', NOW)).toBe(0)
    expect(daysLeft(null, NOW)).toBeNull()
    expect(daysLeft('soon', NOW)).toBeNull()
  })
})
