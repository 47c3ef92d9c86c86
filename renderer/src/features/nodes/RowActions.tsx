// The row menu (the row's "…" button or a right-click) and what its items open: the same actions as the detail,
// from the same action model (labels, icons, reasons, runner), a confirm for the ones that interrupt work, and the
// detail's delete dialog (typed name, committed warning, keep IP). One menu at a time, mounted only while open.
import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react'
import { Copy, PanelRightOpen } from 'lucide-react'
import type { NodeAction } from '../../../../shared/domain/node'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Menu, type MenuItem } from '../../components/Menu'
import { copyText } from '../../lib/clipboard'
import { useNodesStore } from '../../stores/nodes.store'
import { toast } from '../../stores/notifications.store'
import { useProfilesStore } from '../../stores/profiles.store'
import { useUiStore } from '../../stores/ui.store'
import { nodeActionItems, profileBlockReason, runNodeAction } from '../node-detail/node-action-model'
import type { NodeRow } from './list-filter'
import type { RowMenuRequest } from './NodeTable'

// The dialog's chunk (with the committed-term check) loads the first time a delete starts from the list.
const DeleteNodeDialog = lazy(async () => ({
  default: (await import('../node-detail/DeleteNodeDialog')).DeleteNodeDialog
}))

interface Confirming {
  row: NodeRow
  action: NodeAction
  label: string
  text: string
}

/** The live node for a row (the menu may open on a row a poll has since changed). */
function liveRow(row: NodeRow): NodeRow {
  const node = useNodesStore.getState().byProfile[row.profileId]?.nodes.find((n) => n.id === row.node.id)
  return node ? { ...row, node } : row
}

export function useRowActions(): {
  openMenu(request: RowMenuRequest): void
  requestDelete(row: NodeRow): void
  element: ReactNode
} {
  const [menu, setMenu] = useState<RowMenuRequest | null>(null)
  const [confirming, setConfirming] = useState<Confirming | null>(null)
  const [deleting, setDeleting] = useState<NodeRow | null>(null)
  const openMenu = useCallback((r: RowMenuRequest) => setMenu({ ...r, row: liveRow(r.row) }), [])
  const requestDelete = useCallback((row: NodeRow) => setDeleting(liveRow(row)), [])

  const element = (
    <>
      {menu && (
        <RowMenu
          request={menu}
          onClose={() => setMenu(null)}
          onConfirm={setConfirming}
          onDelete={(row) => setDeleting(row)}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={`${confirming.label} ${confirming.row.node.name}?`}
          confirmLabel={confirming.label}
          danger={confirming.action === 'power_off'}
          onClose={() => setConfirming(null)}
          onConfirm={() => void runNodeAction(confirming.row.profileId, confirming.row.node, confirming.action)}
        >
          <p>{confirming.text}</p>
        </ConfirmDialog>
      )}
      {deleting && (
        <Suspense fallback={null}>
          <DeleteNodeDialog
            profileId={deleting.profileId}
            profileName={
              useProfilesStore.getState().profiles.find((p) => p.id === deleting.profileId)?.name ?? deleting.profileId
            }
            node={deleting.node}
            onClose={() => setDeleting(null)}
            onDeleted={() => {
              const { selected, select } = useUiStore.getState()
              if (selected?.profileId === deleting.profileId && selected.nodeId === deleting.node.id) select(null)
              toast({ kind: 'ok', title: `${deleting.node.name} deleted` })
              setDeleting(null)
            }}
          />
        </Suspense>
      )}
    </>
  )
  return { openMenu, requestDelete, element }
}

function RowMenu({
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
        else if (a.confirm) onConfirm({ row, action: a.id, label: a.label, text: a.confirm })
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
