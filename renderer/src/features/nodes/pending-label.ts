import type { PendingKind } from '../../../../shared/domain/node-state'

export const PENDING_LABEL: Record<PendingKind, string> = {
  power_on: 'Powering on…',
  power_off: 'Powering off…',
  reboot: 'Rebooting…',
  lock_vm: 'Locking…',
  unlock_vm: 'Unlocking…',
  enable_accidental_protection: 'Turning protection on…',
  disable_accidental_protection: 'Turning protection off…',
  delete: 'Deleting…',
  create: 'Creating…',
  committed: 'Updating billing…'
}
