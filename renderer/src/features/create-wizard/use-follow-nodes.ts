// Follows the new nodes until they run: the create reply first, then main's snapshot and every `nodes:changed`
// for this profile. Nodes are matched by id; one not listed yet keeps its last known state.
import { useCallback, useEffect, useState } from 'react'
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

  useEffect(() => {
    let live = true
    const apply = (state: ProfileNodes) => {
      if (!live || state.profileId !== profileId) return
      setNodes((prev) => mergeNodes(prev, state.nodes))
      setError(state.error ? toAppError(state.error) : null)
    }
    const off = bridge().events.on('nodes:changed', apply)
    call((api) => api.nodes.snapshot({})).then(
      (all) => all.filter((p) => p.profileId === profileId).forEach(apply),
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
