// OS and plan catalog (shapes: docs/e2e-api.md#list-os-images, #list-plans). Plans exist per location × OS version;
// slugs are long, `name` is the short SKU.
import { longDate } from './clock'
import type { SimLocation } from './types'

export interface OsVersion {
  os: string
  version: string
  subCategory: string
  displayCategory: string
}
export const OS_VERSIONS: readonly OsVersion[] = [
  { os: 'Ubuntu', version: '22.04', subCategory: 'Ubuntu', displayCategory: 'Linux Virtual Node' },
  { os: 'Ubuntu', version: '24.04', subCategory: 'Ubuntu', displayCategory: 'Linux Virtual Node' },
  { os: 'Rocky', version: '9.4', subCategory: 'Rocky', displayCategory: 'Linux Virtual Node' },
  { os: 'Debian', version: '12', subCategory: 'Debian', displayCategory: 'Linux Virtual Node' }
]

export interface CommittedSkuDef {
  id: number
  days: number
  price: number
}
export interface PlanDef {
  sku: string
  series: string
  cpu: number
  ramGb: number
  /** 0 = E1 style: disk chosen at create time */
  diskGb: number
  pricePerHour: number
  specId: number
  committed: CommittedSkuDef[]
  soldOut?: boolean
  gpu?: string
  /** limit to one location (GPU stock) */
  onlyIn?: SimLocation
}

export const PLAN_DEFS: readonly PlanDef[] = [
  {
    sku: 'C3.8GB',
    series: 'C3',
    cpu: 4,
    ramGb: 8,
    diskGb: 100,
    pricePerHour: 2.7,
    specId: 2205,
    committed: [
      { id: 4170, days: 90, price: 5600 },
      { id: 4171, days: 365, price: 19206 }
    ]
  },
  {
    sku: 'C3.16GB',
    series: 'C3',
    cpu: 8,
    ramGb: 16,
    diskGb: 200,
    pricePerHour: 5.4,
    specId: 2207,
    committed: [{ id: 4180, days: 365, price: 38412 }]
  },
  {
    sku: 'C3.64GB',
    series: 'C3',
    cpu: 32,
    ramGb: 64,
    diskGb: 800,
    pricePerHour: 21.6,
    specId: 2211,
    committed: [],
    soldOut: true
  },
  { sku: 'M3.32GB', series: 'M3', cpu: 4, ramGb: 32, diskGb: 100, pricePerHour: 6.1, specId: 2301, committed: [] },
  {
    sku: 'E1.8GB',
    series: 'E1',
    cpu: 4,
    ramGb: 8,
    diskGb: 0,
    pricePerHour: 2.2,
    specId: 2401,
    committed: [{ id: 4190, days: 90, price: 4500 }]
  },
  {
    sku: 'GDC3.A10080-16.115GB',
    series: 'GDC',
    cpu: 16,
    ramGb: 115,
    diskGb: 1500,
    pricePerHour: 226,
    specId: 2901,
    committed: [{ id: 4990, days: 90, price: 440000 }],
    gpu: '1x NVIDIA A100 80GB',
    onlyIn: 'Delhi'
  }
]

export const imageName = (v: OsVersion): string => `${v.os}-${v.version}-Distro`
export const planSlug = (p: PlanDef, v: OsVersion, loc: SimLocation): string =>
  `${p.series}-${p.cpu}vCPU-${p.ramGb}RAM-${p.diskGb}DISK-${p.sku}-${v.os}-${v.version}-${loc}`
export const pricePerMonth = (p: PlanDef): number => Math.round(p.pricePerHour * 730 * 10) / 10
export const priceText = (p: PlanDef): string =>
  `Rs. ${p.pricePerHour}/Hour or Rs. ${pricePerMonth(p).toFixed(1)} Monthly`
export const committedSkuName = (c: CommittedSkuDef): string => `${c.days} Days Committed , Rs. ${c.price.toFixed(1)}`

export interface ResolvedPlan {
  plan: PlanDef
  os: OsVersion
  slug: string
  image: string
}
const slugIndex = new Map<string, ResolvedPlan & { location: SimLocation }>()
for (const loc of ['Delhi', 'Chennai'] as const) {
  for (const os of OS_VERSIONS) {
    for (const plan of PLAN_DEFS) {
      if (plan.onlyIn && plan.onlyIn !== loc) continue
      if (plan.gpu && os.os !== 'Ubuntu') continue
      const slug = planSlug(plan, os, loc)
      slugIndex.set(slug, { plan, os, slug, image: imageName(os), location: loc })
    }
  }
}

