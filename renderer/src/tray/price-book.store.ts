// Prices for the running-cost estimate. The node list has none, so per profile: one catalog query for a Linux
// image's plans (hourly price by SKU at the profile's location) and, one at a time, the detail of each committed
// node (what was paid, when the term ends). Asked for once and kept for hours: the estimate must not add load.
import { create } from 'zustand'
import type { OsFamily } from '../../../shared/domain/catalog'
import type { ProfileNodes } from '../../../shared/domain/node-state'
import type { ProfileView } from '../../../shared/domain/profile'
import type { PriceBook } from '../../../shared/domain/running-cost'
import { call } from '../lib/ipc'

export const PRICES_TTL_MS = 6 * 60 * 60_000
/** At most this many committed-node details per profile and pass. */
const MAX_DETAILS = 25

interface PriceState {
  books: Record<string, PriceBook>
  /** Profiles whose plan prices are being asked for: a total without them would be a part passed off as the whole. */
  fetching: Record<string, true>
  /** Keeps the stored books; asks for what is missing or old. */
  update(profiles: ProfileView[], byProfile: Record<string, ProfileNodes>, now?: number): Promise<void>
}

const fetchedAt = new Map<string, number>()
const inFlight = new Set<string>()
const detailTried = new Set<string>()

/** The plans query needs an image; prices are the same for the Linux images, so take Ubuntu or the first. */
function pickImage(families: OsFamily[]) {
  const family = families.find((f) => /ubuntu/i.test(f.os)) ?? families[0]
  return family?.versions[0] ?? null
}

async function hourlyPrices(profile: ProfileView): Promise<Record<string, number>> {
  const families = await call((api) => api.catalog.os({ profileId: profile.id }))
  const image = pickImage(families)
  if (!image) return {}
  const plans = await call((api) =>
    api.catalog.plans({
      profileId: profile.id,
      os: image.os,
      version: image.version,
      subCategory: image.subCategory,
      displayCategory: image.displayCategory
    })
  )
  const out: Record<string, number> = {}
  for (const p of plans) if (!p.location || p.location === profile.location) out[p.sku] ??= p.pricePerHour
  return out
}

const without = (map: Record<string, true>, id: string) => {
  const { [id]: _gone, ...rest } = map
  return rest
}

export const usePriceStore = create<PriceState>()((set, get) => ({
  books: {},
  fetching: {},
  async update(profiles, byProfile, now = Date.now()) {
    await Promise.all(
      profiles.map(async (profile) => {
        const data = byProfile[profile.id]
        if (!data || data.nodes.length === 0 || inFlight.has(profile.id)) return
        inFlight.add(profile.id)
        try {
          const last = fetchedAt.get(profile.id)
          if (last === undefined || now - last > PRICES_TTL_MS) {
            fetchedAt.set(profile.id, now)
            set((s) => ({ fetching: { ...s.fetching, [profile.id]: true } }))
            const hourlyBySku = await hourlyPrices(profile).finally(() =>
              set((s) => ({ fetching: without(s.fetching, profile.id) }))
            )
            const prev = get().books[profile.id]
            set((s) => ({ books: { ...s.books, [profile.id]: { hourlyBySku, committed: prev?.committed ?? {} } } }))
          }
          const missing = data.nodes
            .filter((n) => n.isCommitted && !detailTried.has(`${profile.id}:${n.id}`))
            .slice(0, MAX_DETAILS)
          for (const n of missing) {
            detailTried.add(`${profile.id}:${n.id}`)
            const d = await call((api) => api.nodes.detail({ profileId: profile.id, nodeId: n.id }))
            const c = d.committed
            if (!c || c.price === null) continue
            set((s) => {
              const book = s.books[profile.id] ?? { hourlyBySku: {}, committed: {} }
              const term = { paid: c.price ?? 0, days: c.days ?? 0, termEnd: c.termEnd }
              return {
                books: { ...s.books, [profile.id]: { ...book, committed: { ...book.committed, [String(n.id)]: term } } }
              }
            })
          }
        } catch {
          // Best effort: without prices the rows say so; the next pass after the TTL tries again.
        } finally {
          inFlight.delete(profile.id)
        }
      })
    )
  }
}))

/** Tests: forget what was fetched. */
export function resetPriceBooks(): void {
  fetchedAt.clear()
  inFlight.clear()
  detailTried.clear()
  usePriceStore.setState({ books: {}, fetching: {} })
}
