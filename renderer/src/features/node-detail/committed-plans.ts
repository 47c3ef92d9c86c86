// The committed plans a node can renew with: its plan's committed SKUs from the catalog when the node's OS
// can be matched to a catalog entry, else the SKU the node is on now.
import type { CommittedSku } from '../../../../shared/domain/catalog'
import type { NodeDetail } from '../../../../shared/domain/node'
import { call } from '../../lib/ipc'

export interface RenewChoice {
  id: number
  label: string
}

export function ownSku(detail: NodeDetail): RenewChoice[] {
  const c = detail.committed
  if (!c || c.skuId === null) return []
  return [{ id: c.skuId, label: c.skuName ?? (c.days ? `${c.days} days` : `Committed plan ${c.skuId}`) }]
}

export const skuLabel = (s: CommittedSku): string => `${s.days} days`

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
    return plan.committed.map((s) => ({ id: s.id, label: `${skuLabel(s)} — ₹${s.price.toLocaleString('en-IN')}` }))
  } catch {
    // The catalog is a nicety here: the node's own SKU still works.
    return fallback
  }
}
