// Follows the new nodes until they run: the create reply first, then main's snapshot and every `nodes:changed`
// for this profile. Nodes are matched by id; one not listed yet keeps its last known state.
import { useCallback, useLayoutEffect, useState } from 'react'
import type { NodeSummary } from '../../../../shared/domain/node'
import type { ProfileNodes } from '../../../../shared/domain/node-state'
import { asAppError, bridge, call, toAppError, type AppError } from '../../lib/ipc'

export interface FollowedNodes {
  nodes: NodeSummary[]
  /** Why the latest list could not be fetched (the nodes keep their last known state). */
  error: AppError | null
  checking: boolean
  checkNow(): void
}

export function mergeNodes(tracked: NodeSummary[], list: NodeSummary[]): NodeSummary[] {
  let changed = false
  const next = tracked.map((n) => {
    const fresh = list.find((m) => m.id === n.id)
    if (!fresh || fresh === n) return n
    changed = true
    return fresh
  })
  return changed ? next : tracked
}

export function useFollowNodes(profileId: string, initial: NodeSummary[]): FollowedNodes {
  const [nodes, setNodes] = useState(initial)
  const [error, setError] = useState<AppError | null>(null)
  const [checking, setChecking] = useState(false)

  // A layout effect: subscribed in the same commit that first shows the step, so no event falls between the two.
  useLayoutEffect(() => {
    let live = true
    /** The highest `rev` applied (-1: none yet). The snapshot's reply can come after newer events; it must not undo
     * them (see ProfileNodes.rev). */
    let lastRev = -1
    const apply = (state: ProfileNodes, fromSnapshot = false) => {
      if (!live || state.profileId !== profileId) return
      const rev = state.rev ?? 0
      if (fromSnapshot ? lastRev >= 0 && rev <= lastRev : rev < lastRev) return
      lastRev = Math.max(lastRev, rev)
      setNodes((prev) => mergeNodes(prev, state.nodes))
      setError(state.error ? toAppError(state.error) : null)
    }
    const off = bridge().events.on('nodes:changed', (state) => apply(state))
    call((api) => api.nodes.snapshot({})).then(
      (all) => all.filter((p) => p.profileId === profileId).forEach((p) => apply(p, true)),
      (e: unknown) => live && setError(asAppError(e))
    )
    return () => {
      live = false
      off()
    }
  }, [profileId])

  const checkNow = useCallback(() => {
    setChecking(true)
    call((api) => api.nodes.refresh({ profileId })).then(
      () => {
        setChecking(false)
        setError(null)
      },
      (e: unknown) => {
        setChecking(false)
        setError(asAppError(e))
      }
    )
  }, [profileId])

  return { nodes, error, checking, checkNow }
}
