// Main's word on a create whose outcome was unknown: still checking (with when it will know), created, or not
// created. Read from the profile's node state (snapshot, then every `nodes:changed`), keyed by the attempt's requestId.
import { useEffect, useState } from 'react'
import type { PendingCreate, ProfileNodes } from '../../../../shared/domain/node-state'
import { bridge, call } from '../../lib/ipc'

export interface CreateCheck extends PendingCreate {
  /** Once created: the listed nodes with its names (a name is one node in a project and location), to open them. */
  nodeIds: number[]
}

export function useCreateCheck(profileId: string, requestId: string | null): CreateCheck | null {
  const [check, setCheck] = useState<CreateCheck | null>(null)
  useEffect(() => {
    if (requestId === null) return
    let live = true
    const apply = (state: ProfileNodes) => {
      if (!live || state.profileId !== profileId) return
      // Gone from main's list means no longer open (E2E refused a retry outright, or the settled entry aged out):
      // keeping the last state seen would hold Create disabled for good.
      const found = state.creates?.find((c) => c.requestId === requestId)
      const made = (c: PendingCreate) =>
        c.state === 'created' ? state.nodes.filter((n) => c.names.includes(n.name)).map((n) => n.id) : []
      setCheck(found ? { ...found, nodeIds: made(found) } : null)
    }
    const off = bridge().events.on('nodes:changed', apply)
    call((api) => api.nodes.snapshot({})).then(
      (all) => all.forEach(apply),
      () => undefined // the next nodes:changed brings it
    )
    return () => {
      live = false
      off()
    }
  }, [profileId, requestId])
  // A check kept from an earlier attempt is not this one's.
  return check !== null && check.requestId === requestId ? check : null
}
