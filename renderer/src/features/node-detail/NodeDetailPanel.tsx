// The side panel for one node: specs, network, billing, actions, committed term, delete.
import { useEffect, useRef, useState } from 'react'
import { deleteAvailability } from '../../../../shared/domain/node-rules'
import { Spinner } from '../../components/Spinner'
import { StatusBadge } from '../../components/StatusBadge'
import { ErrorText } from '../../components/ErrorText'
import { formatDateTime } from '../../lib/format'
import { useNodesStore } from '../../stores/nodes.store'
import { toast } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { PENDING_LABEL } from '../nodes/pending-label'
import { CommittedRenewal } from './CommittedRenewal'
import { DeleteNodeDialog } from './DeleteNodeDialog'
import { NodeActions } from './NodeActions'
import { useNodeDetail } from './use-node-detail'
import './node-detail.css'

interface NodeDetailPanelProps {
  profileId: string
  nodeId: number
  onClose(): void
}

export function NodeDetailPanel({ profileId, nodeId, onClose }: NodeDetailPanelProps) {
  const state = useNodesStore((s) => s.byProfile[profileId])
  const profile = useProfilesStore((s) => s.profiles.find((p) => p.id === profileId))
  const summary = state?.nodes.find((n) => n.id === nodeId)
  const pending = state?.pending[String(nodeId)]
  const { detail, error, loading, reload } = useNodeDetail(profileId, nodeId, summary)
  const [deleting, setDeleting] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)

  // Opening the panel moves focus to its heading so keyboard and screen-reader users land on it.
  useEffect(() => headingRef.current?.focus(), [])

  const node = summary ?? detail
  const delAvail = node ? deleteAvailability(node) : { allowed: false }

  return (
    <aside className="detail-panel card" aria-labelledby="detail-title" data-testid="node-detail">
      <div className="row">
        <h2 id="detail-title" ref={headingRef} tabIndex={-1}>
          {node?.name ?? `Node ${nodeId}`}
        </h2>
        <span className="spacer" />
        <button type="button" className="btn btn-ghost btn-sm" onClick={onClose} aria-label="Close node details">
          Close
        </button>
      </div>
      {!summary && state && !loading && (
        <p role="status">
          This node is no longer in {profile?.name ?? 'this profile'}&apos;s list; it may have been deleted.
        </p>
      )}
      {node && (
        <p className="row">
          <StatusBadge status={node.status} {...(pending ? { pending: PENDING_LABEL[pending.kind] } : {})} />
          <span className="muted">in {profile?.name ?? profileId}</span>
        </p>
      )}
      {error && <ErrorText error={error} onRetry={() => void reload()} />}
      {loading && !detail && <Spinner label="Loading details…" />}
      {node && (
        <dl className="facts">
          <dt>vCPU</dt>
          <dd>{node.vcpus ?? '—'}</dd>
          <dt>RAM</dt>
          <dd>{node.memoryGb !== null ? `${node.memoryGb} GB` : '—'}</dd>
          <dt>Disk</dt>
          <dd>{node.diskGb !== null ? `${node.diskGb} GB` : '—'}</dd>
          <dt>OS</dt>
          <dd>{detail?.os ? (detail.os.fullName ?? `${detail.os.name} ${detail.os.version}`) : '—'}</dd>
          <dt>Plan</dt>
          <dd>{node.plan}</dd>
          <dt>Price</dt>
          <dd>{detail?.price ?? '—'}</dd>
          <dt>Public IP</dt>
          <dd className="mono">{node.publicIp ?? 'none'}</dd>
          <dt>Private IP</dt>
          <dd className="mono">{node.privateIp ?? 'none'}</dd>
          <dt>Location</dt>
          <dd>{node.location ?? '—'}</dd>
          <dt>Created</dt>
          <dd>{formatDateTime(node.createdAt)}</dd>
          <dt>SSH keys</dt>
          <dd>{detail ? (detail.sshKeys.length ? detail.sshKeys.map((k) => k.label).join(', ') : 'none') : '—'}</dd>
          <dt>Lock</dt>
          <dd>{node.isLocked ? 'Locked' : 'Unlocked'}</dd>
          <dt>Delete protection</dt>
          <dd>{node.isProtected ? 'On' : 'Off'}</dd>
          <dt>Billing</dt>
          <dd>{node.isCommitted ? 'Committed' : 'Hourly'}</dd>
          <dt>VM type</dt>
          <dd>{detail?.vmType ?? '—'}</dd>
          {detail?.committed && (
            <>
              <dt>Committed plan</dt>
              <dd>{detail.committed.skuName ?? '—'}</dd>
              <dt>Term ends</dt>
              <dd>
                {detail.committed.termEnd
                  ? formatDateTime(detail.committed.termEnd)
                  : (detail.committed.termEndRaw ?? '—')}
              </dd>
            </>
          )}
        </dl>
      )}
      {summary && <NodeActions profileId={profileId} node={summary} pending={pending} />}
      {detail && (detail.isCommitted || detail.committed) && <CommittedRenewal profileId={profileId} detail={detail} />}
      {summary && (
        <section className="stack" aria-labelledby="danger-title">
          <h3 id="danger-title">Delete</h3>
          <div className="action-item">
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => setDeleting(true)}
              disabled={pending !== undefined}
              data-testid="delete-node"
            >
              Delete node…
            </button>
            {!delAvail.allowed && delAvail.reason && <span className="reason">{delAvail.reason}</span>}
          </div>
        </section>
      )}
      {deleting && summary && (
        <DeleteNodeDialog
          profileId={profileId}
          profileName={profile?.name ?? profileId}
          node={summary}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false)
            toast({
              kind: 'ok',
              title: `Deleting ${summary.name}`,
              body: 'It disappears from the list once E2E confirms.'
            })
          }}
        />
      )}
    </aside>
  )
}
