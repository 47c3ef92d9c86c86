// The running-cost estimate, as the tray shows it: per node (a column), per profile (group headers, the total's
// tooltip) and in total (the list header). Prices come from the tray's price book, asked for after the list has
// painted and then kept for hours, so the estimate adds almost no load.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { profilesToTotal, type ProfileNodes } from '../../../../shared/domain/node-state'
import type { ProfileView } from '../../../../shared/domain/profile'
import { addRates, nodeRate, type CostTotal, type PriceBook } from '../../../../shared/domain/running-cost'
import { afterPaintWhenIdle } from '../../lib/after-paint'
import { formatCount } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { totalText } from '../../tray/cost-text'
import { usePriceStore } from '../../tray/price-book.store'
import type { NodeRow } from './list-filter'

export interface RunningCosts {
  books: Record<string, PriceBook>
  perProfile: Record<string, CostTotal>
  /** Over the profiles shown. */
  total: CostTotal
  /** Whether any price is known yet. */
  known: boolean
  /** A shown profile's plan prices are still on their way: its nodes would be missing from the total. */
  pricing: boolean
  /** Hourly estimate of one row (for sorting by cost), null when unknown. Changes only when prices arrive. */
  perHourOf(row: NodeRow): number | null
  /** Minute clock. */
  now: number
}

export function useRunningCosts(
  profiles: ProfileView[],
  shown: ProfileNodes[],
  byProfile: Record<string, ProfileNodes>
): RunningCosts {
  const books = usePriceStore((s) => s.books)
  const fetching = usePriceStore((s) => s.fetching)
  const now = useNow(60_000)

  useEffect(() => {
    let live = true
    // After the list's frame, when the page is idle: prices cost a catalog query per profile (an IPC call each,
    // several milliseconds on the page's thread), which must delay neither the first paint nor what follows it.
    void afterPaintWhenIdle().then(() => {
      if (live) void usePriceStore.getState().update(profiles, byProfile)
    })
    return () => {
      live = false
    }
  }, [profiles, byProfile])

  // Rates only: they do not move with the clock, so the minute tick does not re-add 10,000 nodes.
  const perProfile = useMemo(() => {
    const out: Record<string, CostTotal> = {}
    for (const s of shown) {
      const book = books[s.profileId]
      out[s.profileId] = addRates(s.nodes, (n) => nodeRate(n, book))
    }
    return out
  }, [shown, books])
  const total = useMemo(() => {
    // Two profiles of one project list the same nodes: the total counts them once.
    const byId = new Map(profiles.map((p) => [p.id, p]))
    const known = shown.flatMap((s) => byId.get(s.profileId) ?? [])
    const counted = new Set(profilesToTotal(known, byProfile).map((p) => p.id))
    const all = shown
      .filter((s) => !byId.has(s.profileId) || counted.has(s.profileId))
      .flatMap((s) => perProfile[s.profileId] ?? [])
    const perHour = all.reduce((n, c) => n + c.perHour, 0)
    return {
      perHour,
      perMonth: all.reduce((n, c) => n + c.perMonth, 0),
      unknown: all.reduce((n, c) => n + c.unknown, 0)
    }
  }, [perProfile, profiles, shown, byProfile])
  // The hourly rate does not depend on the clock, so the sort stays put until prices arrive.
  const perHourOf = useCallback((row: NodeRow) => nodeRate(row.node, books[row.profileId]), [books])
  const known = shown.some((s) => books[s.profileId] !== undefined)
  const pricing = shown.some((s) => fetching[s.profileId] === true && s.nodes.length > 0)
  return { books, perProfile, total, known, pricing, perHourOf, now }
}

/** The estimate of the rows a search or a status chip leaves, or null while nothing is filtered out. Worked out once
 * typing pauses (150 ms), from rates alone: the sum once parsed every node's creation date, several milliseconds
 * for 10,000 rows that landed on the next keystroke of anyone typing at about that pace. */
