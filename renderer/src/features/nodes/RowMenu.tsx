// The row menu's content, loaded after the list's first paint (it brings the action model and its icons): the
// detail's actions with their reasons, plus open and copy; Delete last, apart. Also the confirm for the actions
// that interrupt work.
import { Copy, PanelRightOpen } from 'lucide-react'
import type { NodeAction } from '../../../../shared/domain/node'
import { Menu, type MenuItem } from '../../components/Menu'
import { copyText } from '../../lib/clipboard'
import { useNodesStore } from '../../stores/nodes.store'
import { toast } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { useUiStore } from '../../stores/ui.store'
import { ActionConfirm } from '../node-detail/ActionConfirm'
import { nodeActionItems, profileBlockReason, runNodeAction } from '../node-detail/node-action-model'
import type { NodeRow } from './list-filter'
import type { RowMenuRequest } from './NodeTable'

export interface Confirming {
  row: NodeRow
  action: NodeAction
}

export function RowConfirm({ confirming, onClose }: { confirming: Confirming; onClose(): void }) {
  return (
    <ActionConfirm
      action={confirming.action}
      nodeName={confirming.row.node.name}
      onClose={onClose}
      onConfirm={() => void runNodeAction(confirming.row.profileId, confirming.row.node, confirming.action)}
    />
  )
}

export function RowMenu({
  request,
  onClose,
  onConfirm,
  onDelete
}: {
  request: RowMenuRequest
  onClose(): void
  onConfirm(c: Confirming): void
  onDelete(row: NodeRow): void
}) {
  const { row } = request
  const { node, profileId } = row
  const profile = useProfilesStore((s) => s.profiles.find((p) => p.id === profileId))
  const state = useNodesStore((s) => s.byProfile[profileId])
  const busy = state?.pending[String(node.id)] !== undefined
  const actions = nodeActionItems(node, { blockedReason: profileBlockReason(profile, state), busy })

  const items: MenuItem[] = [
    {
      id: 'open',
      label: 'Open details',
      icon: PanelRightOpen,
      onSelect: () => useUiStore.getState().select({ profileId, nodeId: node.id })
    },
    {
      id: 'copy-ip',
      label: 'Copy public IP',
      icon: Copy,
      disabledReason: node.publicIp ? null : 'This node has no public IP',
      onSelect: () =>
        void copyText(node.publicIp ?? '').then((ok) =>
          toast(
            ok
              ? { kind: 'ok', title: `Copied ${node.publicIp ?? ''}` }
              : { kind: 'error', title: 'Could not copy the IP address' }
          )
        )
    },
    ...actions.map((a, i): MenuItem => ({
      id: a.id,
      label: a.id === 'delete' ? 'Delete…' : a.label,
      icon: a.icon,
      danger: a.id === 'delete',
      disabledReason: a.disabledReason,
      separatorBefore: i === 0 || a.id === 'delete',
      onSelect: () => {
        if (a.id === 'delete') onDelete(row)
        else if (a.confirm) onConfirm({ row, action: a.id })
        else void runNodeAction(profileId, node, a.id)
      }
    }))
  ]
  // Delete sits last, apart from the rest, wherever the model puts it.
  const ordered = [...items.filter((i) => i.id !== 'delete'), ...items.filter((i) => i.id === 'delete')]

  return (
    <Menu
      label={`Actions for ${node.name}`}
      items={ordered}
      anchor={request.at}
      returnFocusTo={request.returnTo}
      onClose={onClose}
      testId="row-menu"
    />
  )
}
