// Status by colour AND text, so colour-blind users and screen readers get the same information.
import type { NodeStatus } from '../../../shared/domain/node'
import { STATUS_LABEL } from '../../../shared/domain/node-status'

export function StatusBadge({ status, pending }: { status: NodeStatus; pending?: string }) {
  return (
    <span className={`status status-${pending ? 'CREATING' : status}`} data-status={status}>
      {pending ?? STATUS_LABEL[status]}
    </span>
  )
}
