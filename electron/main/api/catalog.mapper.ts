// OS catalog (docs/e2e-api.md#list-os-images, both shapes) and plans (#list-plans) → OsFamily[] / Plan[].
import { z } from 'zod'
import type { CommittedSku, OsFamily, OsVersion, Plan } from '../../../shared/domain/catalog'
import { isRecord } from './envelope'
import { list, num, parseItems, text, toText } from './lenient'
import { toLocation } from './nodes.mapper'

const osVersionRow = z.looseObject({ os: text, version: text, sub_category: text })
const osFamilyRow = z.looseObject({ OS: text, os: text, category: list, version: list })

/** `images/os-category/`: data.category_list[] with upper-case `OS`. */
export const osCategoryReply = z.looseObject({ data: z.looseObject({ category_list: z.array(z.unknown()) }) })
/** Legacy `images/category-list/`: data.category_list is {<display category>: {<OS>: [versions]}}. */
export const legacyCategoryReply = z.looseObject({
  data: z.looseObject({ category_list: z.record(z.string(), z.unknown()) })
})

export function toOsFamilies(categoryList: unknown[]): OsFamily[] {
  const out: OsFamily[] = []
  for (const fam of parseItems(categoryList, osFamilyRow)) {
    const os = fam.OS ?? fam.os
    if (!os) continue
    const displayCategories = fam.category.map(toText).filter((c): c is string => !!c)
    const displayCategory = displayCategories[0] ?? ''
    const versions: OsVersion[] = parseItems(fam.version, osVersionRow)
      .filter((v) => v.version)
      .map((v) => ({ os: v.os ?? os, version: v.version ?? '', subCategory: v.sub_category ?? os, displayCategory }))
    out.push({ os, displayCategories, versions })
  }
  return out
}

export function toOsFamiliesLegacy(categoryList: Record<string, unknown>): OsFamily[] {
  const byOs = new Map<string, OsFamily>()
  for (const [displayCategory, osMap] of Object.entries(categoryList)) {
    if (!isRecord(osMap)) continue
    for (const [os, versions] of Object.entries(osMap)) {
      const fam = byOs.get(os) ?? { os, displayCategories: [], versions: [] }
      if (!fam.displayCategories.includes(displayCategory)) fam.displayCategories.push(displayCategory)
      const rows = parseItems(Array.isArray(versions) ? versions : [], osVersionRow)
      for (const v of rows) {
        if (!v.version) continue
        fam.versions.push({ os: v.os ?? os, version: v.version, subCategory: v.sub_category ?? os, displayCategory })
      }
      byOs.set(os, fam)
    }
  }
  return [...byOs.values()]
}

const specsRow = z.looseObject({
  sku_name: text,
  series: text,
  family: text,
  cpu: num,
  ram: num,
  disk_space: num,
  price_per_hour: num,
  price_per_month: num,
  committed_sku: list,
  gpu: z.unknown().optional()
})

export const planRow = z.looseObject({
  name: text,
  plan: z.string().min(1),
  image: text,
  location: text,
  currency: text,
  available_inventory_status: z.unknown().optional(),
  gpu_card_details: z.unknown().optional(),
  gpu_type: z.unknown().optional(),
  specs: specsRow.optional().catch(undefined)
})
export type PlanRow = z.output<typeof planRow>

const committedRow = z.looseObject({
  committed_sku_id: num,
  committed_sku_name: text,
  committed_sku_price: num,
  committed_days: num,
  committed_upto_date: text
})

export function toCommittedSkus(raw: unknown[]): CommittedSku[] {
  return parseItems(raw, committedRow).flatMap((c) =>
    c.committed_sku_id === null
      ? []
      : [
          {
            id: c.committed_sku_id,
            days: c.committed_days ?? 0,
            price: c.committed_sku_price ?? 0,
            name: c.committed_sku_name ?? `${c.committed_days ?? '?'} days`,
            upto: c.committed_upto_date
          }
        ]
  )
}

/** A GPU name from gpu_card_details ({name}, [{name}], "A100") or specs.gpu, else null. */
function gpuName(row: PlanRow): string | null {
  for (const v of [row.gpu_card_details, row.specs?.gpu, row.gpu_type]) {
    const first = Array.isArray(v) ? v[0] : v
    const name = isRecord(first) ? (toText(first['name']) ?? toText(first['gpu_name'])) : toText(first)
    if (name && name.trim()) return name
  }
  return null
}

/** E1 slugs carry `0DISK` as a whole segment ("E1-4vCPU-8RAM-0DISK-…"); "200DISK" must not match. */
export const slugRequiresDisk = (slug: string): boolean => /(^|[^0-9])0DISK/i.test(slug)

export function toPlan(row: PlanRow): Plan {
  const specs = row.specs
  const series = specs?.series ?? ''
  const gpu = gpuName(row)
  return {
    sku: row.name ?? specs?.sku_name ?? row.plan,
    slug: row.plan,
    image: row.image ?? '',
    series,
    location: toLocation(row.location),
    vcpus: specs?.cpu ?? 0,
    ramGb: specs?.ram ?? 0,
    diskGb: specs?.disk_space ?? 0,
    pricePerHour: specs?.price_per_hour ?? 0,
    pricePerMonth: specs?.price_per_month ?? 0,
    currency: row.currency ?? 'INR',
    // Absent means available; only an explicit false is "sold out".
    available:
      row.available_inventory_status !== false && toText(row.available_inventory_status)?.toLowerCase() !== 'false',
    isGpu: gpu !== null || /^(GDC|GPU)|gpu/i.test(series),
    gpu,
    requiresDisk: slugRequiresDisk(row.plan),
    committed: toCommittedSkus(specs?.committed_sku ?? [])
  }
}
