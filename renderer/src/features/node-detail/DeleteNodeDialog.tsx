// Delete a node: names it, its profile and IP; the user types the name. When the rules refuse (locked,
// protected, busy) the dialog only explains why, with no way to go on.
import { useRef, useState } from 'react'
import type { NodeSummary } from '../../../../shared/domain/node'
import { deleteAvailability } from '../../../../shared/domain/node-rules'
import { Dialog } from '../../components/Dialog'
import { ErrorText } from '../../components/ErrorText'
import { Button } from '../../components/ui/Button'
import { call } from '../../lib/ipc'
import { useAction } from '../../lib/use-action'
import { CommittedDeleteWarning, useCommittedCheck } from './CommittedDeleteWarning'

interface DeleteNodeDialogProps {
  profileId: string
  profileName: string
  node: NodeSummary
  onClose(): void
  onDeleted(): void
}

export function DeleteNodeDialog({ profileId, profileName, node, onClose, onDeleted }: DeleteNodeDialogProps) {
  const [typed, setTyped] = useState('')
  const [reserveIp, setReserveIp] = useState(false)
  const { busy, error, run } = useAction()
  // A ref, not `busy`: two Enters can land before React re-renders with busy set.
  const sending = useRef(false)
  const committed = useCommittedCheck(profileId, node)
  const availability = deleteAvailability(node)
  // A committed node's loss is stated before anything can be deleted.
  const matches = typed === node.name
  const ready = matches && committed.state !== 'checking'
  // Said on the disabled button (tooltip and description), as every disabled control in the app says why.
  const notReady = !matches
    ? `Type ${node.name} above to confirm`
    : committed.state === 'checking'
      ? 'Checking the node’s committed term first'
      : null
  const title = `Delete ${node.name}?`

  if (!availability.allowed) {
    return (
      <Dialog
        title={`${node.name} cannot be deleted`}
        onClose={onClose}
        role="alertdialog"
        testId="delete-dialog"
        footer={
          <>
            <span className="spacer" />
            <button type="button" className="btn" onClick={onClose} data-autofocus>
              Close
            </button>
          </>
        }
      >
        <p data-testid="delete-refused">{availability.reason}</p>
        <p className="muted">
          {node.name} in {profileName}
          {node.publicIp ? `, ${node.publicIp}` : ''}
        </p>
      </Dialog>
    )
  }

  const submit = async () => {
    if (!ready || sending.current) return
    sending.current = true
    try {
      if (
        await run(() => call((api) => api.nodes.delete({ profileId, nodeId: node.id, confirmName: typed, reserveIp })))
      )
        onDeleted()
    } finally {
      sending.current = false
    }
  }

  return (
    <Dialog
      title={title}
      onClose={onClose}
      role="alertdialog"
      testId="delete-dialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <Button
            type="submit"
            form="delete-form"
            variant="danger"
            disabled={busy}
            disabledReason={busy ? null : notReady}
          >
            {busy ? 'Deleting…' : 'Delete node'}
          </Button>
        </>
      }
    >
      <form
        id="delete-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <p>
          This deletes <strong>{node.name}</strong> in profile <strong>{profileName}</strong>
          {node.publicIp ? (
            <>
              {' '}
              with public IP <span className="mono">{node.publicIp}</span>
            </>
          ) : null}
          . Its disk is erased and this cannot be undone.
        </p>
        <CommittedDeleteWarning check={committed} />
        <div className="field">
          <label htmlFor="delete-confirm">
            Type <span className="mono">{node.name}</span> to confirm
          </label>
          <input
            id="delete-confirm"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            aria-invalid={typed.length > 0 && !matches}
          />
          {typed.length > 0 && !matches && <span className="error">The name does not match yet.</span>}
        </div>
        {node.publicIp && (
          <label className="check">
            <input type="checkbox" checked={reserveIp} onChange={(e) => setReserveIp(e.target.checked)} /> Keep the
            public IP as a reserved IP
          </label>
        )}
        {error && <ErrorText error={error} />}
      </form>
    </Dialog>
  )
}
