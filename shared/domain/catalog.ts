import type { Location } from './location'

/** One OS version as the plans query needs it (docs/e2e-api.md#list-os-images: display_category, category, os,
 * osversion). */
export interface OsVersion {
  os: string
  version: string
  /** `sub_category`, sent as `category` to the plans query. */
  subCategory: string
  /** `category[i]`, sent as `display_category`. */
  displayCategory: string
}

export interface OsFamily {
  os: string
  displayCategories: string[]
  versions: OsVersion[]
}

export interface CommittedSku {
  id: number
  days: number
  price: number
  name: string
  /** Raw API date, e.g. "21-January-2027 14:05". */
  upto: string | null
}

export interface Plan {
  /** Short SKU shown to people and in lists, e.g. "C3.16GB". */
  sku: string
  /** Long slug that create and upgrade need. */
  slug: string
  image: string
  series: string
  location: Location | null
  vcpus: number
  ramGb: number
  diskGb: number
  pricePerHour: number
  pricePerMonth: number
  currency: string
  available: boolean
  isGpu: boolean
  gpu: string | null
  /** E1 plans have no fixed disk (`0DISK` in the slug) and need `disk` on create. */
  requiresDisk: boolean
  committed: CommittedSku[]
}

/** E1 disk rule (from e2ectl): 75–2400 GB, steps of 25 below 150, steps of 50 from 150. */
export function diskSizeError(gb: number): string | null {
  if (!Number.isInteger(gb)) return 'Disk size must be a whole number of GB'
  if (gb < 75 || gb > 2400) return 'Disk size must be between 75 and 2400 GB'
  if (gb < 150 && gb % 25 !== 0) return 'Below 150 GB, disk size goes in steps of 25 GB'
  if (gb >= 150 && gb % 50 !== 0) return 'From 150 GB, disk size goes in steps of 50 GB'
  return null
}
