// Steady polling of several profiles is spread over the interval instead of firing every profile at once. The
// pollers sharing a Clock (one app) form a group; a poller planning its next steady run moves it later, past any
// other member's planned run closer than interval / members. Runs only ever move later, so a profile never polls
// more often than its interval.
import type { Clock } from '../ports'

export interface SpreadMember {
  /** When this member runs next (planned, or expected if a run is in flight); null: not polling. */
  anchor(): number | null
}

/** Two runs closer than this share of the even spacing count as a clash (a little slack for run durations). */
const CLASH_SHARE = 0.9

const groups = new WeakMap<Clock, Set<SpreadMember>>()

export interface Spread {
  join(): void
  leave(): void
  /** The time to run at, `at` or later, clear of the other members' runs. */
  place(at: number, intervalMs: number): number
}

export function spreadGroup(clock: Clock, member: SpreadMember): Spread {
  let group = groups.get(clock)
  if (!group) groups.set(clock, (group = new Set()))
  const members = group
  return {
    join: () => void members.add(member),
    leave: () => void members.delete(member),
    place(at, intervalMs) {
      const others: number[] = []
      for (const m of members) {
        const t = m === member ? null : m.anchor()
        if (t !== null) others.push(t)
      }
      if (!others.length) return at
      const spacing = intervalMs / (others.length + 1)
      // Each step passes one clashing run, so this ends within `others.length` steps, less than one interval later.
      for (let i = 0; i < others.length; i++) {
        const clash = others.find((t) => Math.abs(t - at) < spacing * CLASH_SHARE)
        if (clash === undefined) break
        at = clash + spacing
      }
      return at
    }
  }
}