export function resolvePlanSlug(slug: string, location: SimLocation): ResolvedPlan | undefined {
  const hit = slugIndex.get(slug)
  return hit && hit.location === location ? hit : undefined
}
export const findPlanBySku = (sku: string): PlanDef | undefined => PLAN_DEFS.find((p) => p.sku === sku)
export const findOsByImage = (image: string): OsVersion | undefined => OS_VERSIONS.find((v) => imageName(v) === image)

export function committedSkuJson(c: CommittedSkuDef, nowMs: number): Record<string, unknown> {
  return {
    committed_sku_id: c.id,
    committed_sku_name: committedSkuName(c),
    committed_sku_price: c.price,
    committed_days: c.days,
    committed_upto_date: longDate(nowMs + c.days * 86_400_000)
  }
}

export function planRow(plan: PlanDef, os: OsVersion, loc: SimLocation, nowMs: number): Record<string, unknown> {
  return {
    name: plan.sku,
    plan: planSlug(plan, os, loc),
    image: imageName(os),
    location: loc,
    currency: 'INR',
    available_inventory_status: !plan.soldOut,
    os: { name: os.os, version: os.version, image: imageName(os), category: os.displayCategory },
    cpu_type: plan.series === 'C3' ? 'Intel Xeon' : 'AMD EPYC',
    gpu_card_details: plan.gpu ? { name: plan.gpu, count: 1 } : null,
    committed_node_message: plan.committed.length ? 'Committed plans are billed in full at launch.' : '',
    node_description: `<p>${plan.series} series, ${plan.cpu} vCPU, ${plan.ramGb} GB RAM</p>`,
    is_bitninja_license_active: false,
    specs: {
      id: String(plan.specId),
      sku_name: plan.sku,
      series: plan.series,
      ...(plan.series === 'GDC' ? {} : { family: plan.series === 'E1' ? 'Smart Dedicated Compute' : 'CPU Intensive' }),
      cpu: plan.cpu,
      ram: plan.ramGb.toFixed(2),
      disk_space: plan.diskGb,
      price_per_hour: plan.pricePerHour,
      price_per_month: pricePerMonth(plan),
      minimum_billing_amount: 0.0,
      committed_sku: plan.committed.map((c) => committedSkuJson(c, nowMs))
    }
  }
}

export function plansFor(
  query: { displayCategory: string; category: string; os: string; osVersion: string },
  loc: SimLocation,
  nowMs: number
): Record<string, unknown>[] {
  const os = OS_VERSIONS.find(
    (v) =>
      v.displayCategory === query.displayCategory &&
      v.subCategory === query.category &&
      v.os === query.os &&
      v.version === query.osVersion
  )
  if (!os) return []
  return PLAN_DEFS.filter((p) => !(p.onlyIn && p.onlyIn !== loc) && !(p.gpu && os.os !== 'Ubuntu')).map((p) =>
    planRow(p, os, loc, nowMs)
  )
}

export function osCategoryList(): Record<string, unknown>[] {
  const byOs = new Map<string, OsVersion[]>()
  for (const v of OS_VERSIONS) byOs.set(v.os, [...(byOs.get(v.os) ?? []), v])
  return [...byOs.entries()].map(([os, versions]) => ({
    OS: os,
    category: [versions[0]?.displayCategory ?? 'Linux Virtual Node'],
    version: versions.map((v) => ({
      os: v.os,
      version: v.version,
      sub_category: v.subCategory,
      software_version: '',
      number_of_domains: null
    }))
  }))
}

/** Legacy `images/category-list/`: nested object {display category: {OS: [versions]}} */
export function legacyCategoryList(): Record<string, Record<string, unknown[]>> {
  const out: Record<string, Record<string, unknown[]>> = {}
  for (const v of OS_VERSIONS) {
    const cat = (out[v.displayCategory] ??= {})
    ;(cat[v.os] ??= []).push({ version: v.version, os: v.os, sub_category: v.subCategory, software_version: '' })
  }
  return out
}

/** E1 disk rule (CLI): 75–2400 GB, steps of 25 below 150, steps of 50 from 150. */
export function e1DiskError(disk: unknown): string | null {
  if (typeof disk !== 'number' || !Number.isInteger(disk))
    return 'disk is required for E1 plans and must be an integer (GB)'
  if (disk < 75 || disk > 2400) return 'disk must be between 75 and 2400 GB'
  if (disk < 150 ? disk % 25 !== 0 : disk % 50 !== 0)
    return 'disk must be a multiple of 25 GB below 150 GB and of 50 GB from 150 GB'
  return null
}
