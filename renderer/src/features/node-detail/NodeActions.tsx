// Power, reboot, lock and delete protection. Each button is enabled only when the shared rules allow it; a
// disabled one says why (tooltip AND visible text). While main reports the action pending, progress shows.
import { useState } from 'react'
import type { NodeAction, NodeSummary } from '../../../../shared/domain/node'
import type { PendingAction } from '../../../../shared/domain/node-state'
import { ACTION_LABEL, actionAvailability } from '../../../../shared/domain/node-rules'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorText } from '../../components/ErrorText'
import { call } from '../../lib/ipc'
import { useAction } from '../../lib/use-action'
import { PENDING_LABEL } from '../nodes/pending-label'
import './node-detail.css'

interface NodeActionsProps {
  profileId: string
  node: NodeSummary
  pending: PendingAction | undefined
}

/** Confirm the ones that interrupt a running workload. */
const CONFIRM: Partial<Record<NodeAction, string>> = {
  power_off: 'The node stops at once; anything running on it is interrupted.',
  reboot: 'The node restarts; anything running on it is interrupted for a minute or two.'
}

export function NodeActions({ profileId, node, pending }: NodeActionsProps) {
  const { running: sending, error, run: runAction } = useAction<NodeAction>()
  const [confirming, setConfirming] = useState<NodeAction | null>(null)
  const actions: NodeAction[] = [
    'power_on',
    'power_off',
    'reboot',
    node.isLocked ? 'unlock_vm' : 'lock_vm',
    node.isProtected ? 'disable_accidental_protection' : 'enable_accidental_protection'
  ]

  const run = (action: NodeAction) =>
    runAction(() => call((api) => api.nodes.action({ profileId, nodeId: node.id, action })), { label: action })

  const busy = pending !== undefined || sending !== null
  return (
    <section className="stack" aria-labelledby="actions-title">
      <h3 id="actions-title">Actions</h3>
      {pending && (
        <p className="progress-line" role="status" data-testid="pending">
          <span className="spinner" aria-hidden="true" /> {PENDING_LABEL[pending.kind]}
        </p>
      )}
      <ul className="action-list">
        {actions.map((action) => {
          const a = actionAvailability(node, action)
          const reasonId = `reason-${action}`
          const reason = !a.allowed ? a.reason : busy ? 'Wait until the current action finishes' : undefined
          return (
            <li key={action} className="action-item">
              <button
                type="button"
                className="btn"
                disabled={!a.allowed || busy}
                title={reason}
                aria-describedby={reason ? reasonId : undefined}
                onClick={() => (CONFIRM[action] ? setConfirming(action) : void run(action))}
              >
                {sending === action ? 'Sending…' : ACTION_LABEL[action]}
              </button>
              {reason && (
                <span id={reasonId} className="reason">
                  {reason}
                </span>
              )}
            </li>
          )
        })}
      </ul>
      {error && <ErrorText error={error} />}
      {confirming && (
        <ConfirmDialog
          title={`${ACTION_LABEL[confirming]} ${node.name}?`}
          confirmLabel={ACTION_LABEL[confirming]}
          danger={confirming === 'power_off'}
          onClose={() => setConfirming(null)}
          onConfirm={() =>
            call((api) => api.nodes.action({ profileId, nodeId: node.id, action: confirming })).then(() => undefined)
          }
        >
          <p>{CONFIRM[confirming]}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
