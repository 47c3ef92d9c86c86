// Delete from the tray: main asks for confirmation itself (a native dialog naming the node, its profile and
// its IP), then calls the same NodesService.delete the window uses, so the name and rule checks run once.
import type { NodeSummary } from '../../../shared/domain/node'
import type { ProfileView } from '../../../shared/domain/profile'
import type { Dialogs } from '../app/ports'
import type { NodesService } from '../nodes/nodes.types'

export interface DeleteTarget {
  profile: ProfileView
  node: NodeSummary
}

export function deleteConfirmation(t: DeleteTarget) {
  const { node, profile } = t
  const lost = node.publicIp
    ? `The node and its disk are deleted for good; backups too. Its public IP ${node.publicIp} is released.`
    : 'The node and its disk are deleted for good; backups too.'
  return {
    title: 'Delete node',
    message: `Delete ${node.name}?`,
    detail: [
      `Profile: ${profile.name} (${profile.location})`,
      `Public IP: ${node.publicIp ?? 'none'}`,
      '',
      lost,
      'This cannot be undone.'
    ].join('\n'),
    buttons: ['Cancel', `Delete ${node.name}`],
    cancelId: 0,
    defaultId: 0
  }
}

/**
 * Returns true when the delete was sent. `lookup` is asked again after the dialog closes: the node may have
 * gone (deleted from the window) or changed while the user was reading.
 */
export async function quickDelete(
  deps: { dialogs: Dialogs; nodes: Pick<NodesService, 'delete'> },
  target: DeleteTarget,
  lookup: () => DeleteTarget | null
): Promise<boolean> {
  const choice = await deps.dialogs.confirm(deleteConfirmation(target))
  if (choice !== 1) return false
  const current = lookup()
  if (!current) return false
  await deps.nodes.delete({
    profileId: current.profile.id,
    nodeId: current.node.id,
    confirmName: current.node.name,
    reserveIp: false
  })
  return true
}
