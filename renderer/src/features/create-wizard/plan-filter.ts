// Filtering and sorting the plan table. Sold-out plans stay in the list (disabled), so people see what exists.
import type { Plan } from '../../../../shared/domain/catalog'
import type { PlanFilters } from './wizard.types'

export function seriesOf(plans: Plan[]): string[] {
  return [...new Set(plans.map((p) => p.series))].sort()
}

const atLeast = (text: string): number => {
  const n = Number(text.trim())
  return text.trim() === '' || !Number.isFinite(n) ? 0 : n
}

export function visiblePlans(plans: Plan[], f: PlanFilters): Plan[] {
  const minVcpu = atLeast(f.minVcpu)
  const minRam = atLeast(f.minRamGb)
  const dir = f.sort === 'asc' ? 1 : -1
  return plans
    .filter(
      (p) =>
        (f.series === '' || p.series === f.series) && p.vcpus >= minVcpu && p.ramGb >= minRam && (!f.gpuOnly || p.isGpu)
    )
    .sort((a, b) => dir * (a.pricePerHour - b.pricePerHour) || a.sku.localeCompare(b.sku))
}