export function useShownCost(
  costs: RunningCosts,
  filtered: readonly NodeRow[],
  all: number
): ShownCost | null | 'pending' {
  const { books } = costs
  const [shown, setShown] = useState<{ rows: readonly NodeRow[]; cost: ShownCost } | null>(null)
  const unfiltered = filtered.length >= all
  // A figure kept while the filter is off would be out of date when it comes back: forget it (a render-time update,
  // so no second commit).
  if (unfiltered && shown !== null) setShown(null)
  useEffect(() => {
    if (filtered.length >= all) return
    const t = setTimeout(() => {
      const cost = addRates(filtered, (r) => nodeRate(r.node, books[r.profileId]))
      setShown({ rows: filtered, cost: { count: filtered.length, ...cost } })
    }, SHOWN_COST_DELAY_MS)
    return () => clearTimeout(t)
  }, [filtered, all, books])
  // Every poll rebuilds the rows: the figure belongs to the nodes shown, not to the array, so a poll that leaves the
  // same nodes shown keeps it (and updates it after the pause) rather than blanking it.
  const same = useMemo(() => shown !== null && sameNodes(shown.rows, filtered), [shown, filtered])
  // The whole list needs no figure of its own: back to the total at once when the filter goes. While the figure is
  // for other nodes (a keystroke, a chip), none is shown rather than a wrong one.
  if (unfiltered) return null
  return same && shown ? shown.cost : 'pending'
}

/** Whether two lists show the same nodes, in any order. */
function sameNodes(a: readonly NodeRow[], b: readonly NodeRow[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  // A poll keeps the sort, so one pass without allocating usually settles it; a re-sort falls back to a set.
  let i = 0
  while (i < a.length && a[i]!.profileId === b[i]!.profileId && a[i]!.node.id === b[i]!.node.id) i++
  if (i === a.length) return true
  const keys = new Set(a.slice(i).map(nodeKey))
  return b.slice(i).every((r) => keys.has(nodeKey(r)))
}

const nodeKey = (r: NodeRow) => `${r.node.id}\u0000${r.profileId}`

const SHOWN_COST_DELAY_MS = 150

export interface ShownCost extends CostTotal {
  count: number
}

/** "≈ ₹12.40/h · ₹9.1k/mo estimate"; its tooltip breaks it down per profile. With a filter on, the estimate is of
 * the nodes shown ("for 3 shown"), so it moves with the status chips and the search as the counts do. */
export function CostTotalText({
  costs,
  profiles,
  shown = null
}: {
  costs: RunningCosts
  profiles: Record<string, ProfileView>
  shown?: ShownCost | null | 'pending'
}) {
  // While a profile's prices are on their way the sum would be part of the list's: no figure rather than a low one.
  if (!costs.known || costs.pricing || costs.total.perHour === 0 || shown === 'pending') return null
  if (shown !== null) {
    if (shown.perHour === 0) return null
    return (
      <span
        className="cost-total"
        title={`Estimated running cost of the ${formatCount(shown.count)} ${shown.count === 1 ? 'node' : 'nodes'} shown; all listed: ${totalText(costs.total)}`}
        data-testid="list-cost-total"
      >
        {totalText(shown)} <span className="muted">for {formatCount(shown.count)} shown</span>
        <Unpriced count={shown.unknown} />
      </span>
    )
  }
  const lines = Object.entries(costs.perProfile)
    .filter(([, c]) => c.perHour > 0)
    .map(([id, c]) => `${profiles[id]?.name ?? id}: ${totalText(c)}`)
  if (costs.total.unknown > 0)
    lines.push(
      `${formatCount(costs.total.unknown)} ${costs.total.unknown === 1 ? 'node has' : 'nodes have'} no known price yet`
    )
  const title = `Estimated running cost (list prices; committed terms spread over their hours)\n${lines.join('\n')}`
  return (
    <span className="cost-total" title={title} data-testid="list-cost-total">
      {totalText(costs.total)} <span className="muted">estimate</span>
      <Unpriced count={costs.total.unknown} />
    </span>
  )
}

/** A total that leaves nodes out says so where it is read, as the tray's does (prices still coming, or a plan the
 * catalog does not list): not only in the tooltip. */
function Unpriced({ count }: { count: number }) {
  if (count === 0) return null
  return <span className="muted"> · {formatCount(count)} without a price</span>
}
