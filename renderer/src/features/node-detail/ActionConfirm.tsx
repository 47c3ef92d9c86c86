// The question before an action that interrupts work (power off, reboot), in the same words wherever it is asked:
// the detail's action bar, the list's row menu and the tray popover. What runs on "yes" is the caller's.
import type { NodeAction } from '../../../../shared/domain/node'
import { ACTION_LABEL } from '../../../../shared/domain/node-rules'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { confirmText } from './node-action-model'

export function ActionConfirm({
  action,
  nodeName,
  onConfirm,
  onClose
}: {
  action: NodeAction
  nodeName: string
  /** May throw a typed error: it shows inside the dialog and the dialog stays open. */
  onConfirm(): Promise<void> | void
  onClose(): void
}) {
  const label = ACTION_LABEL[action]
  return (
    <ConfirmDialog
      title={`${label} ${nodeName}?`}
      confirmLabel={label}
      danger={action === 'power_off'}
      onClose={onClose}
      onConfirm={onConfirm}
    >
      <p>{confirmText(action)}</p>
    </ConfirmDialog>
  )
}
