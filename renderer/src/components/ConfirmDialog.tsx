import type { ReactNode } from 'react'
import { useAction } from '../lib/use-action'
import { Dialog } from './Dialog'
import { ErrorText } from './ErrorText'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  confirmLabel: string
  danger?: boolean
  /** May throw a typed error: it shows inside the dialog and the dialog stays open. */
  onConfirm(): Promise<void> | void
  onClose(): void
}

export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const { busy, error, run } = useAction()
  const confirm = async () => {
    if (await run(async () => onConfirm())) onClose()
  }
  return (
    <Dialog
      title={title}
      onClose={onClose}
      role="alertdialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
            onClick={() => void confirm()}
            disabled={busy}
          >
            {busy ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error && <ErrorText error={error} />}
    </Dialog>
  )
}
