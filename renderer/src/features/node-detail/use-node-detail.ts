// The node's detail from main, re-fetched when its summary changes (status, lock, protection, billing).
import { useEffect, useRef, useState } from 'react'
import type { NodeDetail, NodeSummary } from '../../../../shared/domain/node'
import { call, type AppError } from '../../lib/ipc'
import { asAppError } from '../../stores/app.store'

interface Result {
  /** Which request produced this; '' before the first answer. */
  key: string
  detail: NodeDetail | null
  error: AppError | null
}

export function useNodeDetail(profileId: string, nodeId: number, summary: NodeSummary | undefined) {
  const version = summary
    ? `${summary.status}|${summary.isLocked}|${summary.isProtected}|${summary.isCommitted}|${summary.publicIp}`
    : 'gone'
  const [attempt, setAttempt] = useState(0)
  const [result, setResult] = useState<Result>({ key: '', detail: null, error: null })
  const requestKey = `${profileId}|${nodeId}|${version}|${attempt}`
  // Only the newest request may land, so a slow older answer cannot overwrite a newer one.
  const latest = useRef('')

  useEffect(() => {
    if (version === 'gone') return
    latest.current = requestKey
    call((api) => api.nodes.detail({ profileId, nodeId })).then(
      (detail) => {
        if (latest.current === requestKey) setResult({ key: requestKey, detail, error: null })
      },
      (e: unknown) => {
        if (latest.current === requestKey)
          setResult((r) => ({ key: requestKey, detail: r.detail, error: asAppError(e) }))
      }
    )
  }, [profileId, nodeId, version, requestKey])

  // Loading while the newest request has not answered; once the node is gone, until any answer landed.
  const loading = version === 'gone' ? result.key === '' : result.key !== requestKey
  const reload = () => setAttempt((a) => a + 1)
  return { detail: result.detail, error: result.error, loading, reload }
}
