// A confirmation for something that interrupts work: Cancel first (and focused), the action last. A failure shows
// inside the dialog, in plain words, and the dialog stays open.
import type { ReactNode } from 'react'
import { useAction } from '../lib/use-action'
import { Dialog } from './Dialog'
import { ErrorText } from './ErrorText'
import { Button } from './ui/Button'

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
          <Button onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} onClick={() => void confirm()} disabled={busy}>
            {busy ? 'Working…' : confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {error && <ErrorText error={error} />}
    </Dialog>
  )
}
