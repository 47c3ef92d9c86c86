// What the review shows: hourly and monthly for all nodes, or the committed term's total. Pure for the tests.
import type { CommittedSku, Plan } from '../../../../shared/domain/catalog'

export interface CostBreakdown {
  count: number
  hourlyPerNode: number
  hourlyTotal: number
  monthlyPerNode: number
  monthlyTotal: number
  committed: { sku: CommittedSku; perNode: number; total: number; days: number } | null
}

export function costFor(plan: Plan, count: number, committedSkuId: number | null): CostBreakdown {
  const sku = committedSkuId === null ? undefined : plan.committed.find((c) => c.id === committedSkuId)
  return {
    count,
    hourlyPerNode: plan.pricePerHour,
    hourlyTotal: roundPaise(plan.pricePerHour * count),
    monthlyPerNode: plan.pricePerMonth,
    monthlyTotal: roundPaise(plan.pricePerMonth * count),
    committed: sku ? { sku, perNode: sku.price, total: roundPaise(sku.price * count), days: sku.days } : null
  }
}

// 2.7 × 3 is 8.100000000000001 in floating point; money is shown to the paisa.
const roundPaise = (n: number): number => Math.round(n * 100) / 100
