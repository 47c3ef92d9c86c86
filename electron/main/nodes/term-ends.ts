// Committed term ends are only in a node's detail, not in the list. Look them up slowly (one node per refresh,
// each node at most once a day) so the "term ends soon" notice works without adding real load.
import type { NodeDetail } from '../../../shared/domain/node'
import type { E2EClient } from '../api/client.types'
import type { ProfileRuntime } from './profile-runtime'

export const TERM_LOOKUP_EVERY_MS = 24 * 60 * 60_000

export function rememberTermEnd(rt: ProfileRuntime, detail: NodeDetail, now: number): void {
  rt.termLookedUpAt.set(detail.id, now)
  const end = detail.committed?.termEnd ?? null
  if (end) rt.termEnds.set(detail.id, end)
  else rt.termEnds.delete(detail.id)
}

export async function lookUpTermEnds(rt: ProfileRuntime, client: E2EClient, now: number): Promise<void> {
  const due = rt.nodes.find((n) => {
    if (!n.isCommitted || rt.pending.has(n.id)) return false
    const last = rt.termLookedUpAt.get(n.id)
    return last === undefined || now - last >= TERM_LOOKUP_EVERY_MS
  })
  if (!due) return
  rt.termLookedUpAt.set(due.id, now)
  try {
    rememberTermEnd(rt, await client.getNode(due.id), now)
  } catch {
    // Best effort: a failed lookup is retried tomorrow; the list itself is fine.
  }
}
