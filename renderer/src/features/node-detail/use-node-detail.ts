// The node's detail from main, re-fetched when its summary changes (status, lock, protection, billing). The last
// detail stays on screen while the next one loads and after an error; lib/use-fetch.ts drops stale answers.
import type { NodeSummary } from '../../../../shared/domain/node'
import { call } from '../../lib/ipc'
import { useFetch } from '../../lib/use-fetch'

export function useNodeDetail(profileId: string, nodeId: number, summary: NodeSummary | undefined) {
  const version = summary
    ? `${summary.status}|${summary.isLocked}|${summary.isProtected}|${summary.isCommitted}|${summary.publicIp}`
    : null
  // Once the node is gone nothing is asked; what was shown stays.
  const fetched = useFetch(version === null ? null : `${profileId}|${nodeId}|${version}`, () =>
    call((api) => api.nodes.detail({ profileId, nodeId }))
  )
  return {
    detail: fetched.latest,
    error: fetched.latestError,
    // Loading while the newest request has not answered; once the node is gone, until any answer landed.
    loading: version === null ? !fetched.answered : fetched.status === 'loading',
    reload: fetched.reload
  }
}
