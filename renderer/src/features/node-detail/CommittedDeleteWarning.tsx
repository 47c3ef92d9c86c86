// A committed node was paid for its whole term up front: before a delete, say what was paid, how many days are
// left and that they are lost. The list does not carry the term, so the node's detail is read here.
import { useEffect, useState } from 'react'
import type { CommittedInfo, NodeSummary } from '../../../../shared/domain/node'
import { daysLeft } from '../../../../shared/domain/running-cost'
import { call } from '../../lib/ipc'
import { formatDate, formatInr } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import './node-detail.css'

export type CommittedCheck =
  { state: 'none' } | { state: 'checking' } | { state: 'known'; committed: CommittedInfo } | { state: 'unknown' }

/** 'none' for an hourly node; otherwise the term as the node's detail tells it. */
export function useCommittedCheck(profileId: string, node: Pick<NodeSummary, 'id' | 'isCommitted'>): CommittedCheck {
  const [check, setCheck] = useState<CommittedCheck>(node.isCommitted ? { state: 'checking' } : { state: 'none' })
  useEffect(() => {
    if (!node.isCommitted) return
    let live = true
    call((api) => api.nodes.detail({ profileId, nodeId: node.id })).then(
      (d) => live && setCheck(d.committed ? { state: 'known', committed: d.committed } : { state: 'unknown' }),
      () => live && setCheck({ state: 'unknown' })
    )
    return () => {
      live = false
    }
  }, [profileId, node.id, node.isCommitted])
  return check
}

export function CommittedDeleteWarning({ check }: { check: CommittedCheck }) {
  const now = useNow(60_000)
  if (check.state === 'none') return null
  if (check.state === 'checking')
    return (
      <p className="muted" role="status">
        Checking the node’s committed term…
      </p>
    )
  if (check.state === 'unknown')
    return (
      <p className="committed-loss" data-testid="committed-warning">
        This is a <strong>committed node</strong>: its term was paid in full up front. Deleting it loses whatever is
        left of the term; nothing is refunded.
      </p>
    )
  const c = check.committed
  const left = daysLeft(c.termEnd, now)
  return (
    <p className="committed-loss" data-testid="committed-warning">
      This is a <strong>committed node</strong>
      {c.days ? ` on a ${c.days}-day term` : ''}: <strong>{formatInr(c.price)}</strong> was paid up front
      {left !== null ? (
        <>
          {' '}
          and <strong>{left === 1 ? '1 day is' : `${left} days are`} left</strong>
          {c.termEnd ? ` (until ${formatDate(c.termEnd)})` : ''}
        </>
      ) : null}
      . Deleting it now loses the rest of the term; nothing is refunded.
    </p>
  )
}
