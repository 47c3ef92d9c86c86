// The committed plans a node can renew with: its plan's committed SKUs from the catalog when the node's OS
// can be matched to a catalog entry, else the SKU the node is on now. Labels are built from numbers
// ("365 days — ₹38,412"), never from the API's SKU name ("365 Days Committed , Rs. 38412.0").
import type { NodeDetail } from '../../../../shared/domain/node'
import { formatInr } from '../../lib/format'
import { call } from '../../lib/ipc'

export interface RenewChoice {
  id: number
  days: number | null
  price: number | null
  label: string
}

export function choiceLabel(days: number | null, price: number | null): string {
  const term = days ? `${days} days` : 'Committed term'
  return price === null ? term : `${term} — ${formatInr(price)}`
}

export function ownSku(detail: NodeDetail): RenewChoice[] {
  const c = detail.committed
  if (!c || c.skuId === null) return []
  return [{ id: c.skuId, days: c.days, price: c.price, label: choiceLabel(c.days, c.price) }]
}

export async function loadRenewChoices(profileId: string, detail: NodeDetail): Promise<RenewChoice[]> {
  const fallback = ownSku(detail)
  if (!detail.os) return fallback
  const os = detail.os
  try {
    const families = await call((api) => api.catalog.os({ profileId }))
    const family = families.find((f) => f.os.toLowerCase() === os.name.toLowerCase())
    const version = family?.versions.find((v) => v.version === os.version)
    if (!version) return fallback
    const plans = await call((api) =>
      api.catalog.plans({
        profileId,
        os: version.os,
        version: version.version,
        subCategory: version.subCategory,
        displayCategory: version.displayCategory
      })
    )
    const plan = plans.find((p) => p.sku === detail.plan)
    if (!plan || plan.committed.length === 0) return fallback
    return plan.committed.map((s) => ({ id: s.id, days: s.days, price: s.price, label: choiceLabel(s.days, s.price) }))
  } catch {
    // The catalog is a nicety here: the node's own SKU still works.
    return fallback
  }
}
