// The node's detail from main, re-fetched when its summary changes (status, lock, protection, billing).
import { useCallback, useEffect, useState } from 'react'
import type { NodeDetail, NodeSummary } from '../../../../shared/domain/node'
import { call, type AppError } from '../../lib/ipc'
import { asAppError } from '../../stores/app.store'

export function useNodeDetail(profileId: string, nodeId: number, summary: NodeSummary | undefined) {
  const [detail, setDetail] = useState<NodeDetail | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [loading, setLoading] = useState(true)
  const version = summary ? `${summary.status}|${summary.isLocked}|${summary.isProtected}|${summary.isCommitted}|${summary.publicIp}` : 'gone'

  const load = useCallback(async () => {
    setLoading(true)
    try {
      setDetail(await call((api) => api.nodes.detail({ profileId, nodeId })))
      setError(null)
    } catch (e) {
      setError(asAppError(e))
    } finally {
      setLoading(false)
    }
  }, [profileId, nodeId])

  useEffect(() => {
    if (version === 'gone') return
    void load()
  }, [load, version])

  return { detail, error, loading, reload: load }
}
