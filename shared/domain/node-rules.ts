import type { NodeAction, NodeSummary } from './node'
import { STATUS_LABEL } from './node-status'

export interface Availability {
  allowed: boolean
  /** Why not, in words for a disabled button's tooltip or a tray sublabel. */
  reason?: string
}

const yes: Availability = { allowed: true }
const no = (reason: string): Availability => ({ allowed: false, reason })

type Rulable = Pick<NodeSummary, 'status' | 'isLocked' | 'isProtected'>

/** The table in docs/e2e-api.md#actions-by-state, plus locks: one place for the window, the tray and main's checks. */
export function actionAvailability(node: Rulable, action: NodeAction): Availability {
  const state = STATUS_LABEL[node.status]
  switch (action) {
    // "Already …" first: unlocking a running node would not make Power on possible.
    case 'power_on':
      if (node.status === 'RUNNING') return no('Already running')
      if (node.isLocked) return no('The node is locked; unlock it first')
      return node.status === 'OFF' ? yes : no(`Not possible while ${state}`)
    case 'power_off':
      if (node.status === 'OFF') return no('Already powered off')
      if (node.isLocked) return no('The node is locked; unlock it first')
      return node.status === 'RUNNING' ? yes : no(`Not possible while ${state}`)
    case 'reboot':
      if (node.isLocked) return no('The node is locked; unlock it first')
      return node.status === 'RUNNING' ? yes : no('Only a running node can be rebooted')
    case 'lock_vm':
      return node.isLocked ? no('Already locked') : yes
    case 'unlock_vm':
      return node.isLocked ? yes : no('Not locked')
    case 'enable_accidental_protection':
      return node.isProtected ? no('Protection is already on') : yes
    case 'disable_accidental_protection':
      return node.isProtected ? yes : no('Protection is already off')
  }
}

export function deleteAvailability(node: Rulable): Availability {
  if (node.isLocked) return no('The node is locked. Unlock it before deleting.')
  if (node.isProtected) return no('Accidental-delete protection is on. Turn it off before deleting.')
  if (node.status === 'CREATING') return no('The node is still being created; wait until it is running.')
  if (node.status === 'SAVING') return no('An image is being saved from this node; wait until it finishes.')
  if (node.status === 'REINSTALLING') return no('The node is being reinstalled; wait until it finishes.')
  return yes
}

/**
 * Choosing "delete the node at the end of its committed term" is a delete on a timer: E2E carries it out whatever
 * the node's lock or delete protection say then, so the same rails as a delete apply when it is chosen.
 */
export function termEndDeleteAvailability(node: Pick<Rulable, 'isLocked' | 'isProtected'>): Availability {
  if (node.isLocked) return no('The node is locked. Unlock it before choosing to delete it at the end of its term.')
  if (node.isProtected)
    return no(
      'Accidental-delete protection is on. Turn it off before choosing to delete the node at the end of its term.'
    )
  return yes
}

export const ACTION_LABEL: Record<NodeAction, string> = {
  power_on: 'Power on',
  power_off: 'Power off',
  reboot: 'Reboot',
  lock_vm: 'Lock',
  unlock_vm: 'Unlock',
  enable_accidental_protection: 'Turn on delete protection',
  disable_accidental_protection: 'Turn off delete protection'
}
